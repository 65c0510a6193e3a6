#include "widgets/board/SwitchWords.h"

#include "widgets/common/Formatting.h"
#include "widgets/controls/ControlWords.h"
#include "domain/LiveClock.h"
#include "models/words/SiteNames.h"

#include <cmath>

namespace sitroom::widgets {

QString SwitchWords::who(const QString &user, quint32 site)
{
    return site == 0 ? user : tr("%1 (%2)", "user (site)").arg(user, sitroom::models::SiteNames::name(site));
}

QStringList SwitchWords::lines(const ProviderSwitch &s)
{
    const sitroom::domain::LiveClock clock(s.timeZone);
    const QString hhmm = QStringLiteral("HH:mm");
    QStringList out;
    const bool bySystem = s.by == QLatin1String(kSystemUser);
    if (!s.enabled) {
        if (s.by.isEmpty())
            out << tr("Disabled (by whom not known)");
        else if (s.approvedBy.isEmpty())
            out << tr("Disabled by %1").arg(who(s.by, s.site));
        else
            out << tr("Disabled by %1, approved by %2").arg(who(s.by, s.site), s.approvedBy);
        if (!s.reason.isEmpty() && !bySystem)
            out << tr("Why: “%1”").arg(s.reason);
        if (s.disabledUntilMs > 0) {
            const double leftS = double(s.disabledUntilMs - s.nowMs) / 1000.0;
            out << (leftS > 0 ? tr("Until %1 (%2 left)").arg(clock.labelled(s.disabledUntilMs, hhmm), formatDuration(leftS))
                              : tr("Until %1 (due now)").arg(clock.labelled(s.disabledUntilMs, hhmm)));
        } else {
            out << tr("Until re-enabled by hand");
        }
        return out;
    }
    if (s.rampProgress < 0)
        return out;
    out << tr("Ramping back in: %1 · full at %2")
               .arg(formatPercent(s.rampProgress, 0), clock.labelled(s.rampEndMs, hhmm));
    if (bySystem)
        out << tr("Re-enabled as the timed disable ended");
    else if (!s.by.isEmpty())
        out << tr("Re-enabled by %1").arg(who(s.by, s.site));
    return out;
}

} // namespace sitroom::widgets
