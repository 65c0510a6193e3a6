#include "tests/support/ChaosRun.h"

#include "tests/support/ChaosCheck.h"
#include "tests/support/ChaosTraffic.h"

#include "server/gateway/PostgresGatewayStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <utility>

namespace sitroom::testing {

namespace v1 = sitroom::v1;

namespace {

Q_LOGGING_CATEGORY(lcChaos, "sitroom.chaos")

// Its deleter quits the thread and waits for it (STYLE.md: threads owned so).
struct ThreadStop
{
    void operator()(QThread *thread) const
    {
        thread->quit();
        thread->wait();
        delete thread;
    }
};
using OwnedThread = std::unique_ptr<QThread, ThreadStop>;

// The event loop until done() holds, looking every 100 ms; false after timeoutMs.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop pause;
        QTimer::singleShot(100, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return true;
}

QString lastLines(const QString &text, int lines)
{
    QStringList all = text.split(QLatin1Char('\n'));
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

} // namespace

ChaosRun::ChaosRun(ChaosPlan plan, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_random(m_plan.seed ^ 0x6b696c6cULL)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (m_down)
            restart(*m_down);
    });
    m_aimTimer.setInterval(2);
    connect(&m_aimTimer, &QTimer::timeout, this, &ChaosRun::aim);
}

ChaosRun::~ChaosRun()
{
    // The store's connection goes before the cluster does.
    m_store.reset();
    m_rooms.reset();
}

bool ChaosRun::run(QString *why)
{
    QElapsedTimer wall;
    wall.start();
    m_figures = ChaosFigures();
    m_figures.seed = m_plan.seed;
    m_figures.clients = int(m_plan.users.size());
    qCInfo(lcChaos).noquote() << "chaos seed" << m_plan.seed << ":" << m_plan.commands << "commands," << m_plan.kills << "kills,"
                              << m_plan.users.join(QStringLiteral(", "));

    TwoRooms::Options options;
    options.gatewayArguments = {QStringList{QStringLiteral("--site"), QStringLiteral("seoul")},
                                QStringList{QStringLiteral("--site"), QStringLiteral("osong")}};
    m_rooms = std::make_unique<TwoRooms>(options);
    if (!m_rooms->start(why))
        return false;
    m_store = std::make_unique<gateway::PostgresGatewayStore>();
    if (!m_store->open(m_rooms->clusterUrl(), why))
        return false;

    watchGateways();
    m_killPoints.clear();
    for (int k = 0; k < m_plan.kills; ++k)
        m_killPoints.push_back(int(m_plan.commands * (0.05 + 0.85 * m_random.generateDouble())));
    std::sort(m_killPoints.begin(), m_killPoints.end());

    v1::ControlState first;
    std::uint64_t startAfter = 0;
    ChaosTraffic::Outcome outcome;
    const bool ran = traffic(&first, &startAfter, &outcome, why);
    count(outcome.commands);
    m_figures.reconnects = outcome.reconnects;
    m_figures.hops = outcome.hops;
    const bool settled = ran && settle(why);
    m_watching = false;
    if (!settled) {
        m_figures.wallMs = wall.elapsed();
        return false;
    }
    if (!m_plan.tamperSql.isEmpty()) {
        const QString said = m_rooms->sql(m_plan.tamperSql);
        qCWarning(lcChaos).noquote() << "tampered with the state before the checks:" << m_plan.tamperSql << "->" << said;
    }
    ChaosCheck check(*m_store);
    const bool ok = check.run(first, startAfter, outcome.commands, m_figures, why);
    m_figures.wallMs = wall.elapsed();
    return ok;
}

bool ChaosRun::traffic(v1::ControlState *first, std::uint64_t *startAfter, ChaosTraffic::Outcome *outcome, QString *why)
{
    const std::vector<ChaosClient::Gateway> gateways{
        {TwoRooms::serverId(TwoRooms::Room::Seoul), m_rooms->port(TwoRooms::Room::Seoul)},
        {TwoRooms::serverId(TwoRooms::Room::Osong), m_rooms->port(TwoRooms::Room::Osong)},
    };
    OwnedThread thread(new QThread);
    auto *traffic = new ChaosTraffic(m_plan, gateways, m_rooms->caPath());
    traffic->moveToThread(thread.get());
    m_traffic = traffic;
    m_answered = 0;
    connect(thread.get(), &QThread::finished, traffic, &QObject::deleteLater);
    thread->start();

    QEventLoop loop;
    m_loop = &loop;
    m_failure.clear();
    QElapsedTimer clock;
    bool done = false;
    connect(traffic, &ChaosTraffic::allSignedIn, &loop, [&](const QByteArray &control) {
        // The state the commands start from, and the audit before them.
        first->ParseFromArray(control.constData(), int(control.size()));
        const std::vector<v1::AuditEntry> last = m_store->recentAudit(1);
        *startAfter = last.empty() ? 0 : last.back().id();
        qCInfo(lcChaos).noquote() << "every client signed in; the commands begin at revision" << first->revision();
        clock.start();
        QMetaObject::invokeMethod(traffic, &ChaosTraffic::begin, Qt::QueuedConnection);
        releaseWhenKillsAreDone();
    });
    connect(traffic, &ChaosTraffic::progressed, this, &ChaosRun::progressed);
    connect(traffic, &ChaosTraffic::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    connect(traffic, &ChaosTraffic::failed, &loop, [this](const QString &failure) { stopWith(failure); });
    const int timeoutMs = m_plan.trafficTimeoutMs > 0 ? m_plan.trafficTimeoutMs : 120000 + 100 * m_plan.commands;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, [this, timeoutMs] {
        stopWith(QStringLiteral("the commands were not all answered within %1 s").arg(timeoutMs / 1000));
    });
    deadline.start(timeoutMs);
    QMetaObject::invokeMethod(traffic, &ChaosTraffic::start, Qt::QueuedConnection);
    loop.exec();
    m_loop = nullptr;
    m_traffic = nullptr;
    m_figures.trafficMs = clock.isValid() ? clock.elapsed() : 0;
    QMetaObject::invokeMethod(traffic, [traffic] { return traffic->collect(); }, Qt::BlockingQueuedConnection, outcome);
    thread.reset();
    if (!done) {
        *why = m_failure;
        return false;
    }
    return true;
}

void ChaosRun::watchGateways()
{
    m_watching = true;
    for (TwoRooms::Room room : TwoRooms::kRooms) {
        const int i = room == TwoRooms::Room::Seoul ? 0 : 1;
        QProcess &process = m_rooms->gateway(room).process();
        connect(&process, &QProcess::finished, this, [this, room, i](int code, QProcess::ExitStatus status) {
            if (!m_watching || std::exchange(m_killed[std::size_t(i)], false))
                return;
            stopWith(QStringLiteral("%1 ended by itself (%2 %3); its last words:\n%4")
                         .arg(TwoRooms::serverId(room),
                              status == QProcess::CrashExit ? QStringLiteral("crashed, signal") : QStringLiteral("exit code"))
                         .arg(code)
                         .arg(lastLines(m_rooms->gateway(room).standardError(), 40)));
        });
    }
}

void ChaosRun::stopWith(const QString &why)
{
    if (m_failure.isEmpty())
        m_failure = why;
    if (m_loop)
        m_loop->quit();
}

void ChaosRun::progressed(int answered)
{
    m_answered = answered;
    if (m_down || m_aiming || m_figures.kills >= int(m_killPoints.size())
        || answered < m_killPoints.at(std::size_t(m_figures.kills)))
        return;
    killOne();
}

void ChaosRun::killOne()
{
    if (m_random.generateDouble() < m_plan.aimedShare) {
        m_aiming = true;
        m_aimDeadline = QDeadlineTimer(3000);
        m_aimTimer.start();
        return;
    }
    kill(m_random.bounded(2) == 0 ? TwoRooms::Room::Seoul : TwoRooms::Room::Osong, false);
}

void ChaosRun::aim()
{
    // The gateway holding a change the live system has not answered yet; a
    // random one when none comes within the deadline.
    const std::vector<gateway::OutboxEntry> pending = m_store->pendingDeliveries();
    for (TwoRooms::Room room : TwoRooms::kRooms) {
        if (!pending.empty() && pending.front().leaseHolder == TwoRooms::serverId(room)) {
            kill(room, true);
            return;
        }
    }
    if (m_aimDeadline.hasExpired())
        kill(m_random.bounded(2) == 0 ? TwoRooms::Room::Seoul : TwoRooms::Room::Osong, false);
}

void ChaosRun::kill(TwoRooms::Room room, bool inDelivery)
{
    m_aimTimer.stop();
    m_aiming = false;
    const int pauseMs = m_plan.restartMinMs + int(m_random.bounded(quint32(std::max(0, m_plan.restartMaxMs - m_plan.restartMinMs) + 1)));
    m_killed[room == TwoRooms::Room::Seoul ? 0 : 1] = true;
    m_rooms->kill(room);
    m_down = room;
    ++m_figures.kills;
    m_figures.killsInDelivery += inDelivery ? 1 : 0;
    qCInfo(lcChaos).noquote() << "killed" << TwoRooms::serverId(room) << (inDelivery ? "(SIGKILL) holding a delivery," : "(SIGKILL),")
                              << "kill" << m_figures.kills << "of" << m_killPoints.size() << "; started again in" << pauseMs << "ms";
    m_restartTimer.start(pauseMs);
}

void ChaosRun::restart(TwoRooms::Room room)
{
    m_restartTimer.stop();
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!m_rooms->startGateway(room, &error)) {
        stopWith(QStringLiteral("%1 could not be started again: %2").arg(TwoRooms::serverId(room), error));
        return;
    }
    m_down.reset();
    ++m_figures.restarts;
    qCInfo(lcChaos).noquote() << TwoRooms::serverId(room) << "started again in" << clock.elapsed() << "ms";
    // A kill point passed while this gateway was down comes now: the traffic
    // may be holding its last commands back, with no answer to come.
    progressed(m_answered);
    releaseWhenKillsAreDone();
}

void ChaosRun::releaseWhenKillsAreDone()
{
    if (m_traffic && m_figures.restarts == int(m_killPoints.size()) && !m_down && !m_aiming)
        QMetaObject::invokeMethod(m_traffic, &ChaosTraffic::release, Qt::QueuedConnection);
}

bool ChaosRun::settle(QString *why)
{
    m_aimTimer.stop();
    m_aiming = false;
    if (m_down) {
        restart(*m_down);
        if (m_down) {
            *why = m_failure;
            return false;
        }
    }
    // Every delivery ended, and the live system runs the last one delivered.
    const QString lastDelivered = QStringLiteral("SELECT coalesce(max(revision), 0) FROM control_outbox WHERE status = 1");
    const bool settled = waitFor(
        [this, &lastDelivered] {
            return !m_failure.isEmpty()
                || (m_store->pendingDeliveries().empty() && m_rooms->liveRevision() == m_rooms->sql(lastDelivered).toInt());
        },
        m_plan.settleTimeoutMs);
    if (!m_failure.isEmpty()) {
        *why = m_failure;
        return false;
    }
    if (settled) {
        m_figures.checksPassed << QStringLiteral("every delivery ended; the live system runs the last one delivered (revision %1)")
                                      .arg(m_rooms->liveRevision());
        return true;
    }
    const std::vector<gateway::OutboxEntry> pending = m_store->pendingDeliveries();
    *why = pending.empty()
        ? QStringLiteral("the live system runs revision %1, the last change delivered is revision %2")
              .arg(m_rooms->liveRevision())
              .arg(m_rooms->sql(lastDelivered))
        : QStringLiteral("%1 deliveries still pending %2 s after the last answer; the first: %3 (revision %4, held by %5, %6 attempts)")
              .arg(pending.size())
              .arg(m_plan.settleTimeoutMs / 1000)
              .arg(pending.front().commandId)
              .arg(pending.front().revision)
              .arg(pending.front().leaseHolder)
              .arg(pending.front().attempts);
    return false;
}

void ChaosRun::count(const std::vector<ChaosCommand> &commands)
{
    for (const ChaosCommand &c : commands) {
        ++m_figures.sent;
        m_figures.sends += c.sends;
        m_figures.resent += c.sends > 1 ? 1 : 0;
        m_figures.resentApplied += c.sends > 1 && c.result.status() == v1::COMMAND_APPLIED ? 1 : 0;
        if (c.answeredBy == TwoRooms::serverId(TwoRooms::Room::Seoul))
            ++m_figures.throughSeoul;
        else if (c.answeredBy == TwoRooms::serverId(TwoRooms::Room::Osong))
            ++m_figures.throughOsong;
        if (!c.answered)
            continue;
        const auto note = [this, &c](const QString &kind, int &counter) {
            if (counter++ == 0)
                m_figures.notes << QStringLiteral("first %1: %2 by %3 through %4: %5")
                                       .arg(kind, QString::fromStdString(c.command.command_id()), c.user, c.answeredBy,
                                            QString::fromStdString(c.result.message()));
        };
        if (c.result.stage() == v1::COMMAND_STAGE_DELIVERY_FAILED) {
            note(QStringLiteral("delivery failed"), m_figures.deliveryFailed);
            continue;
        }
        switch (c.result.status()) {
        case v1::COMMAND_APPLIED:
            ++m_figures.applied;
            break;
        case v1::COMMAND_CONFLICT:
            ++m_figures.conflicts;
            ++(c.staleOnPurpose ? m_figures.conflictsOnPurpose : m_figures.conflictsRaced);
            break;
        case v1::COMMAND_REFUSED:
            ++m_figures.refused;
            m_figures.viewerRefused += c.viewer ? 1 : 0;
            break;
        default:
            note(QStringLiteral("other answer"), m_figures.otherStatus);
            break;
        }
    }
}

QString ChaosRun::report(int lines)
{
    QString text = QStringLiteral("seed %1; run it again: scripts/chaos --seed %1 --commands %2 --kills %3\n")
                       .arg(m_plan.seed)
                       .arg(m_plan.commands)
                       .arg(m_plan.kills);
    if (!m_rooms)
        return text;
    for (TwoRooms::Room room : TwoRooms::kRooms) {
        text += QStringLiteral("--- %1's last words (standard error) ---\n%2\n")
                    .arg(TwoRooms::serverId(room), lastLines(m_rooms->gateway(room).standardError(), lines));
    }
    return text;
}

} // namespace sitroom::testing
