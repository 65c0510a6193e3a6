#include "app/common/DurationText.h"

#include <QRegularExpression>

namespace sitroom::appcommon {

bool parseDuration(const QString &text, std::int64_t *seconds, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch m = pattern.match(trimmed);
    if (trimmed.isEmpty() || !m.hasMatch()) {
        *error = QStringLiteral("--duration: \"%1\" is not a duration; write e.g. 24h, 90m, 1h30m or 3600s").arg(text);
        return false;
    }
    const std::int64_t total = m.captured(1).toLongLong() * 86400 + m.captured(2).toLongLong() * 3600
        + m.captured(3).toLongLong() * 60 + m.captured(4).toLongLong();
    if (total < 60 || total > 14 * 86400) {
        *error = QStringLiteral("--duration: %1 is outside 1 minute to 14 days").arg(text);
        return false;
    }
    *seconds = total;
    return true;
}

} // namespace sitroom::appcommon
