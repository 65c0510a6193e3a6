#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <deque>

namespace sitroom::gateway {

// Throttles password guessing per user name: once a name has maxFailures (5)
// failed sign-ins within windowMs (a minute), every further attempt (the
// sixth and on) is refused without checking the password until the oldest of
// those failures is a minute old. Refused attempts are not counted, so the
// lock lifts on its own. Attempts still being checked (inFlight) count as
// failures, so parallel guesses cannot slip past the limit.
class SignInGuard final
{
public:
    explicit SignInGuard(int maxFailures = 5, qint64 windowMs = 60000);

    bool isLocked(const QString &user, qint64 nowMs, int inFlight = 0);
    // Failures within the window.
    int failures(const QString &user, qint64 nowMs);
    void recordFailure(const QString &user, qint64 nowMs);
    void recordSuccess(const QString &user);

private:
    void prune(std::deque<qint64> &failures, qint64 nowMs) const;

    int m_maxFailures;
    qint64 m_windowMs;
    QHash<QString, std::deque<qint64>> m_failures;
};

} // namespace sitroom::gateway
