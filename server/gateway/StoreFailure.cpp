#include "server/gateway/StoreFailure.h"

#include "server/gateway/CommandDecision.h"
#include "server/gateway/GatewayStore.h"

#include "proto/sitroom/PhraseBook.h"

namespace sitroom::gateway {

StoreFailure StoreFailure::of(const GatewayStore &store, const QString &detail)
{
    return StoreFailure{store.isReachable() ? Kind::WriteRefused : Kind::Unreachable, detail};
}

sitroom::v1::Phrase StoreFailure::phrase() const
{
    return phrase::make(kind == Kind::Unreachable ? "store.unreachable" : "store.write_refused");
}

QString StoreFailure::ownWords() const
{
    // PostgresGatewayStore says "the shared state store cannot be reached: why".
    const QString said = phrase::english(phrase()) + QStringLiteral(": ");
    const QString words = detail.startsWith(said) ? detail.mid(said.size()) : detail;
    return words.trimmed();
}

sitroom::v1::CommandResult auditWriteRefusal(const std::string &commandId, const StoreFailure &failure,
                                             const sitroom::v1::ControlState &control)
{
    sitroom::v1::CommandResult result =
        refusedResult(commandId, phrase::make("audit.write_failed", {}, {{"error", failure.phrase()}}), control);
    const QString own = failure.ownWords();
    if (!own.isEmpty())
        result.set_message(result.message() + " (" + own.toStdString() + ")");
    return result;
}

} // namespace sitroom::gateway
