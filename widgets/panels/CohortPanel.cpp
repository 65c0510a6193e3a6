#include "widgets/panels/CohortPanel.h"
#include "widgets/panels/RotationCalendar.h"

#include "domain/LiveClock.h"

#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/common/FigureDelegate.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/StaleNote.h"
#include "widgets/common/StaleOverlay.h"
#include "widgets/status/StaleFigureWords.h"
#include "models/itemmodels/CohortCompletion.h"
#include "models/itemmodels/CohortModel.h"
#include "models/situation/SituationStore.h"
#include "domain/SurgeEnvelope.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace sitroom::widgets {

using sitroom::models::CohortModel;
using sitroom::models::SituationStore;
using sitroom::domain::SurgeEnvelope;
using sitroom::models::TimeSample;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
// The envelope is drawn this far either side of the forecast.
constexpr double kEnvelopeSpread = 0.25;

// On the live system's clock; the zone label where a span or a moment ends.
QString clockText(qint64 ms, const QString &timezone, bool labelled = true)
{
    const sitroom::domain::LiveClock clock(timezone);
    const QString format = QStringLiteral("M/d HH:mm");
    return labelled ? clock.labelled(ms, format) : clock.time(ms, format);
}

} // namespace

CohortPanel::CohortPanel(CohortModel *cohorts, const SituationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_cohorts(cohorts)
    , m_store(store)
    , m_today(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_projection(new QLabel(this))
    , m_completion(new QLabel(this))
    , m_rotation(new RotationCalendar(cohorts, this))
    , m_figuresNote(new StaleNote(this))
    , m_table(new QTableView(this))
    , m_chart(new TimeSeriesChart(this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("cohortPanel"));
    m_today->setObjectName(QStringLiteral("panelCaption"));
    m_today->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("mediumNumber"));
    m_projection->setWordWrap(true);
    m_completion->setObjectName(QStringLiteral("cohortCompletion"));
    m_completion->setWordWrap(true);

    auto *delegate = new FigureDelegate(m_table);
    delegate->setColumnKind(CohortModel::Booked, FigureDelegate::Kind::Count);
    delegate->setColumnKind(CohortModel::Eligible, FigureDelegate::Kind::Count);
    delegate->setColumnKind(CohortModel::Progress, FigureDelegate::Kind::ProgressBar);
    delegate->setColumnKind(CohortModel::BookingsPerMinute, FigureDelegate::Kind::PerMinute);
    m_table->setModel(cohorts);
    m_table->setItemDelegate(delegate);
    m_table->setColumnHidden(CohortModel::Window, true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CohortModel::Progress, QHeaderView::Stretch);

    m_chart->setValueTitle(tr("bookings per minute"));
    m_chart->addBand(tr("Expected (40 % in 30 min) ±25 %"), QColor(0x90, 0xa4, 0xae, 90));
    m_chart->addSeries(tr("Expected"), QColor(0x60, 0x7d, 0x8b), 1.0, Qt::DashLine);
    m_chart->addSeries(tr("Bookings/min"), QColor(0x21, 0x21, 0x21), 2.0);
    m_chart->setZeroBased(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_today);
    layout->addWidget(m_progress);
    layout->addWidget(m_projection);
    layout->addWidget(m_completion);
    layout->addWidget(m_rotation);
    layout->addWidget(m_figuresNote);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_table, 1);
    m_stale = new StaleOverlay(this);

    connect(&store, &SituationStore::stateChanged, this, &CohortPanel::refresh);
    connect(&store, &SituationStore::staleFiguresChanged, this, &CohortPanel::refresh);
    connect(&store, &SituationStore::historyChanged, this, &CohortPanel::refreshChart);
    refresh();
    refreshChart();
}

void CohortPanel::setCompact(bool compact)
{
    m_table->setVisible(!compact);
}

QString CohortPanel::todayText() const
{
    return m_today->text();
}

QString CohortPanel::projectionText() const
{
    return m_projection->text();
}

QString CohortPanel::progressText() const
{
    return m_progress->text();
}

QString CohortPanel::completionText() const
{
    return m_completion->text();
}

void CohortPanel::refreshCompletion(int row)
{
    using Kind = sitroom::models::CompletionEstimate::Kind;
    if (row < 0 || !m_store.hasSnapshot()) {
        m_completion->clear();
        return;
    }
    if (m_cohorts->status(row) != CohortModel::WindowStatus::Open) {
        m_completion->setText(tr("Fully booked: – (the window is not open)"));
        return;
    }
    const auto &c = m_store.configuration().cohorts(row);
    const QString tz = QString::fromStdString(m_store.configuration().timezone());
    // A figure that is missing or not live is no figure: NaN, and no estimate.
    const auto live = [&](int column) {
        const QVariant v = m_cohorts->index(row, column).data(Qt::DisplayRole);
        return v.isValid() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
    };
    const double perMinute = live(CohortModel::BookingsPerMinute);
    const auto e = sitroom::models::estimateCompletion(live(CohortModel::Booked), double(c.eligible()), perMinute,
                                                       m_store.state().sim_time_ms(), c.window_close_ms());
    switch (e.kind) {
    case Kind::Estimated:
        m_completion->setText(
            e.afterClose ? tr("Fully booked (at %1 a minute): %2, after the window closes (%3)")
                               .arg(formatCount(perMinute), clockText(e.atMs, tz), clockText(c.window_close_ms(), tz))
                         : tr("Fully booked (at %1 a minute): %2").arg(formatCount(perMinute), clockText(e.atMs, tz)));
        break;
    case Kind::Complete:
        m_completion->setText(tr("Fully booked: everyone eligible has booked"));
        break;
    case Kind::NoRate:
        m_completion->setText(tr("Fully booked: cannot be estimated (%1 to go, too few bookings a minute)")
                                  .arg(formatCount(e.remaining)));
        break;
    case Kind::NoData:
        m_completion->setText(tr("Fully booked: – (cannot be estimated without live bookings)"));
        break;
    }
}

void CohortPanel::refresh()
{
    const std::vector<sitroom::models::StaleFigure> stale = m_store.staleFiguresUnder(QStringLiteral("cohort."));
    m_figuresNote->setNote(StaleFigureWords::noteText(stale), StaleFigureWords::details(stale));
    const int row = m_cohorts->currentRow();
    refreshCompletion(row);
    if (row < 0 || !m_store.hasSnapshot()) {
        m_today->setText(tr("No booking window open or coming"));
        m_progress->clear();
        m_projection->clear();
        return;
    }
    const auto &config = m_store.configuration();
    const auto &c = config.cohorts(row);
    const QString tz = QString::fromStdString(config.timezone());
    const QString name = m_cohorts->index(row, CohortModel::Name).data().toString();
    const qint64 now = m_store.state().sim_time_ms();
    const bool open = m_cohorts->status(row) == CohortModel::WindowStatus::Open;
    m_today->setText((open ? tr("Booking now: %1, window %2 to %3") : tr("Next: %1, window %2 to %3"))
                         .arg(name, clockText(c.window_open_ms(), tz, false), clockText(c.window_close_ms(), tz)));

    const double booked = m_cohorts->index(row, CohortModel::Booked).data(CohortModel::RawValueRole).toDouble();
    const double perMinute = m_cohorts->index(row, CohortModel::BookingsPerMinute).data(CohortModel::RawValueRole).toDouble();
    const double windowMinutesNow = double(c.window_close_ms() - c.window_open_ms()) / kMinuteMs;
    if (m_cohorts->isBookedStale(row)) {
        // No figure built on the last bookings read may pass for today's.
        const QString dash = StaleFigureWords::placeholder();
        m_progress->setText(tr("%1 of %2 booked (%3) · %4 a minute")
                                .arg(dash, formatCount(double(c.eligible())), dash, dash));
        const SurgeEnvelope envelope(double(c.expected_bookings()), windowMinutesNow);
        m_projection->setText(open ? tr("Expected by now %1; no projection while the bookings are not live")
                                         .arg(formatCount(envelope.cumulative(double(now - c.window_open_ms()) / kMinuteMs)))
                                   : QString());
        return;
    }
    m_progress->setText(tr("%1 of %2 booked (%3) · %4 a minute")
                            .arg(formatCount(booked), formatCount(double(c.eligible())),
                                 formatPercent(c.eligible() ? booked / double(c.eligible()) : 0.0), formatCount(perMinute)));

    const double windowMinutes = double(c.window_close_ms() - c.window_open_ms()) / kMinuteMs;
    const SurgeEnvelope envelope(double(c.expected_bookings()), windowMinutes);
    if (!open) {
        m_projection->setText(tr("Opens in %1; forecast %2 bookings, %3 in the first 30 minutes")
                                  .arg(formatDuration(double(c.window_open_ms() - now) / 1000.0),
                                       formatCount(envelope.expectedTotal()), formatCount(envelope.cumulative(30))));
        return;
    }
    const double minutes = double(now - c.window_open_ms()) / kMinuteMs;
    const double expectedSoFar = envelope.cumulative(minutes);
    const double projected = envelope.projectedTotal(booked, minutes);
    m_projection->setText(tr("Expected by now %1 (%2 of it booked); heading for about %3 by %4 (forecast %5)")
                              .arg(formatCount(expectedSoFar),
                                   formatPercent(expectedSoFar > 0 ? booked / expectedSoFar : 0.0, 0),
                                   formatCount(projected), clockText(c.window_close_ms(), tz),
                                   formatCount(envelope.expectedTotal())));
}

void CohortPanel::refreshChart()
{
    const int row = m_cohorts->currentRow();
    const auto &history = m_store.history();
    if (row < 0 || history.isEmpty())
        return;
    const auto &c = m_store.configuration().cohorts(row);
    const qint64 openMs = c.window_open_ms();
    const qint64 now = history.lastTimeMs();

    // Bookings per minute since the opening, from the per-second history.
    // Completed minutes do not change, so only the minutes since the last
    // completed one are summed again; anything that moves the history's start
    // (a new run, the ring dropping its oldest second) starts over.
    if (openMs != m_scanOpenMs || history.firstTimeMs() != m_scanFirstMs || now < m_scanNextMinuteMs) {
        m_perMinute.clear();
        m_scanOpenMs = openMs;
        m_scanFirstMs = history.firstTimeMs();
        m_scanNextMinuteMs = openMs;
    }
    double sum = 0;
    qint64 minute = -1;
    const auto flush = [&] {
        if (minute >= 0)
            m_perMinute.push_back({openMs + minute * kMinuteMs + kMinuteMs / 2, float(sum)});
    };
    history.forEach(history.column(QStringLiteral("bookings")), m_scanNextMinuteMs, now, [&](qint64 t, float v) {
        const qint64 m = (t - openMs) / kMinuteMs;
        if (m != minute) {
            flush();
            minute = m;
            sum = 0;
            m_scanNextMinuteMs = openMs + m * kMinuteMs;
        }
        if (std::isfinite(v))
            sum += v;
    });
    // The minute in progress is not complete: leave it out.

    const double windowMinutes = double(c.window_close_ms() - openMs) / kMinuteMs;
    const SurgeEnvelope envelope(double(c.expected_bookings()), windowMinutes);
    const qint64 viewFrom = std::min(now - 60 * kMinuteMs, openMs - 5 * kMinuteMs);
    const qint64 viewTo = std::max(now + 10 * kMinuteMs, openMs + 60 * kMinuteMs);
    m_envelope.clear();
    m_envelopeLow.clear();
    m_envelopeHigh.clear();
    for (qint64 t = std::max(openMs, viewFrom); t <= viewTo; t += kMinuteMs) {
        const double expected = envelope.perMinute(double(t - openMs) / kMinuteMs + 0.5);
        m_envelope.push_back({t + kMinuteMs / 2, float(expected)});
        m_envelopeLow.push_back({t + kMinuteMs / 2, float(expected * (1 - kEnvelopeSpread))});
        m_envelopeHigh.push_back({t + kMinuteMs / 2, float(expected * (1 + kEnvelopeSpread))});
    }
    m_chart->setClock(sitroom::domain::LiveClock(QString::fromStdString(m_store.configuration().timezone())));
    m_chart->setOrigin(m_store.sessionOriginMs());
    m_chart->setTimeWindow(viewFrom, viewTo);
    m_chart->setBandSamples(0, m_envelopeLow, m_envelopeHigh);
    m_chart->setSamples(0, m_envelope);
    m_chart->setSamples(1, m_perMinute);
}

} // namespace sitroom::widgets
