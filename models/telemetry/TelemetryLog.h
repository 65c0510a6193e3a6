#pragma once

#include <QLoggingCategory>

namespace sitroom::models {
Q_DECLARE_LOGGING_CATEGORY(lcNet)
}
