#include "gateway/CommandWords.h"

namespace sitroom::gateway {

QString commandStatusWord(sitroom::v1::CommandStatus status)
{
    switch (status) {
    case sitroom::v1::COMMAND_APPLIED: return QStringLiteral("applied");
    case sitroom::v1::COMMAND_PENDING_APPROVAL: return QStringLiteral("pending approval");
    case sitroom::v1::COMMAND_REFUSED: return QStringLiteral("refused");
    case sitroom::v1::COMMAND_CONFLICT: return QStringLiteral("conflict");
    case sitroom::v1::COMMAND_INVALID: return QStringLiteral("invalid");
    case sitroom::v1::COMMAND_EXPIRED: return QStringLiteral("expired");
    default: return QStringLiteral("unknown");
    }
}

} // namespace sitroom::gateway
