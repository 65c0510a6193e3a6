#pragma once

#include "domain/JsonFieldReader.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace sitroom::domain {

// One booking window of a cohort's 10부제 rotation: the group whose birth
// date ends in one digit, opening a day after the previous group.
struct RotationWindow
{
    QString id;            // "<cohort>/<digit>"
    QString nameKo;
    QString nameEn;
    std::int64_t eligible = 0;
    std::int64_t alreadyBooked = 0;
    std::int64_t openMs = 0;
    std::int64_t closeMs = 0;
    int digit = 0;
};

// A "rotation" object: first_open (ISO 8601 with its offset), window_hours,
// digits (each 0-9 once); problems go to the reader.
struct Rotation
{
    std::int64_t firstOpenMs = 0;
    double windowHours = 0.0;
    QList<int> digits;
};
Rotation readRotation(JsonFieldReader r);

// Expands a cohort's rotation into its windows, in the order of the digits.
// The eligible and already-booked counts are spread so that the groups add
// up to the cohort's exactly. The scenario loader and the site configuration
// both read a rotation this way.
QList<RotationWindow> rotationWindows(const QString &cohortId, const QString &nameKo, const QString &nameEn,
                                      std::int64_t eligible, std::int64_t alreadyBooked, std::int64_t firstOpenMs,
                                      double windowHours, const QList<int> &digits);

} // namespace sitroom::domain
