#include "widgets/chart/TimeSeriesChartParts.h"

#include "widgets/chart/ChartScales.h"

namespace sitroom::widgets {

using namespace chartparts;

void TimeSeriesChart::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    Parts &p = *m_parts;
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    if (p.hasWindow && p.fromMs == fromMs && p.toMs == toMs)
        return;
    p.hasWindow = true;
    p.fromMs = fromMs;
    p.toMs = toMs;
    scheduleRebuild();
}

void TimeSeriesChart::clearTimeWindow()
{
    m_parts->hasWindow = false;
    scheduleRebuild();
}

void TimeSeriesChart::setOrigin(qint64 originMs)
{
    if (m_parts->originMs == originMs)
        return;
    m_parts->originMs = originMs;
    scheduleRebuild();
}

qint64 TimeSeriesChart::origin() const
{
    return m_parts->originMs;
}

void TimeSeriesChart::setClock(const sitroom::domain::LiveClock &clock)
{
    Parts &p = *m_parts;
    if (p.clock.zoneId() == clock.zoneId())
        return;
    p.clock = clock;
    p.tickKey.clear();
    if (!p.customTimeTitle)
        p.timeAxis->setTitleText(clockTitle());
    scheduleRebuild();
}

const sitroom::domain::LiveClock &TimeSeriesChart::clock() const
{
    return m_parts->clock;
}

QString TimeSeriesChart::clockTitle() const
{
    return tr("Live system's clock (%1)", "time axis title").arg(m_parts->clock.zoneLabel());
}

QStringList TimeSeriesChart::timeAxisLabels() const
{
    return m_parts->timeAxis->categoriesLabels();
}

QString TimeSeriesChart::timeAxisTitle() const
{
    return m_parts->timeAxis->titleText();
}

void TimeSeriesChart::setTimeTitle(const QString &title)
{
    m_parts->customTimeTitle = true;
    m_parts->timeAxis->setTitleText(title);
}

QString TimeSeriesChart::timeLabel(qint64 timeMs, qint64 stepMs) const
{
    return m_parts->clock.time(timeMs, stepMs < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

void TimeSeriesChart::updateTimeAxis(qint64 from, qint64 to, bool labelled)
{
    Parts &p = *m_parts;
    if (!labelled) {
        if (p.tickKey != u"untimed") {
            p.tickKey = QStringLiteral("untimed");
            const QStringList old = p.timeAxis->categoriesLabels();
            for (const QString &label : old)
                p.timeAxis->remove(label);
        }
        p.timeAxis->setRange(p.x(from), p.x(to));
        return;
    }
    const qint64 span = to - from;
    // About one label per 110 px keeps "-1 h 30 min" from colliding; the widget
    // width (not the plot's) avoids a feedback loop with label sizes.
    const int maxTicks = std::clamp(width() / 110, 2, 12);
    const qint64 step = niceTimeStep(span, maxTicks);
    // Ticks on round times of the live system's clock (20:00, 20:15), not on
    // steps from the session start: count steps from midnight in its zone.
    const qint64 zoneMs = qint64(p.clock.at(from).offsetFromUtc()) * 1000;
    const qint64 first = floorDiv(from + zoneMs + step - 1, step);
    const qint64 last = floorDiv(to + zoneMs, step);

    const QString key = QString::number(step) + QLatin1Char('/') + QString::number(first)
                        + QLatin1Char('/') + QString::number(last) + QLatin1Char('/')
                        + QString::number(p.originMs) + QLatin1Char('/') + p.clock.zoneId();
    if (key != p.tickKey) {
        p.tickKey = key;
        const QStringList old = p.timeAxis->categoriesLabels();
        for (const QString &label : old)
            p.timeAxis->remove(label);
        // Categories must start before their first boundary; labels sit on the boundaries.
        p.timeAxis->setStartValue(p.x(first * step - step - zoneMs));
        for (qint64 k = first; k <= last; ++k) {
            const qint64 tickMs = k * step - zoneMs;
            const QString label = timeLabel(tickMs, step);
            if (!p.timeAxis->categoriesLabels().contains(label))
                p.timeAxis->append(label, p.x(tickMs));
        }
    }
    p.timeAxis->setRange(p.x(from), p.x(to));
}

} // namespace sitroom::widgets
