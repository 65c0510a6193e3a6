#pragma once

#include <QString>

namespace sitroom::shots {

// The throttle's what-if on the real simulator, in Korean: kim, an operator,
// types 400 for the admission rate at the 20:00 rush of opening-18-49 and
// presses Apply; the 30-minute projection on the waiting room's charts and the
// confirmation beside them (whatif-throttle-preview-ko-WxH.png, at the size of
// the offscreen screen, the title bar included). False with the reason when
// it cannot be taken.
bool takeWhatIfShots(const QString &dir, QString *error);

} // namespace sitroom::shots
