#include "server/gateway/GatewayPrivate.h"

#include "server/gateway/CommandWords.h"
#include "server/gateway/PasswordHash.h"

#include "proto/sitroom/PhraseBook.h"

#include <QHostAddress>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace sitroom::gateway {

namespace {

// One spelling per address: an IPv4 peer seen through an IPv6 socket
// (::ffff:127.0.0.2) counts as 127.0.0.2.
QString addressKey(const QHostAddress &source)
{
    bool isV4 = false;
    const quint32 v4 = source.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : source.toString();
}

} // namespace

void Gateway::signIn(const sitroom::v1::Hello &hello, const QHostAddress &source,
                     std::function<void(const SignInDecision &)> done)
{
    const QString user = QString::fromStdString(hello.user());
    const QString address = addressKey(source);
    if (!d->users) {
        SignInDecision viewer;
        viewer.accepted = true;
        viewer.identity = Identity{user, sitroom::v1::ROLE_VIEWER, hello.site()};
        done(viewer);
        return;
    }
    const auto audit = [this, user, address](std::uint32_t site, const sitroom::v1::Phrase &outcome) {
        AuditRecord r;
        r.timeMs = wallNowMs();
        r.user = user;
        r.site = site;
        r.sayAction(phrase::make("action.sign_in"));
        r.sayOutcome(outcome);
        // Let in (or refused) whatever the store says, so that a store out of
        // reach never locks the rooms out; a row it does not take waits and is
        // written, marked late, once it does (AuditBacklog, which logs it).
        const QString what = QStringLiteral("the sign-in of %1 from %2 (%3)").arg(user, address, phrase::english(outcome));
        if (!d->auditBacklog.record(*d->pipeline, r, what, wallNowMs()) && !d->auditBacklogTimer->isActive())
            d->auditBacklogTimer->start();
        flushEvents();
    };
    // In-flight counts per user and per (user, address), in one table.
    const QString pairKey = user + u'\n' + address;
    const SignInGuard::Verdict verdict = d->signInGuard.check(user, address, wallNowMs(),
                                                              d->signInsInFlight.value(pairKey),
                                                              d->signInsInFlight.value(user));
    if (verdict.locked()) {
        const bool everywhere = verdict.lock == SignInGuard::Lock::AllAddresses;
        audit(hello.site(), outcomePhrase(sitroom::v1::COMMAND_REFUSED,
                                          everywhere ? phrase::make("signin.locked_everywhere")
                                                     : phrase::make("signin.locked_here", {{"address", address}})));
        SignInDecision refused;
        refused.refusal = sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS;
        refused.retryAfterS = verdict.retryAfterS;
        refused.lockedEverywhere = everywhere;
        refused.reason = everywhere
            ? QStringLiteral("too many failed sign-ins for this user from many addresses; try again in %1 s").arg(verdict.retryAfterS)
            : QStringLiteral("too many failed sign-ins for this user from this address; try again in %1 s").arg(verdict.retryAfterS);
        done(refused);
        return;
    }
    if (hello.password().empty()) {
        // A console without a password asks whether one is needed: no guess,
        // so it does not count toward any lock-out.
        audit(hello.site(), outcomePhrase(sitroom::v1::COMMAND_REFUSED, phrase::make("signin.no_password", {{"address", address}})));
        SignInDecision refused;
        refused.reason = QStringLiteral("a password is needed");
        done(refused);
        return;
    }
    const UserAccount *account = d->users->find(user);
    // An unknown name costs the same hashing as a known one, so the time
    // taken does not tell which names exist.
    const bool known = account != nullptr;
    UserAccount copy;
    if (known) {
        copy = *account;
    } else {
        copy.name = user;
        copy.site = hello.site();
        copy.passwordHash = d->dummyHash;
    }
    // PBKDF2 at hundreds of thousands of iterations takes a while: off the
    // event loop on the thread pool, which touches nothing but its own copies.
    // The decision comes back through a QFutureWatcher that is the gateway's
    // child on the gateway's thread: the future reports to the watcher under
    // its own lock, and a watcher destroyed with the gateway detaches first, so
    // nothing on the pool's thread ever reads a pointer to the gateway. (Qt
    // 6.4's QFuture::then(context, ...) reads a QPointer to the context on the
    // finishing thread, the very race this avoids.)
    const QString password = QString::fromStdString(hello.password());
    ++d->signInsInFlight[user];
    ++d->signInsInFlight[pairKey];
    const QString hash = copy.passwordHash;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, copy, known, address, pairKey, done, audit] {
            const bool verified = watcher->result();
            watcher->deleteLater();
            const bool ok = verified && known;
            for (const QString &key : {copy.name, pairKey}) {
                if (--d->signInsInFlight[key] <= 0)
                    d->signInsInFlight.remove(key);
            }
            SignInDecision decision;
            if (ok) {
                d->signInGuard.recordSuccess(copy.name, address);
                const char *role = copy.role == sitroom::v1::ROLE_SUPERVISOR ? "role.supervisor"
                                 : copy.role == sitroom::v1::ROLE_OPERATOR   ? "role.operator"
                                 : copy.role == sitroom::v1::ROLE_VIEWER     ? "role.viewer"
                                                                             : "role.none";
                audit(copy.site, phrase::make("signin.ok", {}, {{"role", phrase::make(role)}}));
                decision.accepted = true;
                decision.identity = Identity{copy.name, copy.role, copy.site};
            } else {
                d->signInGuard.recordFailure(copy.name, address, wallNowMs());
                audit(copy.site, outcomePhrase(sitroom::v1::COMMAND_REFUSED,
                                               phrase::make(known ? "signin.wrong_password" : "signin.unknown_user",
                                                            {{"address", address}})));
                decision.reason = QStringLiteral("unknown user or wrong password");
            }
            done(decision);
        });
    watcher->setFuture(QtConcurrent::run([password, hash] { return PasswordHash::verify(password, hash); }));
}

int Gateway::signInsInFlight(const QString &user) const
{
    return d->signInsInFlight.value(user);
}

} // namespace sitroom::gateway
