#include "widgets/panels/AdmissionPanel.h"

#include "domain/LiveClock.h"

#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/StaleNote.h"
#include "widgets/common/StaleOverlay.h"
#include "widgets/controls/ControlWords.h"
#include "widgets/controls/ThrottleControl.h"
#include "widgets/controls/ThrottlePreview.h"
#include "models/situation/SituationStore.h"
#include "widgets/status/StaleFigureWords.h"
#include "models/words/SiteNames.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::HistoryRing;
using sitroom::models::SituationStore;

namespace {
constexpr qint64 kChartWindowMs = 60 * 60 * 1000;

sitroom::models::SampleSource columnSource(const SituationStore &store, const char *column)
{
    const QString name = QLatin1String(column);
    return [&store, name] { return store.history().span(store.history().column(name)); };
}
} // namespace

AdmissionPanel::AdmissionPanel(const SituationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_queue(new QLabel(this))
    , m_wait(new QLabel(this))
    , m_flow(new QLabel(this))
    , m_throttle(new QLabel(this))
    , m_paused(new QLabel(this))
    , m_figuresNote(new StaleNote(this))
    , m_throttleControl(new ThrottleControl(this))
    , m_queueChart(new TimeSeriesChart(this))
    , m_flowChart(new TimeSeriesChart(this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("admissionPanel"));
    m_queue->setObjectName(QStringLiteral("bigNumber"));
    m_paused->setObjectName(QStringLiteral("pausedFlag"));
    m_paused->setText(tr("■ Admission paused"));
    m_paused->hide();

    auto *queueCaption = new QLabel(tr("Waiting in the queue"), this);
    queueCaption->setObjectName(QStringLiteral("panelCaption"));
    auto *figures = new QGridLayout;
    figures->addWidget(queueCaption, 0, 0);
    figures->addWidget(m_queue, 1, 0, 2, 1);
    figures->addWidget(m_wait, 0, 1);
    figures->addWidget(m_flow, 1, 1);
    figures->addWidget(m_throttle, 2, 1);
    figures->addWidget(m_paused, 3, 0, 1, 2);
    figures->addWidget(m_figuresNote, 4, 0, 1, 2);
    figures->setColumnStretch(0, 1);
    figures->setColumnStretch(1, 1);

    m_queueChart->setValueTitle(tr("people waiting"));
    m_queueChart->addSeries(tr("Queue"), QColor(0x37, 0x47, 0x4f), 2.0);
    m_queueChart->setSource(0, columnSource(store, "queue_depth"));
    m_queueChart->setLegendVisible(false);
    m_queueChart->setZeroBased(true);

    m_flowChart->setValueTitle(tr("people per second"));
    m_flowChart->addSeries(tr("Arrivals"), QColor(0x6d, 0x4c, 0x41), 1.5);
    m_flowChart->addSeries(tr("Admitted"), QColor(0x15, 0x65, 0xc0), 1.5);
    m_flowChart->addSeries(tr("Throttle"), QColor(0x42, 0x42, 0x42), 1.0, Qt::DashLine);
    m_flowChart->setSource(0, columnSource(store, "arrivals"));
    m_flowChart->setSource(1, columnSource(store, "admitted"));
    m_flowChart->setSource(2, columnSource(store, "rate_limit"));
    m_flowChart->setZeroBased(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(figures);
    layout->addWidget(m_throttleControl);
    m_throttleControl->hide();
    layout->addWidget(m_queueChart, 1);
    layout->addWidget(m_flowChart, 1);
    m_stale = new StaleOverlay(this);

    connect(&store, &SituationStore::stateChanged, this, &AdmissionPanel::refresh);
    connect(&store, &SituationStore::staleFiguresChanged, this, &AdmissionPanel::refresh);
    connect(&store, &SituationStore::historyChanged, this, &AdmissionPanel::refreshCharts);
    const auto refreshThrottle = [this] {
        m_throttleControl->setPicture(m_store.configuration(), m_store.control(), controlOrigin());
    };
    connect(&store, &SituationStore::controlChanged, this, refreshThrottle);
    connect(&store, &SituationStore::configurationChanged, this, refreshThrottle);
    refresh();
    refreshCharts();
    refreshThrottle();
}

ControlOrigin AdmissionPanel::controlOrigin() const
{
    ControlOrigin origin;
    origin.known = m_store.hasSnapshot();
    const sitroom::v1::Actor &actor = m_store.controlActor();
    const QString user = QString::fromStdString(actor.user());
    origin.elsewhere = !user.isEmpty() && actor.user() != m_store.welcome().user();
    origin.who = actor.site() ? tr("%1, %2", "user, site").arg(user, sitroom::models::SiteNames::name(actor.site())) : user;
    // Heard now: the live system's clock at this moment, in its zone.
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    origin.when = clock.labelled(m_store.state().sim_time_ms(), QStringLiteral("HH:mm"));
    return origin;
}

void AdmissionPanel::attachPreview(ThrottlePreview *preview)
{
    preview->addTarget(m_queueChart, 0, ThrottlePreview::Figure::QueueDepth);
    preview->addTarget(m_flowChart, 0, ThrottlePreview::Figure::ArrivalsPerS);
    preview->addTarget(m_flowChart, 1, ThrottlePreview::Figure::AdmittedPerS);
    preview->addTarget(m_flowChart, 2, ThrottlePreview::Figure::AdmissionRate);
}

void AdmissionPanel::setCompact(bool compact)
{
    m_flowChart->setVisible(!compact);
}

QString AdmissionPanel::queueText() const
{
    return m_queue->text();
}

QString AdmissionPanel::flowText() const
{
    return m_flow->text();
}

QString AdmissionPanel::throttleText() const
{
    return m_throttle->text();
}

void AdmissionPanel::refresh()
{
    namespace figure = sitroom::models::figure;
    const auto &a = m_store.state().admission();
    const QString dash = StaleFigureWords::placeholder();
    // Before the first snapshot every figure reads "–", never 0.
    const bool none = !m_store.hasSnapshot();
    const auto stale = [this, none](const QString &name) { return none || m_store.isFigureStale(name); };
    const bool queueStale = stale(figure::queueDepth);
    const bool pausedStale = stale(figure::paused);
    m_queue->setText(tr("%1 people").arg(queueStale ? dash : formatCount(double(a.queue_depth()))));
    if (pausedStale)
        m_wait->setText(tr("Shown wait: %1").arg(dash));
    else if (a.paused())
        m_wait->setText(tr("Shown wait: none while paused"));
    else
        // The wait shown is worked out from the queue and the admissions.
        m_wait->setText(tr("Shown wait: %1").arg(queueStale || stale(figure::admitted) ? dash : formatDuration(a.estimated_wait_s())));
    m_flow->setText(tr("Arriving %1 · admitted %2")
                        .arg(stale(figure::arrivals) ? dash : formatRate(a.arrivals_per_s()),
                             stale(figure::admitted) ? dash : formatRate(a.admitted_per_s())));
    m_throttle->setText(tr("Throttle %1").arg(stale(figure::rateLimit) ? dash : formatRate(a.rate_limit_per_s())));
    m_paused->setVisible(a.paused() && !pausedStale);
    std::vector<sitroom::models::StaleFigure> mine;
    for (const QString &name : figure::admissionFigures()) {
        if (const sitroom::models::StaleFigure *f = m_store.staleFigure(name))
            mine.push_back(*f);
    }
    m_figuresNote->setNote(StaleFigureWords::noteText(mine), StaleFigureWords::details(mine));
}

void AdmissionPanel::refreshCharts()
{
    const HistoryRing &history = m_store.history();
    if (history.isEmpty())
        return;
    const qint64 now = history.lastTimeMs();
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    for (TimeSeriesChart *chart : {m_queueChart, m_flowChart}) {
        chart->setClock(clock);
        chart->setOrigin(m_store.sessionOriginMs());
        chart->setTimeWindow(now - kChartWindowMs, now);
        chart->samplesChanged();
    }
}

} // namespace sitroom::widgets
