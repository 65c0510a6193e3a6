#include "widgets/briefing/BriefingView.h"

#include "widgets/board/LightGlyph.h"
#include "models/briefing/BriefingSummary.h"
#include "models/briefing/CriticalStanding.h"
#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/StaleOverlay.h"
#include "domain/LiveClock.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"
#include "models/words/ProviderNames.h"
#include "widgets/status/StaleFigureWords.h"

#include "sitroom/v1/alerts.pb.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::BriefingFacts;
using sitroom::models::BriefingSummary;
using sitroom::models::ProviderModel;
using sitroom::models::SituationStore;
namespace figure = sitroom::models::figure;

namespace {

constexpr qint64 kLeadMs = 30 * 60 * 1000;   // the charts start half an hour before the opening
constexpr qint64 kMinWindowMs = 60 * 60 * 1000;

sitroom::models::SampleSource columnSource(const SituationStore &store, const char *column)
{
    const QString name = QLatin1String(column);
    return [&store, name] { return store.history().span(store.history().column(name)); };
}

QLabel *figureLabel(QWidget *parent, const char *name, int pixelSize, bool bold)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    QFont f = label->font();
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    label->setFont(f);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BriefingView::BriefingView(const SituationStore &store, ProviderModel *providers, sitroom::models::CohortModel *cohorts,
                           QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_providers(providers)
    , m_cohorts(cohorts)
    , m_heading(figureLabel(this, "briefingHeading", 22, true))
    , m_summary(figureLabel(this, "briefingSummary", 20, false))
    , m_lights(figureLabel(this, "briefingLights", 17, true))
    , m_queue(figureLabel(this, "briefingQueue", 17, false))
    , m_bookings(figureLabel(this, "briefingBookings", 17, false))
    , m_alerts(figureLabel(this, "briefingAlerts", 17, true))
    , m_bookingsChart(new TimeSeriesChart(this))
    , m_queueChart(new TimeSeriesChart(this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("briefingView"));
    m_summary->setTextFormat(Qt::PlainText);

    m_bookingsChart->setValueTitle(tr("bookings per second"));
    m_bookingsChart->addSeries(tr("Bookings"), QColor(0x15, 0x65, 0xc0), 2.0);
    m_bookingsChart->setSource(0, columnSource(store, "bookings"));
    m_bookingsChart->setLegendVisible(false);
    m_bookingsChart->setZeroBased(true);
    m_queueChart->setValueTitle(tr("people waiting"));
    m_queueChart->addSeries(tr("Queue"), QColor(0x37, 0x47, 0x4f), 2.0);
    m_queueChart->setSource(0, columnSource(store, "queue_depth"));
    m_queueChart->setLegendVisible(false);
    m_queueChart->setZeroBased(true);

    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(24);
    figures->setVerticalSpacing(6);
    figures->addWidget(m_lights, 0, 0, 1, 2);
    figures->addWidget(m_queue, 1, 0);
    figures->addWidget(m_bookings, 1, 1);
    figures->addWidget(m_alerts, 2, 0, 1, 2);
    figures->setColumnStretch(0, 1);
    figures->setColumnStretch(1, 1);

    auto *charts = new QHBoxLayout;
    charts->addWidget(m_bookingsChart, 1);
    charts->addWidget(m_queueChart, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addLayout(figures);
    layout->addLayout(charts, 1);
    m_stale = new StaleOverlay(this);

    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(kSummaryIntervalMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &BriefingView::refreshSummary);
    connect(&store, &SituationStore::configurationChanged, this, &BriefingView::refreshSummary);
    connect(&store, &SituationStore::historyChanged, this, &BriefingView::scheduleSummary);
    connect(&store, &SituationStore::historyChanged, this, &BriefingView::refreshCharts);
    connect(&store, &SituationStore::alertsChanged, this, &BriefingView::scheduleSummary);
    connect(&store, &SituationStore::alertEvent, this, &BriefingView::scheduleSummary);
    connect(&store, &SituationStore::stateChanged, this, &BriefingView::refreshFigures);
    connect(&store, &SituationStore::staleFiguresChanged, this, &BriefingView::refreshFigures);
    connect(&store, &SituationStore::alertsChanged, this, &BriefingView::refreshFigures);
    connect(&store, &SituationStore::alertEvent, this, &BriefingView::refreshFigures);
    refreshSummary();
    refreshFigures();
}

QString BriefingView::summaryText() const
{
    return m_summary->text();
}

QString BriefingView::figuresText() const
{
    return QStringList{m_lights->text(), m_queue->text(), m_bookings->text(), m_alerts->text()}.join(u'\n');
}

void BriefingView::scheduleSummary()
{
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start();
}

void BriefingView::refreshSummary()
{
    m_summaryTimer.stop();
    const auto &config = m_store.configuration();
    const QString scenario = sitroom::models::localText(config.scenario_name());
    m_heading->setText(scenario.isEmpty() ? tr("Situation briefing") : tr("Situation briefing · %1").arg(scenario));
    if (!m_store.hasSnapshot()) {
        m_story.clear();
        m_now.clear();
        m_summary->setText(tr("No data from the live system yet."));
        return;
    }
    const BriefingSummary summary(sitroom::models::providerNamer(m_store), [this](const QString &id) {
        const sitroom::v1::Alert *a = m_store.alert(id);
        return a ? sitroom::models::localText(a->message()) : id;
    });
    const BriefingFacts facts = sitroom::models::gatherBriefingFacts(m_store);
    m_story = summary.story(facts);
    m_now = summary.now(facts);
    m_summary->setText(m_story.join(u' ') + QStringLiteral("\n\n") + m_now.join(u' '));
}

void BriefingView::refreshFigures()
{
    const QString dash = StaleFigureWords::placeholder();
    QStringList lights;
    for (int row = 0; row < m_providers->rowCount(); ++row) {
        const QModelIndex index = m_providers->index(row, ProviderModel::Name);
        const QString id = index.data(ProviderModel::IdRole).toString();
        const bool stale = m_store.isFigureStale(figure::provider(id, "light"));
        const LightLook look = lightLook(sitroom::v1::Light(index.data(ProviderModel::LightRole).toInt()));
        const QString name = sitroom::models::providerName(m_store.configuration(), id);
        lights << (stale ? QString(name + u' ' + dash) : QString(name + u' ' + look.symbol + u' ' + look.word));
    }
    m_lights->setText(tr("Verification lights: %1").arg(lights.join(QStringLiteral("   "))));

    const auto &a = m_store.state().admission();
    const bool has = m_store.hasSnapshot();
    const bool queueStale = !has || m_store.isFigureStale(figure::queueDepth);
    const bool waitStale = queueStale || m_store.isFigureStale(figure::admitted) || m_store.isFigureStale(figure::paused);
    const QString wait = waitStale ? dash : a.paused() ? tr("admission paused") : formatDuration(a.estimated_wait_s());
    m_queue->setText(tr("Waiting: %1 people · wait shown %2")
                         .arg(queueStale ? dash : formatCount(double(a.queue_depth())), wait));

    const int row = m_cohorts->currentRow();
    if (!has || row < 0) {
        m_bookings->setText(tr("Bookings: %1").arg(dash));
    } else {
        const auto &c = m_store.configuration().cohorts(row);
        const bool stale = m_cohorts->isBookedStale(row);
        const double booked = m_cohorts->index(row, sitroom::models::CohortModel::Booked)
                                  .data(sitroom::models::CohortModel::RawValueRole).toDouble();
        m_bookings->setText(tr("Bookings: %1 of %2 forecast for the window")
                                .arg(stale ? dash : formatCount(booked), formatCount(double(c.expected_bookings()))));
    }
    const sitroom::models::CriticalStanding critical = sitroom::models::criticalStanding(m_store.alerts());
    m_alerts->setText(critical.count == 0
                          ? tr("Critical alerts: none standing")
                          : tr("Critical alerts: %1 standing (%2 unacknowledged) · %3")
                                .arg(critical.count)
                                .arg(critical.unacknowledged)
                                .arg(sitroom::models::localText(critical.worst->message())));
}

void BriefingView::refreshCharts()
{
    const auto &history = m_store.history();
    if (history.isEmpty())
        return;
    const qint64 now = history.lastTimeMs();
    qint64 from = now - kMinWindowMs;
    const int row = m_cohorts->currentRow();
    if (row >= 0) {
        const qint64 open = m_store.configuration().cohorts(row).window_open_ms();
        if (open - kLeadMs < from && open - kLeadMs >= history.firstTimeMs())
            from = open - kLeadMs;
    }
    from = std::max<qint64>(from, history.firstTimeMs());
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    for (TimeSeriesChart *chart : {m_bookingsChart, m_queueChart}) {
        chart->setClock(clock);
        chart->setOrigin(m_store.sessionOriginMs());
        chart->setTimeWindow(from, std::max(now, from + 60 * 1000));
        chart->samplesChanged();
    }
}

} // namespace sitroom::widgets
