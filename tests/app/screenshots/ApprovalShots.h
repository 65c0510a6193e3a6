#pragma once

#include <QString>

namespace sitroom::shots {

// Approvals on the real simulator, in Korean at 1920x1080: choi's console
// with park's request waiting, then choi's approval dialog over it
// (approval-pending-ko-1920x1080.png, approval-dialog-ko-1920x1080.png);
// false with the reason when one cannot be taken.
bool takeApprovalShots(const QString &dir, QString *error);

} // namespace sitroom::shots
