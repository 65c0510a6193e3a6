#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <deque>

namespace sitroom::gateway {

// Throttles password guessing without letting one client lock a user out for
// everyone. Two counters:
//  - per (user, source address): maxFailuresPerAddress (5) failures within
//    addressWindowMs (a minute) lock that user from that address only, for
//    addressLockMs (a minute) from the last of them; a colleague signing in
//    as the same user from another machine is not affected.
//  - per user, across all addresses: maxFailuresPerUser (100) failures within
//    userWindowMs (15 minutes) refuse the user from everywhere until the
//    oldest of them ages out. One address alone can reach at most about 80
//    in that window (5 a minute), so only guessing from several addresses
//    at once trips it.
// Refused attempts are not counted, so both locks lift on their own.
// Attempts still being checked (in flight) count as failures, so parallel
// guesses cannot slip past a limit. Numbers and reasons: docs/controls.md.
class SignInGuard final
{
public:
    struct Policy
    {
        int maxFailuresPerAddress = 5;
        qint64 addressWindowMs = 60'000;
        qint64 addressLockMs = 60'000;
        int maxFailuresPerUser = 100;
        qint64 userWindowMs = 15 * 60'000;
    };

    enum class Lock { None, ThisAddress, AllAddresses };

    struct Verdict
    {
        Lock lock = Lock::None;
        int retryAfterS = 0;   // whole seconds, at least 1 while locked
        bool locked() const { return lock != Lock::None; }
    };

    SignInGuard();
    explicit SignInGuard(const Policy &policy);

    const Policy &policy() const { return m_policy; }

    // inFlightFromAddress: attempts by this user from this address still
    // being checked; inFlightForUser: by this user from anywhere.
    Verdict check(const QString &user, const QString &address, qint64 nowMs,
                  int inFlightFromAddress = 0, int inFlightForUser = 0);
    // Failures within the windows.
    int failuresFromAddress(const QString &user, const QString &address, qint64 nowMs);
    int failuresForUser(const QString &user, qint64 nowMs);

    void recordFailure(const QString &user, const QString &address, qint64 nowMs);
    // Clears this address's count for the user. The user-wide count stays:
    // the real user signing in must not wipe the traces of a distributed guess.
    void recordSuccess(const QString &user, const QString &address);

private:
    struct AddressRecord
    {
        std::deque<qint64> failures;
        qint64 lockedUntilMs = 0;
    };

    static QString key(const QString &user, const QString &address);
    static void prune(std::deque<qint64> &failures, qint64 windowMs, qint64 nowMs);
    static int secondsUntil(qint64 untilMs, qint64 nowMs);

    Policy m_policy;
    QHash<QString, AddressRecord> m_byAddress;       // key(user, address)
    QHash<QString, std::deque<qint64>> m_byUser;
};

} // namespace sitroom::gateway
