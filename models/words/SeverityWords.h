#pragma once

#include <QString>

namespace sitroom::models {

// An alert's severity in the console's language, as the server's phrases say
// it ("severity.critical": critical / 긴급), so the alert list, the dialogs
// and the audit's before/after read the same word. Any value but critical,
// major and minor reads as info.
QString severityWord(int severity);
// The same word beginning a label or a column ("Critical", 긴급).
QString severityLabel(int severity);

} // namespace sitroom::models
