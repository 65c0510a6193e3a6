#include "gateway/SignInGuard.h"

namespace sitroom::gateway {

SignInGuard::SignInGuard(int maxFailures, qint64 windowMs)
    : m_maxFailures(maxFailures)
    , m_windowMs(windowMs)
{
}

void SignInGuard::prune(std::deque<qint64> &failures, qint64 nowMs) const
{
    while (!failures.empty() && nowMs - failures.front() >= m_windowMs)
        failures.pop_front();
}

bool SignInGuard::isLocked(const QString &user, qint64 nowMs, int inFlight)
{
    return failures(user, nowMs) + inFlight >= m_maxFailures;
}

int SignInGuard::failures(const QString &user, qint64 nowMs)
{
    auto it = m_failures.find(user);
    if (it == m_failures.end())
        return 0;
    prune(*it, nowMs);
    const int n = int(it->size());
    if (it->empty())
        m_failures.erase(it);
    return n;
}

void SignInGuard::recordFailure(const QString &user, qint64 nowMs)
{
    std::deque<qint64> &failures = m_failures[user];
    prune(failures, nowMs);
    failures.push_back(nowMs);
}

void SignInGuard::recordSuccess(const QString &user)
{
    m_failures.remove(user);
}

} // namespace sitroom::gateway
