#pragma once

#include <QString>

#include <cstdint>

namespace sitroom::appcommon {

// "24h", "90m", "1h30m", "3600s" or "3600" as seconds, from 1 minute to 14
// days; false with a message that names --duration (callers rename it).
bool parseDuration(const QString &text, std::int64_t *seconds, QString *error);

} // namespace sitroom::appcommon
