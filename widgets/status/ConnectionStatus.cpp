#include "widgets/status/ConnectionStatus.h"

#include "widgets/status/LinkText.h"
#include "models/situation/SituationStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

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

ConnectionStatus::ConnectionStatus(const sitroom::models::SituationStore &store, const QString &server,
                                   const QString &site, const QString &user, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
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
    m_server->setText(tr("Server %1 · %2").arg(server, site));
    m_user->setProperty("userName", user);
    connect(&store, &sitroom::models::SituationStore::ageChanged, this, &ConnectionStatus::refresh);
    connect(&store, &sitroom::models::SituationStore::linkChanged, this, &ConnectionStatus::refresh);
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
    return m_source->text();
}

QString ConnectionStatus::ageLabelText() const
{
    return m_age->text();
}

void ConnectionStatus::refresh()
{
    const bool live = m_store.link().state == sitroom::models::LinkState::Live;
    m_link->setText(live ? tr("● Connected") : tr("○ Not connected"));
    // Configuration.source; the age's timer keeps it current after a new snapshot.
    const QString source = sourceWords(m_store.source());
    m_source->setText(source);
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
