#pragma once

#include <QDeadlineTimer>

namespace sitroom::domain {

// Milliseconds on the process's monotonic clock, comparable across threads:
// the console's telemetry worker stamps each message with it and the
// situation store ages figures with it; no wall-clock step moves it.
inline qint64 monotonicNowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace sitroom::domain
