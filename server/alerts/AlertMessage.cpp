#include "server/alerts/AlertMessage.h"
#include "server/alerts/AlertRules.h"
#include "server/alerts/MetricCatalogue.h"

#include <algorithm>
#include <cmath>

namespace sitroom::alerts {

QString formatFigure(double value, const QString &unit, bool korean)
{
    if (unit == u"ratio")
        return QString::number(value * 100.0, 'f', value < 0.1 ? 1 : 0) + u'%';
    if (unit == u"ms")
        return QString::number(std::lround(value)) + QStringLiteral(" ms");
    if (unit == u"s") {
        if (std::abs(value) >= 120)
            return QString::number(std::lround(value / 60.0)) + (korean ? QStringLiteral("분") : QStringLiteral(" min"));
        return QString::number(std::lround(value)) + (korean ? QStringLiteral("초") : QStringLiteral(" s"));
    }
    if (unit == u"x")
        return QString::number(value, 'f', 1) + u'×';
    if (unit == u"count")
        return QString::number(std::lround(value)) + (korean ? QStringLiteral("건") : QString());
    if (unit == u"figures")
        return QString::number(std::lround(value)) + (korean ? QStringLiteral("개") : QString());
    return plainFigure(value);
}

QString plainFigure(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    if (std::abs(value) >= 1000.0 || value == std::round(value))
        return QString::number(std::llround(value));
    // Four significant digits; below 0.0001 there is nothing people read.
    if (std::abs(value) < 1e-4)
        return QStringLiteral("0");
    const int decimals = std::max(0, 3 - int(std::floor(std::log10(std::abs(value)))));
    QString text = QString::number(value, 'f', decimals);
    while (text.contains(u'.') && (text.endsWith(u'0') || text.endsWith(u'.')))
        text.chop(1);
    return text;
}

sitroom::v1::LocalizedText renderMessage(const AlertRule &rule, const sitroom::v1::LocalizedText &subjectName,
                                         const QString &subject, double value, double threshold)
{
    const QString unit = metricInfo(rule.metric).unit;
    auto fill = [&](QString text, bool korean) {
        const QString name = QString::fromStdString(korean ? subjectName.ko() : subjectName.en());
        text.replace(QStringLiteral("{provider_name}"), name);
        text.replace(QStringLiteral("{cohort_name}"), name);
        text.replace(QStringLiteral("{subject}"), subject);
        text.replace(QStringLiteral("{value}"), formatFigure(value, unit, korean));
        text.replace(QStringLiteral("{threshold}"), formatFigure(threshold, unit, korean));
        return text.toStdString();
    };
    sitroom::v1::LocalizedText out;
    out.set_ko(fill(rule.messageKo, true));
    out.set_en(fill(rule.messageEn, false));
    return out;
}

} // namespace sitroom::alerts
