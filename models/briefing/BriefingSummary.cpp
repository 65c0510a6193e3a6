#include "models/briefing/BriefingSummary.h"

#include "domain/LiveClock.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace sitroom::models {

namespace {
constexpr int kRateChangesTold = 3;
}

BriefingSummary::BriefingSummary(Namer providerName, Namer alertTitle)
    : m_providerName(std::move(providerName))
    , m_alertTitle(std::move(alertTitle))
{
}

QString BriefingSummary::clock(const BriefingFacts &facts, qint64 ms) const
{
    return domain::LiveClock(facts.timezone).time(ms, QStringLiteral("HH:mm"));
}

QString BriefingSummary::count(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return QLocale().toString(qlonglong(std::llround(value)));
}

QString BriefingSummary::percent(double fraction)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("–");
    return QLocale().toString(fraction * 100.0, 'f', 0) + QStringLiteral(" %");
}

QString BriefingSummary::waitText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return tr("under a minute");
    return tr("about %1 min").arg(QLocale().toString(qlonglong(std::llround(seconds / 60.0))));
}

QString BriefingSummary::names(const QStringList &ids) const
{
    QStringList out;
    for (const QString &id : ids)
        out << m_providerName(id);
    return out.join(tr(", ", "between the names of a list"));
}

QString BriefingSummary::openingSentence(const BriefingFacts &f) const
{
    if (!f.hasOpening())
        return tr("No booking window is set for this day.");
    const QString open = clock(f, f.openMs);
    if (!f.opened())
        return tr("Bookings open at %1; %2 bookings are forecast for the window.").arg(open, count(f.expectedBookings));
    if (!std::isfinite(f.firstHalfHourBookings))
        return tr("Bookings opened at %1; this screen has no record from the opening.").arg(open);
    if (f.firstHalfHourComplete)
        return tr("In the 30 minutes after bookings opened at %1, %2 bookings were made: %3 of the day's forecast (%4).")
            .arg(open, count(f.firstHalfHourBookings), percent(f.firstHalfHourShareOfForecast()), count(f.expectedBookings));
    const auto minutes = qlonglong((f.nowMs - f.openMs) / 60000);
    return tr("In the %2 minutes since bookings opened at %1, %3 bookings were made (%4 expected by now).")
        .arg(open, QLocale().toString(minutes), count(f.firstHalfHourBookings), count(f.envelopeByNow));
}

QString BriefingSummary::congestionSentence(const BriefingFacts &f) const
{
    if (!f.firstCongestion)
        return tr("No verification method has been congested.");
    const LightSpell &s = *f.firstCongestion;
    const QString name = m_providerName(s.providerId);
    QStringList gained;
    for (const ShareShift &shift : f.movedTo)
        gained << shift.providerId;
    if (s.ongoing()) {
        if (gained.isEmpty())
            return tr("%1 verification has been congested since %2.").arg(name, clock(f, s.fromMs));
        return tr("%1 verification has been congested since %2, and citizens moved to %3.")
            .arg(name, clock(f, s.fromMs), names(gained));
    }
    if (gained.isEmpty())
        return tr("%1 verification was congested from %2 to %3.").arg(name, clock(f, s.fromMs), clock(f, s.untilMs));
    return tr("%1 verification was congested from %2 to %3, and citizens moved to %4.")
        .arg(name, clock(f, s.fromMs), clock(f, s.untilMs), names(gained));
}

QStringList BriefingSummary::rateSentences(const BriefingFacts &f) const
{
    QStringList out;
    const int told = std::min<int>(kRateChangesTold, int(f.rateChanges.size()));
    for (int i = 0; i < told; ++i) {
        const RateChange &c = f.rateChanges[std::size_t(i)];
        const QString rate = count(c.toPerS);
        out << (c.toPerS < c.fromPerS
                    ? tr("At %1 the situation room lowered the admission rate to %2 people a second.")
                    : tr("At %1 the situation room raised the admission rate to %2 people a second."))
                   .arg(clock(f, c.atMs), rate);
    }
    if (int(f.rateChanges.size()) > told)
        out << tr("After that the admission rate was changed %1 more times.").arg(int(f.rateChanges.size()) - told);
    return out;
}

QStringList BriefingSummary::story(const BriefingFacts &f) const
{
    QStringList out{openingSentence(f)};
    if (f.opened() || f.firstCongestion)
        out << congestionSentence(f);
    out << rateSentences(f);
    return out;
}

QStringList BriefingSummary::now(const BriefingFacts &f) const
{
    QStringList out;
    const QString at = clock(f, f.nowMs);
    if (f.paused)
        out << tr("At %1, %2 people are waiting to enter; admission is paused.").arg(at, count(f.queueDepth));
    else
        out << tr("At %1, %2 people are waiting to enter, for %3.").arg(at, count(f.queueDepth), waitText(f.waitS));
    out << (f.congestedNow.isEmpty() ? tr("No verification method is congested now.")
                                     : tr("Congested now: %1.").arg(names(f.congestedNow)));
    if (!f.suspendedNow.isEmpty())
        out << tr("Suspended by the situation room: %1.").arg(names(f.suspendedNow));
    if (f.criticalStanding > 0)
        out << tr("%1 critical alerts stand; the first to look at: %2.").arg(f.criticalStanding).arg(m_alertTitle(f.worstCriticalId));
    else
        out << tr("No critical alert stands.");
    return out;
}

} // namespace sitroom::models
