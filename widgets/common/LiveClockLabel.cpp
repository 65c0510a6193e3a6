#include "widgets/common/LiveClockLabel.h"

#include "models/situation/SituationStore.h"
#include "models/situation/StaleFigures.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

LiveClockLabel::LiveClockLabel(const SituationStore &store, QWidget *parent)
    : QLabel(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("liveClock"));
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setTextFormat(Qt::PlainText);
    setContentsMargins(8, 0, 4, 0);
    connect(&store, &SituationStore::stateChanged, this, &LiveClockLabel::refresh);
    connect(&store, &SituationStore::configurationChanged, this, &LiveClockLabel::refresh);
    connect(&store, &SituationStore::freshnessChanged, this, &LiveClockLabel::refresh);
    connect(&store, &SituationStore::staleFiguresChanged, this, &LiveClockLabel::refresh);
    refresh();
}

bool LiveClockLabel::clocksDiffer(const SituationStore &store)
{
    const qint64 liveMs = store.state().sim_time_ms();
    if (!store.hasSnapshot() || liveMs <= 0)
        return false;
    const qint64 serverMs = store.lastServerTimeMs();
    const qint64 wallMs = serverMs > 0 ? serverMs : QDateTime::currentMSecsSinceEpoch();
    // A simulation (an older gateway names no source) runs its own clock:
    // at a speed other than 1, or on another day than today.
    const QString source = store.source();
    const bool simulation = source.isEmpty() || source.startsWith(QStringLiteral("sim:"));
    return std::llabs(liveMs - wallMs) > kSameClockToleranceMs || (simulation && store.configuration().speed() != 1.0);
}

QString LiveClockLabel::gatewayTimeText(const SituationStore &store, qint64 gatewayMs)
{
    const sitroom::domain::LiveClock clock(QString::fromStdString(store.configuration().timezone()));
    const auto source = clocksDiffer(store) ? sitroom::domain::LiveClock::Source::GatewayWall
                                            : sitroom::domain::LiveClock::Source::LiveSystem;
    return clock.labelled(sitroom::domain::LiveClock::Stamp{gatewayMs, source});
}

void LiveClockLabel::refresh()
{
    const auto &config = m_store.configuration();
    if (config.timezone() != m_zone) {
        m_zone = config.timezone();
        m_clock = sitroom::domain::LiveClock(QString::fromStdString(m_zone));
    }
    const qint64 liveMs = m_store.state().sim_time_ms();
    if (!m_store.hasSnapshot() || liveMs <= 0) {
        m_both = false;
        setText(tr("Live system %1", "status bar clock").arg(QStringLiteral("--:--:-- ") + m_clock.zoneLabel()));
        setToolTip(tr("The live system's clock, once its data arrives"));
        return;
    }
    const qint64 serverMs = m_store.lastServerTimeMs();
    const qint64 wallMs = serverMs > 0 ? serverMs : QDateTime::currentMSecsSinceEpoch();
    const QString source = m_store.source();
    const bool simulation = source.isEmpty() || source.startsWith(QStringLiteral("sim:"));
    const double speed = config.speed();
    m_both = clocksDiffer(m_store);

    QString text;
    if (m_both) {
        // Only a simulation is called one: a live system seen through
        // Prometheus whose clock is not the wall clock is still the live
        // system, and the two clocks side by side show that they differ.
        text = simulation ? tr("Simulation %1 · Wall clock %2", "status bar clock")
                                .arg(m_clock.labelled(liveMs), m_clock.labelled(wallMs))
                          : tr("Live system %1 · Wall clock %2", "status bar clock, the two clocks differ")
                                .arg(m_clock.labelled(liveMs), m_clock.labelled(wallMs));
        if (simulation && speed > 0 && speed != 1.0)
            text += QStringLiteral(" · ") + tr("%1×", "simulation speed").arg(QLocale().toString(speed, 'g', 4));
        else if (simulation && speed <= 0)
            text += QStringLiteral(" · ") + tr("as fast as possible", "simulation speed");
    } else {
        text = tr("Live system %1", "status bar clock").arg(m_clock.labelled(liveMs));
    }
    // The link quiet, or the live system's clock itself not read fresh (its
    // source down): the time shown is the last one known, not now.
    const bool stale = m_store.isStale() || m_store.isFigureStale(sitroom::models::figure::liveClock);
    if (stale)
        text += u' ' + tr("(last received)", "status bar clock while the data is stale");
    setText(text);
    setProperty("stale", stale);
    if (!m_both)
        setToolTip(tr("The live system's clock (every time on this console is on it), in %1").arg(m_clock.zoneId()));
    else if (simulation)
        setToolTip(tr("The simulation's clock (every time on this console is on it) and the wall clock, in %1")
                       .arg(m_clock.zoneId()));
    else
        setToolTip(tr("The live system's clock (every time on this console is on it) and the wall clock, "
                      "more than %2 seconds apart, in %1")
                       .arg(m_clock.zoneId())
                       .arg(kSameClockToleranceMs / 1000));
}

} // namespace sitroom::widgets
