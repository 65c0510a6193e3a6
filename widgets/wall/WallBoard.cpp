#include "widgets/wall/WallBoard.h"

#include "models/briefing/CriticalStanding.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/LiveClockLabel.h"
#include "widgets/common/StaleOverlay.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"
#include "domain/SurgeEnvelope.h"
#include "widgets/status/StaleFigureWords.h"
#include "widgets/wall/WallAlarm.h"
#include "widgets/wall/WallFigure.h"
#include "widgets/wall/WallLight.h"
#include "widgets/wall/WallType.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::CohortModel;
using sitroom::models::ProviderModel;
using sitroom::models::SituationStore;
namespace figure = sitroom::models::figure;

namespace {
constexpr double kMinuteMs = 60.0 * 1000.0;
}

WallBoard::WallBoard(const SituationStore &store, ProviderModel *providers, CohortModel *cohorts, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_providers(providers)
    , m_cohorts(cohorts)
    , m_lightRow(new QWidget(this))
    , m_queue(new WallFigure(tr("Waiting in the queue"), this))
    , m_wait(new WallFigure(tr("Wait shown to citizens"), this))
    , m_bookings(new WallFigure(tr("Bookings against the forecast"), this))
    , m_alarm(new WallAlarm(this))
    , m_clock(new LiveClockLabel(store, this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("wallBoard"));
    m_clock->setFont(wallFont(WallType::Note, font()));
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *lights = new QHBoxLayout(m_lightRow);
    lights->setContentsMargins(0, 0, 0, 0);
    lights->setSpacing(16);

    auto *figures = new QHBoxLayout;
    figures->setSpacing(16);
    figures->addWidget(m_queue, 1);
    figures->addWidget(m_wait, 1);
    figures->addWidget(m_bookings, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->setSpacing(16);
    layout->addWidget(m_lightRow, 5);
    layout->addLayout(figures, 3);
    layout->addWidget(m_alarm, 0);
    layout->addWidget(m_clock, 0);
    m_stale = new StaleOverlay(this);
    m_stale->setFont(wallFont(WallType::Heading, font()));

    connect(providers, &QAbstractItemModel::modelReset, this, &WallBoard::rebuildLights);
    connect(providers, &QAbstractItemModel::dataChanged, this, &WallBoard::refreshLights);
    connect(&store, &SituationStore::staleFiguresChanged, this, &WallBoard::refreshLights);
    connect(&store, &SituationStore::stateChanged, this, &WallBoard::refreshFigures);
    connect(&store, &SituationStore::staleFiguresChanged, this, &WallBoard::refreshFigures);
    connect(&store, &SituationStore::alertsChanged, this, &WallBoard::refreshAlarm);
    connect(&store, &SituationStore::alertEvent, this, &WallBoard::refreshAlarm);
    rebuildLights();
    refreshFigures();
    refreshAlarm();
}

void WallBoard::rebuildLights()
{
    for (WallLight *light : m_lights)
        delete light;
    m_lights.clear();
    auto *row = static_cast<QHBoxLayout *>(m_lightRow->layout());
    for (int i = 0; i < m_providers->rowCount(); ++i) {
        auto *light = new WallLight(m_lightRow);
        row->addWidget(light, 1);
        m_lights.push_back(light);
    }
    refreshLights();
}

void WallBoard::refreshLights()
{
    if (int(m_lights.size()) != m_providers->rowCount()) {
        rebuildLights();
        return;
    }
    for (int row = 0; row < m_providers->rowCount(); ++row) {
        const QModelIndex index = m_providers->index(row, ProviderModel::Name);
        const QString id = index.data(ProviderModel::IdRole).toString();
        const QString name = index.data().toString();
        const int light = index.data(ProviderModel::LightRole).toInt();
        const std::vector<sitroom::models::StaleFigure> stale = m_store.staleFiguresUnder(figure::provider(id, "light"));
        m_lights[std::size_t(row)]->setLight(name.isEmpty() ? id : name, light, StaleFigureWords::noteText(stale),
                                             StaleFigureWords::details(stale));
    }
}

void WallBoard::refreshFigures()
{
    const auto &a = m_store.state().admission();
    const QString dash = StaleFigureWords::placeholder();
    const auto staleOf = [this](std::initializer_list<QString> names) {
        std::vector<sitroom::models::StaleFigure> out;
        for (const QString &name : names) {
            if (const sitroom::models::StaleFigure *f = m_store.staleFigure(name))
                out.push_back(*f);
        }
        return out;
    };
    const bool has = m_store.hasSnapshot();

    const auto queueStale = staleOf({figure::queueDepth});
    m_queue->setFigure(!has || !queueStale.empty() ? dash : tr("%1 people").arg(formatCount(double(a.queue_depth()))),
                       !has || m_store.isFigureStale(figure::admitted) ? QString()
                                                                      : tr("admitted %1").arg(formatRate(a.admitted_per_s())));
    m_queue->setStaleNote(StaleFigureWords::noteText(queueStale), StaleFigureWords::details(queueStale));

    const auto waitStale = staleOf({figure::queueDepth, figure::admitted, figure::paused});
    if (!has || !waitStale.empty())
        m_wait->setFigure(dash, QString());
    else if (a.paused())
        m_wait->setFigure(tr("Paused"), tr("admission is paused"));
    else
        m_wait->setFigure(formatDuration(a.estimated_wait_s()), QString());
    m_wait->setStaleNote(StaleFigureWords::noteText(waitStale), StaleFigureWords::details(waitStale));

    const int row = m_cohorts->currentRow();
    if (!has || row < 0) {
        m_bookings->setFigure(dash, tr("no booking window open or coming"));
        m_bookings->setStaleNote({});
        return;
    }
    const auto &c = m_store.configuration().cohorts(row);
    const auto bookedStale = m_store.staleFiguresUnder(figure::cohortBooked(QString::fromStdString(c.id())));
    m_bookings->setStaleNote(StaleFigureWords::noteText(bookedStale), StaleFigureWords::details(bookedStale));
    const qint64 now = m_store.state().sim_time_ms();
    const double windowMinutes = double(c.window_close_ms() - c.window_open_ms()) / kMinuteMs;
    const sitroom::domain::SurgeEnvelope envelope(double(c.expected_bookings()), windowMinutes);
    if (m_cohorts->status(row) == CohortModel::WindowStatus::Upcoming) {
        m_bookings->setFigure(tr("Opens %1").arg(formatClock(c.window_open_ms(), liveTimeZone(QString::fromStdString(m_store.configuration().timezone())), QStringLiteral("HH:mm"))),
                              tr("forecast %1, %2 in the first 30 min")
                                  .arg(formatCount(envelope.expectedTotal()), formatCount(envelope.cumulative(30))));
        return;
    }
    const double expected = envelope.cumulative(double(now - c.window_open_ms()) / kMinuteMs);
    if (m_cohorts->isBookedStale(row)) {
        m_bookings->setFigure(dash, tr("expected by now %1").arg(formatCount(expected)));
        return;
    }
    const double booked = m_cohorts->index(row, CohortModel::Booked).data(CohortModel::RawValueRole).toDouble();
    m_bookings->setFigure(tr("%1 booked").arg(formatCount(booked)), tr("expected by now %1 (%2 of that)")
                                                   .arg(formatCount(expected), formatPercent(expected > 0 ? booked / expected : 0.0, 0)));
}

void WallBoard::refreshAlarm()
{
    const sitroom::models::CriticalStanding c = sitroom::models::criticalStanding(m_store.alerts());
    m_alarm->setCritical(c.count, c.unacknowledged, c.worst ? sitroom::models::localText(c.worst->message()) : QString());
}

} // namespace sitroom::widgets
