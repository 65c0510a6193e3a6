#include "domain/BookingRotation.h"

namespace sitroom::domain {

Rotation readRotation(JsonFieldReader r)
{
    Rotation rotation;
    rotation.firstOpenMs = r.time(QStringLiteral("first_open"));
    rotation.windowHours = r.number(QStringLiteral("window_hours"), 1, 24 * 7);
    const QJsonArray digits = r.array(QStringLiteral("digits"));
    for (qsizetype i = 0; i < digits.size() && r.ok(); ++i) {
        const double d = digits.at(i).toDouble(-1);
        if (!digits.at(i).isDouble() || d < 0 || d > 9 || double(int(d)) != d || rotation.digits.contains(int(d)))
            r.fail(QStringLiteral("digits[%1]").arg(i), QStringLiteral("must be a digit 0-9, each once"));
        rotation.digits.append(int(d));
    }
    if (r.ok() && digits.isEmpty())
        r.fail(QStringLiteral("digits"), QStringLiteral("must list at least one digit"));
    r.rejectUnknownFields();
    return rotation;
}

QList<RotationWindow> rotationWindows(const QString &cohortId, const QString &nameKo, const QString &nameEn,
                                      std::int64_t eligible, std::int64_t alreadyBooked, std::int64_t firstOpenMs,
                                      double windowHours, const QList<int> &digits)
{
    QList<RotationWindow> out;
    const auto groups = std::int64_t(digits.size());
    for (std::int64_t i = 0; i < groups; ++i) {
        const int digit = digits.at(qsizetype(i));
        RotationWindow w;
        w.id = cohortId + u'/' + QString::number(digit);
        w.nameKo = nameKo + QStringLiteral(" (끝자리 %1)").arg(digit);
        w.nameEn = nameEn + QStringLiteral(" (birth date ending %1)").arg(digit);
        w.eligible = eligible / groups + (i < eligible % groups ? 1 : 0);
        w.alreadyBooked = alreadyBooked / groups + (i < alreadyBooked % groups ? 1 : 0);
        w.openMs = firstOpenMs + i * 86'400'000;
        w.closeMs = w.openMs + std::int64_t(windowHours * 3'600'000);
        w.digit = digit;
        out.append(w);
    }
    return out;
}

} // namespace sitroom::domain
