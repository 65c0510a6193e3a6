#pragma once

#include <QString>

namespace sitroom::shots {

// The confirmation, from hand-made telemetry, in Korean: a supervisor of the
// room in command disabling kakao (control-confirm-ko-1920x1080.png), then a
// new admission rate while the gateway cannot reach its state store: the
// status bar marks it and the confirmation says the gateway will refuse
// (control-confirm-refused-ko-{1920x1080,1366x768}.png); false with the
// reason when one cannot be taken.
bool takeConfirmShots(const QString &dir, QString *error);

} // namespace sitroom::shots
