#pragma once

#include <QDeadlineTimer>

namespace sitroom::models {

// Milliseconds on the monotonic clock, comparable across threads (the
// telemetry worker stamps messages with it, the store ages them with it).
inline qint64 monotonicNowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace sitroom::models
