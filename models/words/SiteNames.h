#pragma once

#include <QCoreApplication>
#include <QString>

namespace sitroom::models {

// A situation room as people read it, in the console's language ("서울",
// "오송", "부처"): the status bar, the window's title, who did what in the
// audit, the controls and the approvals. Files and options write the key
// instead (proto/sitroom/SiteKey).
class SiteNames final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::models::SiteNames)

public:
    // "unknown site" for a value this build does not know, or none.
    static QString name(quint32 site);
};

} // namespace sitroom::models
