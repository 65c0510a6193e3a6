#include "server/gateway/SignInGuard.h"

#include <algorithm>

namespace sitroom::gateway {

SignInGuard::SignInGuard()
    : SignInGuard(Policy{})
{
}

SignInGuard::SignInGuard(const Policy &policy)
    : m_policy(policy)
{
}

QString SignInGuard::key(const QString &user, const QString &address)
{
    // A user name cannot hold a newline (UsersFile), so the key is unambiguous.
    return user + u'\n' + address;
}

void SignInGuard::prune(std::deque<qint64> &failures, qint64 windowMs, qint64 nowMs)
{
    while (!failures.empty() && nowMs - failures.front() >= windowMs)
        failures.pop_front();
}

int SignInGuard::secondsUntil(qint64 untilMs, qint64 nowMs)
{
    return int(std::max<qint64>(1, (untilMs - nowMs + 999) / 1000));
}

int SignInGuard::failuresFromAddress(const QString &user, const QString &address, qint64 nowMs)
{
    auto it = m_byAddress.find(key(user, address));
    if (it == m_byAddress.end())
        return 0;
    prune(it->failures, m_policy.addressWindowMs, nowMs);
    const int n = int(it->failures.size());
    if (n == 0 && it->lockedUntilMs <= nowMs)
        m_byAddress.erase(it);
    return n;
}

int SignInGuard::failuresForUser(const QString &user, qint64 nowMs)
{
    auto it = m_byUser.find(user);
    if (it == m_byUser.end())
        return 0;
    prune(*it, m_policy.userWindowMs, nowMs);
    const int n = int(it->size());
    if (n == 0)
        m_byUser.erase(it);
    return n;
}

SignInGuard::Verdict SignInGuard::check(const QString &user, const QString &address, qint64 nowMs,
                                        int inFlightFromAddress, int inFlightForUser)
{
    Verdict verdict;
    const int forUser = failuresForUser(user, nowMs);
    if (forUser + inFlightForUser >= m_policy.maxFailuresPerUser) {
        verdict.lock = Lock::AllAddresses;
        // Until enough of the oldest failures age out to go below the ceiling.
        const std::deque<qint64> &failures = m_byUser.value(user);
        const int mustAge = forUser + inFlightForUser - m_policy.maxFailuresPerUser;
        const qint64 until = mustAge < forUser ? failures[std::size_t(mustAge)] + m_policy.userWindowMs : nowMs + 1000;
        verdict.retryAfterS = secondsUntil(until, nowMs);
        return verdict;
    }
    const int fromAddress = failuresFromAddress(user, address, nowMs);
    const auto it = m_byAddress.constFind(key(user, address));
    if (it != m_byAddress.constEnd() && it->lockedUntilMs > nowMs) {
        verdict.lock = Lock::ThisAddress;
        verdict.retryAfterS = secondsUntil(it->lockedUntilMs, nowMs);
    } else if (fromAddress + inFlightFromAddress >= m_policy.maxFailuresPerAddress) {
        // Only reached while the deciding attempts are still being checked.
        verdict.lock = Lock::ThisAddress;
        verdict.retryAfterS = 1;
    }
    return verdict;
}

void SignInGuard::recordFailure(const QString &user, const QString &address, qint64 nowMs)
{
    std::deque<qint64> &forUser = m_byUser[user];
    prune(forUser, m_policy.userWindowMs, nowMs);
    forUser.push_back(nowMs);

    AddressRecord &record = m_byAddress[key(user, address)];
    prune(record.failures, m_policy.addressWindowMs, nowMs);
    record.failures.push_back(nowMs);
    if (int(record.failures.size()) >= m_policy.maxFailuresPerAddress) {
        // Locked from the last failure; afterwards the count starts again, so
        // a guesser gets five tries a minute from one address.
        record.lockedUntilMs = nowMs + m_policy.addressLockMs;
        record.failures.clear();
    }
}

void SignInGuard::recordSuccess(const QString &user, const QString &address)
{
    m_byAddress.remove(key(user, address));
}

} // namespace sitroom::gateway
