#pragma once

#include <QString>

namespace sitroom::shots {

// The alerts dock in a flood on the desk and the laptop, in Korean and
// English; false with the reason when one cannot be taken.
bool takeAlertFloodShots(const QString &dir, QString *error);

} // namespace sitroom::shots
