#include "widgets/controls/ThrottlePreview.h"

#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/common/Formatting.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/ThrottleControl.h"
#include "models/situation/SituationStore.h"

#include <QDialog>
#include <QScreen>

#include <cmath>

namespace sitroom::widgets {

using sitroom::models::AdmissionProjection;
using sitroom::models::SituationStore;
using sitroom::models::TimeSample;

ThrottlePreview::ThrottlePreview(const SituationStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::historyChanged, this, [this] {
        if (m_showing)
            recompute();
    });
    connect(&store, &SituationStore::staleFiguresChanged, this, [this] {
        if (m_showing)
            recompute();
    });
}

void ThrottlePreview::addTarget(TimeSeriesChart *chart, int series, Figure figure)
{
    m_targets.push_back({chart, series, figure});
}

void ThrottlePreview::follow(ThrottleControl *throttle, ControlDesk *desk)
{
    // The desk opened its confirmation on the same signal, connected before
    // this one (slots run in the order they were connected); a wish the
    // desk would not take (no role, not connected) opens none and shows nothing.
    connect(throttle, &ThrottleControl::rateRequested, this, [this, desk](double ratePerS) {
        if (QDialog *dialog = desk->activeDialog())
            show(ratePerS, false, dialog);
    });
    connect(throttle, &ThrottleControl::pauseRequested, this, [this, desk] {
        if (QDialog *dialog = desk->activeDialog())
            show(0.0, true, dialog);
    });
    connect(throttle, &ThrottleControl::resumeRequested, this, [this, desk] {
        if (QDialog *dialog = desk->activeDialog())
            show(m_store.control().admission_rate_per_s(), false, dialog);
    });
}

void ThrottlePreview::show(double ratePerS, bool paused, QDialog *dialog)
{
    if (m_dialog && m_dialog != dialog)
        disconnect(m_dialog, nullptr, this, nullptr);
    m_dialog = dialog;
    if (dialog) {
        // Confirmed or cancelled (or closed), the what-if is over.
        connect(dialog, &QDialog::finished, this, &ThrottlePreview::clear, Qt::UniqueConnection);
        connect(dialog, &QObject::destroyed, this, &ThrottlePreview::clear, Qt::UniqueConnection);
    }
    m_showing = true;
    if (dialog)
        keepClear(dialog);
    m_ratePerS = ratePerS;
    m_paused = paused;
    recompute();
}

void ThrottlePreview::keepClear(QDialog *dialog) const
{
    // The confirmation is centred on the window, which on a laptop puts it
    // over the very charts the projection is drawn on: move it beside them
    // when the screen has room there, else leave it where it is.
    QRect charts;
    for (const Target &t : m_targets) {
        if (t.chart && t.chart->isVisible())
            charts |= QRect(t.chart->mapToGlobal(QPoint(0, 0)), t.chart->size());
    }
    QRect frame = dialog->frameGeometry();
    if (charts.isEmpty() || !frame.intersects(charts) || !dialog->screen())
        return;
    const QRect screen = dialog->screen()->availableGeometry();
    constexpr int gap = 12;
    if (charts.right() + gap + frame.width() <= screen.right())
        frame.moveLeft(charts.right() + gap);
    else if (charts.left() - gap - frame.width() >= screen.left())
        frame.moveRight(charts.left() - gap);
    else
        return;
    dialog->move(frame.topLeft());
}

void ThrottlePreview::clear()
{
    if (m_dialog)
        disconnect(m_dialog, nullptr, this, nullptr);
    m_dialog = nullptr;
    if (!m_showing)
        return;
    m_showing = false;
    m_drawn = false;
    m_projection = {};
    removeFromCharts();
    emit changed();
}

void ThrottlePreview::removeFromCharts()
{
    for (const Target &t : m_targets) {
        if (t.chart)
            t.chart->clearProjections();
    }
}

void ThrottlePreview::recompute()
{
    namespace figure = sitroom::models::figure;
    const auto &history = m_store.history();
    const bool live = !history.isEmpty() && !m_store.isFigureStale(figure::queueDepth)
        && !m_store.isFigureStale(figure::arrivals);
    if (!live) {
        m_drawn = false;
        m_projection = {};
        removeFromCharts();
        emit changed();
        return;
    }
    m_projection = sitroom::models::projectAdmission(
        sitroom::models::projectionInputs(m_store.configuration(), m_store.state(), m_ratePerS, m_paused));
    m_drawn = true;

    // From the newest sample on the charts, so the dashed line continues the solid one.
    const qint64 startMs = history.lastTimeMs();
    std::vector<TimeSample> samples;
    samples.reserve(m_projection.points.size());
    for (const Target &t : m_targets) {
        if (!t.chart)
            continue;
        samples.clear();
        for (const auto &point : m_projection.points) {
            double value = 0.0;
            switch (t.figure) {
            case Figure::QueueDepth: value = point.queueDepth; break;
            case Figure::ArrivalsPerS: value = m_projection.arrivalsPerS; break;
            case Figure::AdmittedPerS: value = point.admittedPerS; break;
            case Figure::AdmissionRate: value = m_paused ? 0.0 : m_ratePerS; break;
            }
            samples.push_back({startMs + qint64(std::llround(point.atS * 1000.0)), float(value)});
        }
        t.chart->setProjection(t.series, samples);
    }
    for (const Target &t : m_targets) {
        if (t.chart)
            t.chart->setProjectionNote(noteFor(t.chart));
    }
    emit changed();
}

QString ThrottlePreview::noteFor(const TimeSeriesChart *chart) const
{
    bool queue = false;
    bool flow = false;
    for (const Target &t : m_targets) {
        if (t.chart != chart)
            continue;
        queue = queue || t.figure == Figure::QueueDepth;
        flow = flow || t.figure != Figure::QueueDepth;
    }
    const auto &end = m_projection.last();
    QStringList lines;
    if (queue) {
        const QString waiting = formatCount(end.queueDepth);
        lines << (std::isfinite(end.waitS) ? tr("In 30 min: %1 waiting, shown wait %2").arg(waiting, formatDuration(end.waitS))
                                           : tr("In 30 min: %1 waiting, no wait can be shown while paused").arg(waiting));
        if (m_projection.drainsAtS > 0)
            lines << tr("Queue empty in %1").arg(formatDuration(m_projection.drainsAtS));
    }
    if (flow) {
        const auto &backend = m_store.state().backend();
        const QString now = m_store.isFigureStale(sitroom::models::figure::backendUtilization)
            ? QStringLiteral("–") : formatPercent(backend.utilization(), 0);
        lines << tr("Booking backend utilisation: %1 now, at most %2").arg(now, formatPercent(m_projection.peakBackendLoad, 0));
    }
    return lines.join(u'\n');
}

} // namespace sitroom::widgets
