// A gateway that starts before Prometheus has the live system's clock, as
// in the two-room demo: Debian's Prometheus scrapes a port where the
// simulator is not running yet, sitroom-gateway starts on it and a console
// signs in; only then does the simulator (replaying an evening of July 2021)
// come up on that port. Until Prometheus has its clock the gateway publishes
// no time at all (not the wall clock's), and once it has it every tick, every
// second of history and every alert is on the live system's clock. Before
// the fix the first ticks carried the wall clock, the alert engine kept it
// and said "red for 2794831 min". Then the live system stops and comes back:
// the ticks name every figure stale meanwhile.
#include "tests/support/GatewayProcess.h"
#include "tests/support/PrometheusProcess.h"
#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestUsers.h"

#include <QtTest>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kStartMs = 30000;
constexpr int kClockMs = 20000;   // Prometheus's first scrape of the simulator, then a tick
const QByteArray kSecret = "gateway-late-clock-test-secret";
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

bool hasStale(const sitroom::v1::SystemState &state, const char *figure,
              sitroom::v1::StaleReason reason = sitroom::v1::STALE_REASON_UNSPECIFIED)
{
    for (const auto &f : state.stale())
        if (f.figure() == figure && (reason == sitroom::v1::STALE_REASON_UNSPECIFIED || f.reason() == reason))
            return true;
    return false;
}

} // namespace

class TestGatewayLateClock final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    LiveSystemProcess m_sim;
    PrometheusProcess m_prometheus;
    GatewayProcess m_gateway;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The ticks the client received from index `from` on.
    static std::vector<sitroom::v1::SystemState> ticks(const TestTlsClient &client, std::size_t from = 0)
    {
        std::vector<sitroom::v1::SystemState> out;
        const auto &all = client.received();
        for (std::size_t i = from; i < all.size(); ++i)
            if (all[i].body_case() == Envelope::kTick)
                out.push_back(all[i].tick().state());
        return out;
    }
    static const sitroom::v1::SystemState *lastTick(const TestTlsClient &client)
    {
        const auto &all = client.received();
        for (auto it = all.rbegin(); it != all.rend(); ++it)
            if (it->body_case() == Envelope::kTick)
                return &it->tick().state();
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PrometheusProcess::binaryPath().isEmpty(), "prometheus is not installed: scripts/setup installs Debian's");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        QFile secret(path(QStringLiteral("secret")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(kSecret + '\n');
        secret.close();
        QVERIFY(writeUsersFile(path(QStringLiteral("users.json")), standardTestUsers()));
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_prometheus.stop();
        m_sim.stop();
    }

    void noTimeUntilTheLiveClockThenOnlyItsTime()
    {
        const quint16 metricsPort = PrometheusProcess::freePort();
        const quint16 controlPort = PrometheusProcess::freePort();
        QVERIFY(metricsPort != controlPort);
        QString error;
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("prometheus")));
        QVERIFY2(m_prometheus.start(path(QStringLiteral("prometheus")), QStringLiteral("sitroom-sim"), metricsPort, &error),
                 qPrintable(error));
        const QStringList arguments{
            QStringLiteral("--source"), QStringLiteral("prometheus:") + m_prometheus.url().toString(),
            QStringLiteral("--site-config"), QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"),
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls.path(),
            QStringLiteral("--users"), path(QStringLiteral("users.json")), QStringLiteral("--control-webhook"),
            QStringLiteral("http://127.0.0.1:%1/control").arg(controlPort), QStringLiteral("--control-secret"),
            path(QStringLiteral("secret")), QStringLiteral("--state-dir"), path(QStringLiteral("state"))};
        QVERIFY2(m_gateway.start(arguments, &error, kStartMs), qPrintable(error));

        TestTlsClient watch;
        QVERIFY2(watch.signInAs(m_gateway.port(), m_tls.caPath(), QStringLiteral("han"), QStringLiteral("tst_gatewaylateclock")),
                 "han could not sign in to the gateway");
        const int snapshotAt = watch.waitForBody(Envelope::kSnapshot, 1000);
        QVERIFY(snapshotAt >= 0);
        const sitroom::v1::Snapshot &snapshot = watch.received()[std::size_t(snapshotAt)].snapshot();
        QCOMPARE(snapshot.state().sim_time_ms(), qint64(0));
        QCOMPARE(snapshot.history().queue_depth_size(), 0);
        // Three ticks with nothing to date them by: no time, the clock named stale.
        QVERIFY(watch.waitFor([&] { return ticks(watch).size() >= 3; }, 10000));
        for (const auto &state : ticks(watch)) {
            QCOMPARE(state.sim_time_ms(), qint64(0));
            QVERIFY(hasStale(state, "live_clock"));
        }
        QTRY_VERIFY2_WITH_TIMEOUT(m_gateway.standardError().contains(QStringLiteral("the alerts wait for the live system's clock")),
                                  qPrintable(m_gateway.standardError()), 5000);

        // The live system comes up where Prometheus looks for it.
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("opening-18-49"), QStringLiteral("--fast-forward"),
                              QStringLiteral("33m")},
                             path(QStringLiteral("secret")), &error, kStartMs, metricsPort, controlPort),
                 qPrintable(error));
        const std::size_t before = watch.received().size();
        QVERIFY2(watch.waitFor([&] { return lastTick(watch) && lastTick(watch)->sim_time_ms() > 0; }, kClockMs),
                 qPrintable(m_gateway.standardError().right(3000)));
        const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
        const qint64 liveMs = lastTick(watch)->sim_time_ms();
        // The simulator replays July 2021: its clock, years from the wall's.
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(liveMs, Qt::UTC).date().year(), 2021);
        QVERIFY(wallMs - liveMs > 365 * kDayMs);

        // A few more seconds: every tick and every history second on that
        // clock, never the wall's; no alert dated after the live clock.
        QVERIFY(watch.waitFor([&] { return ticks(watch, before).size() >= 8; }, 15000));
        qint64 previous = 0;
        for (std::size_t i = before; i < watch.received().size(); ++i) {
            const Envelope &e = watch.received()[i];
            if (e.body_case() == Envelope::kTick) {
                const qint64 t = e.tick().state().sim_time_ms();
                if (t == 0) {
                    QVERIFY2(previous == 0, "a tick without time after one with it");
                    continue;
                }
                QVERIFY2(std::llabs(t - liveMs) < kDayMs, qPrintable(QString::number(t)));
                QVERIFY(t >= previous);
                previous = t;
                const auto &samples = e.tick().samples();
                if (samples.queue_depth_size() > 0)
                    QVERIFY2(std::llabs(samples.first_time_ms() - liveMs) < kDayMs,
                             qPrintable(QString::number(samples.first_time_ms())));
            } else if (e.body_case() == Envelope::kAlertEvent) {
                QVERIFY2(e.alert_event().alert().raised_ms() <= previous + 60000,
                         qPrintable(QString::fromStdString(e.alert_event().alert().DebugString())));
            }
        }
        QTRY_VERIFY2_WITH_TIMEOUT(m_gateway.standardError().contains(QStringLiteral("the live system's clock is known now")),
                                  qPrintable(m_gateway.standardError()), 5000);
        QVERIFY(m_gateway.standardError().contains(QStringLiteral("the alerts run on it")));

        // A console signing in now gets a snapshot wholly on the live clock.
        TestTlsClient late;
        QVERIFY(late.signInAs(m_gateway.port(), m_tls.caPath(), QStringLiteral("kim"), QStringLiteral("tst_gatewaylateclock")));
        const int at = late.waitForBody(Envelope::kSnapshot, 1000);
        QVERIFY(at >= 0);
        const sitroom::v1::Snapshot &fresh = late.received()[std::size_t(at)].snapshot();
        QVERIFY(std::llabs(fresh.state().sim_time_ms() - liveMs) < 60000);
        QVERIFY(std::llabs(fresh.configuration().sim_start_ms() - liveMs) < 2 * 3600 * 1000);
        if (fresh.history().queue_depth_size() > 0)
            QVERIFY(std::llabs(fresh.history().first_time_ms() - liveMs) < 2 * 3600 * 1000);
        for (const auto &alert : fresh.active_alerts())
            QVERIFY2(alert.raised_ms() <= fresh.state().sim_time_ms() + 60000, qPrintable(QString::fromStdString(alert.DebugString())));
    }

    // The live system stops while Prometheus and the gateway run on. The
    // link to the console stays up (ticks keep coming), so the console must
    // learn from the ticks themselves that nothing in them is live: every
    // figure is named stale, the scrape target down. Once the live system is
    // back, the figures are fresh again.
    void theLiveSystemGoneIsNamedInEveryTickThenComesBack()
    {
        QVERIFY2(m_sim.isRunning() && m_gateway.isRunning(), "needs the chain the case before started");
        const quint16 metricsPort = m_sim.metricsPort();
        const quint16 controlPort = m_sim.controlPort();
        TestTlsClient watch;
        QVERIFY(watch.signInAs(m_gateway.port(), m_tls.caPath(), QStringLiteral("han"), QStringLiteral("tst_gatewaylateclock")));
        QVERIFY2(watch.waitFor([&] { return lastTick(watch) && !hasStale(*lastTick(watch), "queue_depth"); }, kClockMs),
                 "the figures were not fresh to begin with");

        QVERIFY(m_sim.stop() >= 0 || !m_sim.isRunning());
        const auto down = [&] {
            const auto *t = lastTick(watch);
            return t && hasStale(*t, "queue_depth", sitroom::v1::STALE_TARGET_DOWN)
                && hasStale(*t, "live_clock", sitroom::v1::STALE_TARGET_DOWN)
                && hasStale(*t, "provider.naver.light", sitroom::v1::STALE_TARGET_DOWN);
        };
        QVERIFY2(watch.waitFor(down, kClockMs), qPrintable(m_gateway.standardError().right(2000)));

        // Three more ticks, each naming the figures stale; the live clock
        // goes on at Prometheus's pace, never faster than the wall's.
        const std::size_t from = watch.received().size();
        const qint64 firstLiveMs = lastTick(watch)->sim_time_ms();
        QElapsedTimer wall;
        wall.start();
        QVERIFY(watch.waitFor([&] { return ticks(watch, from).size() >= 3; }, 10000));
        for (const auto &state : ticks(watch, from)) {
            QVERIFY(hasStale(state, "queue_depth", sitroom::v1::STALE_TARGET_DOWN));
            QVERIFY(state.sim_time_ms() >= firstLiveMs);
            QVERIFY2(state.sim_time_ms() - firstLiveMs <= wall.elapsed() + 2000,
                     qPrintable(QStringLiteral("%1 ms of live clock in %2 ms").arg(state.sim_time_ms() - firstLiveMs).arg(wall.elapsed())));
        }

        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("opening-18-49"), QStringLiteral("--fast-forward"),
                              QStringLiteral("33m")},
                             path(QStringLiteral("secret")), &error, kStartMs, metricsPort, controlPort),
                 qPrintable(error));
        QVERIFY2(watch.waitFor([&] { return lastTick(watch) && lastTick(watch)->stale_size() == 0; }, kClockMs),
                 qPrintable(m_gateway.standardError().right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestGatewayLateClock)
#include "tst_gatewaylateclock.moc"
