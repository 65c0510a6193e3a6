#include "gateway/GatewayPrivate.h"

#include "gateway/GatewayLog.h"
#include "gateway/PasswordHash.h"

#include <QPointer>
#include <QThreadPool>

namespace sitroom::gateway {

void Gateway::signIn(const sitroom::v1::Hello &hello, std::function<void(const SignInDecision &)> done)
{
    const QString user = QString::fromStdString(hello.user());
    if (!d->users) {
        SignInDecision viewer;
        viewer.accepted = true;
        viewer.identity = Identity{user, sitroom::v1::ROLE_VIEWER, hello.site()};
        done(viewer);
        return;
    }
    const auto audit = [this, user](std::uint32_t site, const QString &outcome) {
        AuditRecord r;
        r.timeMs = wallNowMs();
        r.user = user;
        r.site = site;
        r.action = QStringLiteral("sign in");
        r.outcome = outcome;
        d->processor->record(r);
        flushControlEvents();
    };
    if (d->signInGuard.isLocked(user, wallNowMs(), d->signInsInFlight.value(user))) {
        audit(hello.site(), QStringLiteral("refused: too many failed attempts in the last minute"));
        SignInDecision refused;
        refused.refusal = sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS;
        refused.reason = QStringLiteral("too many failed sign-ins for this user in the last minute; try again later");
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
    // event loop, then back here to decide.
    const QString password = QString::fromStdString(hello.password());
    QPointer<Gateway> self(this);
    ++d->signInsInFlight[user];
    QThreadPool::globalInstance()->start([self, copy, known, password, done, audit]() {
        const bool ok = PasswordHash::verify(password, copy.passwordHash) && known;
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, copy, known, ok, done, audit]() {
            if (!self)
                return;
            if (--self->d->signInsInFlight[copy.name] <= 0)
                self->d->signInsInFlight.remove(copy.name);
            SignInDecision decision;
            if (ok) {
                self->d->signInGuard.recordSuccess(copy.name);
                audit(copy.site, QStringLiteral("signed in as %1").arg(UsersFile::roleName(copy.role)));
                decision.accepted = true;
                decision.identity = Identity{copy.name, copy.role, copy.site};
            } else {
                self->d->signInGuard.recordFailure(copy.name, wallNowMs());
                audit(copy.site, known ? QStringLiteral("refused: wrong password") : QStringLiteral("refused: unknown user"));
                decision.reason = QStringLiteral("unknown user or wrong password");
            }
            done(decision);
        }, Qt::QueuedConnection);
    });
}

} // namespace sitroom::gateway
