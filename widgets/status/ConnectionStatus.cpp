#include "widgets/status/ConnectionStatus.h"

#include "widgets/common/ElidedLabel.h"
#include "widgets/common/LiveClockLabel.h"
#include "widgets/status/LinkText.h"
#include "models/situation/SituationStore.h"

#include <QDateTime>

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>

#include <utility>

namespace sitroom::widgets {

namespace {

QString roleName(sitroom::v1::Role role)
{
    switch (role) {
    case sitroom::v1::ROLE_VIEWER: return ConnectionStatus::tr("viewer");
    case sitroom::v1::ROLE_OPERATOR: return ConnectionStatus::tr("operator");
    case sitroom::v1::ROLE_SUPERVISOR: return ConnectionStatus::tr("supervisor");
    default: return ConnectionStatus::tr("not signed in");
    }
}

} // namespace

ConnectionStatus::ConnectionStatus(const sitroom::models::SituationStore &store, const QString &servers,
                                   const QString &site, const QString &user, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_servers(servers)
    , m_site(site)
    , m_switchTimer(new QTimer(this))
    , m_server(new QLabel(this))
    , m_user(new ElidedLabel(ElidedLabel::GiveWay::Last, this))
    , m_rtt(new ElidedLabel(ElidedLabel::GiveWay::Last, this))
    , m_age(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    // Apart from the news on its left, which may run up to it cut short.
    layout->setContentsMargins(10, 0, 0, 0);
    layout->setSpacing(8);
    for (QLabel *label : {m_server, static_cast<QLabel *>(m_user), static_cast<QLabel *>(m_rtt), m_age})
        layout->addWidget(label);
    m_age->setObjectName(QStringLiteral("ageLabel"));
    m_server->setObjectName(QStringLiteral("serverLabel"));
    m_user->setObjectName(QStringLiteral("userLabel"));
    m_rtt->setObjectName(QStringLiteral("rttLabel"));
    m_user->setShortForm(user);
    m_switchTimer->setSingleShot(true);
    m_switchTimer->setInterval(kSwitchNoticeMs);
    connect(m_switchTimer, &QTimer::timeout, this, &ConnectionStatus::endSwitchNotice);
    m_user->setProperty("userName", user);
    connect(&store, &sitroom::models::SituationStore::ageChanged, this, &ConnectionStatus::refresh);
    connect(&store, &sitroom::models::SituationStore::linkChanged, this, [this] {
        noteGateway();
        refresh();
    });
    connect(&store, &sitroom::models::SituationStore::freshnessChanged, this, &ConnectionStatus::refresh);
    connect(&store, &sitroom::models::SituationStore::serviceChanged, this, &ConnectionStatus::refresh);
    refresh();
}

QString ConnectionStatus::sourceWords(const QString &source)
{
    if (source.startsWith(QStringLiteral("sim:")))
        return tr("Simulation");
    if (source.startsWith(QStringLiteral("prometheus:")))
        return tr("Prometheus %1").arg(source.mid(int(qstrlen("prometheus:"))));
    return source;
}

QString ConnectionStatus::ageLabelText() const
{
    return m_age->text();
}

QString ConnectionStatus::serverText() const
{
    return m_server->text();
}

QString ConnectionStatus::userText() const
{
    return m_user->text();
}

void ConnectionStatus::endSwitchNotice()
{
    m_switchTimer->stop();
    m_switchNotice.clear();
    refresh();
}

void ConnectionStatus::noteGateway()
{
    const sitroom::models::LinkEvent &link = m_store.link();
    if (link.state != sitroom::models::LinkState::Live || link.server.isEmpty())
        return;
    const QString before = std::exchange(m_liveServer, link.server);
    if (before.isEmpty() || before == link.server)
        return;
    // On the new gateway's clock (a wall clock), in the live system's zone,
    // said to be the wall clock when the live system's runs apart from it.
    const qint64 at = m_store.lastServerTimeMs() > 0 ? m_store.lastServerTimeMs() : QDateTime::currentMSecsSinceEpoch();
    const QString name = gatewayName(link.server, m_store.welcome().server_site());
    const QString when = LiveClockLabel::gatewayTimeText(m_store, at);
    m_switchNotice = tr("Switched to the %1 %2").arg(name, when);
    m_lastMove = tr("At %1 this console moved from %2 to %3: the gateway it was on failed or could no longer serve well.")
                     .arg(when, before, link.server);
    m_switchTimer->start();
    emit moved(m_switchNotice);
}

void ConnectionStatus::refresh()
{
    const sitroom::models::LinkEvent &link = m_store.link();
    const bool live = link.state == sitroom::models::LinkState::Live;
    m_linkWords = live ? tr("● Connected") : link.switching ? tr("○ Switching gateways…") : tr("○ Not connected");
    // The gateway in use, by its room once it has said so; until then the
    // address being tried (the first one given, before any).
    const sitroom::v1::Site room = live ? m_store.welcome().server_site() : sitroom::v1::SITE_UNSPECIFIED;
    const QString address = !link.server.isEmpty() ? link.server : m_servers.section(u',', 0, 0).trimmed();
    const QString gateway = room != sitroom::v1::SITE_UNSPECIFIED ? gatewayName(address, room) : gatewayName(address);
    // Connected, the dot says so; otherwise the link's state comes first.
    QString server = live ? tr("● %1", "the gateway this console is connected to").arg(gateway)
                          : tr("%1 · %2", "the link's state · the gateway").arg(m_linkWords, gateway);
    // The one fact of the gateway's state that changes what a control does;
    // else, just after a move, marked so (the move itself is in the news and
    // the tooltip).
    const bool refusing = live && m_store.gatewayService().storeUnreachable();
    if (refusing)
        server = tr("%1 · refusing controls", "a gateway whose state store is out of reach").arg(server);
    else if (live && !m_switchNotice.isEmpty())
        server = tr("%1 (switched)", "the gateway in use, just after the console moved to it").arg(server);
    m_server->setText(server);
    if (m_server->property("problem").toBool() != refusing) {
        m_server->setProperty("problem", refusing);
        style()->unpolish(m_server);
        style()->polish(m_server);
    }
    QString tip = m_linkWords + QStringLiteral(" · ");
    tip += m_servers.contains(u',') ? tr("In use: %1. Gateways, in order of preference: %2.").arg(address, m_servers) : address;
    // Configuration.source: a Prometheus address can be long, so it is said here.
    m_sourceWords = sourceWords(m_store.source());
    if (!m_sourceWords.isEmpty())
        tip += u'\n' + tr("Reads the live system from: %1").arg(m_sourceWords);
    if (refusing)
        tip += u'\n' + tr("The gateway cannot reach its shared state store: it refuses every command until the store is "
                           "back (its service level is %1). Telemetry keeps flowing.").arg(m_store.gatewayService().level());
    if (!m_lastMove.isEmpty())
        tip += u'\n' + m_lastMove;
    m_server->setToolTip(tip);
    m_user->setText(tr("%1 (%2, %3)", "user (this console's site, role)")
                        .arg(m_user->property("userName").toString(), m_site, roleName(m_store.welcome().role())));
    m_user->setToolTip(m_user->text());
    const int rtt = m_store.roundTripMs();
    m_rtt->setText(rtt < 0 ? tr("RTT –") : tr("RTT %1 ms").arg(rtt));
    m_rtt->setShortForm(rtt < 0 ? QStringLiteral("–") : tr("%1 ms", "round-trip time, short of room").arg(rtt));
    m_rtt->setToolTip(m_rtt->text());
    m_age->setText(m_store.ageMs() < 0 ? tr("No data yet", "status bar") : tr("Updated %1").arg(ageText(m_store.ageMs())));
    m_age->setProperty("stale", m_store.isStale());
    style()->unpolish(m_age);
    style()->polish(m_age);
}

} // namespace sitroom::widgets
