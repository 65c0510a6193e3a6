#include "widgets/status/ConnectionStatus.h"

#include "widgets/common/LiveClockLabel.h"
#include "widgets/status/LinkText.h"
#include "models/situation/SituationStore.h"

#include "domain/LiveClock.h"

#include <QDateTime>

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>

#include <utility>

namespace sitroom::widgets {

namespace {

// The widest the source may take in the status bar.
constexpr int kSourceMaxPx = 220;

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
    , m_link(new QLabel(this))
    , m_server(new QLabel(this))
    , m_source(new QLabel(this))
    , m_user(new QLabel(this))
    , m_rtt(new QLabel(this))
    , m_age(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    for (QLabel *label : {m_link, m_server, m_source, m_user, m_rtt, m_age})
        layout->addWidget(label);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_age->setObjectName(QStringLiteral("ageLabel"));
    m_server->setObjectName(QStringLiteral("serverLabel"));
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

QString ConnectionStatus::sourceText() const
{
    return m_source->property("sourceWords").toString();
}

QString ConnectionStatus::ageLabelText() const
{
    return m_age->text();
}

QString ConnectionStatus::linkText() const
{
    return m_link->text();
}

QString ConnectionStatus::serverText() const
{
    return m_server->text();
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
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    const qint64 at = m_store.lastServerTimeMs() > 0 ? m_store.lastServerTimeMs() : QDateTime::currentMSecsSinceEpoch();
    const auto source = LiveClockLabel::clocksDiffer(m_store) ? sitroom::domain::LiveClock::Source::GatewayWall
                                                              : sitroom::domain::LiveClock::Source::LiveSystem;
    const QString name = gatewayName(link.server, m_store.welcome().server_site());
    const QString when = clock.labelled(sitroom::domain::LiveClock::Stamp{at, source});
    m_switchNotice = tr("Switched to the %1 %2").arg(name, when);
    m_lastMove = tr("At %1 this console moved from %2 to %3: the gateway it was on failed or could no longer serve well.")
                     .arg(when, before, link.server);
    m_switchTimer->start();
}

void ConnectionStatus::refresh()
{
    const sitroom::models::LinkEvent &link = m_store.link();
    const bool live = link.state == sitroom::models::LinkState::Live;
    m_link->setText(live ? tr("● Connected") : link.switching ? tr("○ Switching gateways…") : tr("○ Not connected"));
    // The gateway in use, by its room once it has said so; until then the
    // address being tried (the first one given, before any).
    const sitroom::v1::Site room = live ? m_store.welcome().server_site() : sitroom::v1::SITE_UNSPECIFIED;
    const QString address = !link.server.isEmpty() ? link.server : m_servers.section(u',', 0, 0).trimmed();
    // Just after a move the move says which gateway is in use: one label, so
    // the bar stays within a laptop's width.
    if (live && !m_switchNotice.isEmpty())
        m_server->setText(m_switchNotice + QStringLiteral(" · ") + m_site);
    else
        m_server->setText(tr("Server %1 · %2").arg(room != sitroom::v1::SITE_UNSPECIFIED ? gatewayName(address, room) : address, m_site));
    QString tip = m_servers.contains(u',') ? tr("In use: %1. Gateways, in order of preference: %2.").arg(address, m_servers)
                                           : address;
    if (!m_lastMove.isEmpty())
        tip += u'\n' + m_lastMove;
    m_server->setToolTip(tip);
    // Configuration.source; the age's timer keeps it current after a new snapshot.
    // A Prometheus URL can be long: elided, whole in the tooltip.
    const QString source = sourceWords(m_store.source());
    m_source->setText(m_source->fontMetrics().elidedText(source, Qt::ElideMiddle, kSourceMaxPx));
    m_source->setProperty("sourceWords", source);
    m_source->setToolTip(m_store.source());
    m_source->setVisible(!source.isEmpty());
    m_user->setText(tr("User %1 (%2)").arg(m_user->property("userName").toString(), roleName(m_store.welcome().role())));
    m_rtt->setText(m_store.roundTripMs() < 0 ? tr("RTT –") : tr("RTT %1 ms").arg(m_store.roundTripMs()));
    m_age->setText(tr("Last update: %1").arg(ageText(m_store.ageMs())));
    m_age->setProperty("stale", m_store.isStale());
    style()->unpolish(m_age);
    style()->polish(m_age);
}

} // namespace sitroom::widgets
