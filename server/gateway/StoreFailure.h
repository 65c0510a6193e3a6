#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

#include <string>

namespace sitroom::gateway {

class GatewayStore;

// Why the gateway's state store did not take a write, as the people told
// read it: the kind of failure, a phrase in their language, never the
// store's or its driver's own words (libpq's are English, name hosts and
// ports, and change with its version). Those stay for whoever runs the
// gateway: in its log, and after the English text field that sitroomctl
// prints and old consoles show.
struct StoreFailure
{
    enum class Kind {
        // The store cannot be reached (a shared PostgreSQL stopped or out of
        // the network): GatewayStore::isReachable() says so.
        Unreachable,
        // It answered, but did not take the write (a full disk, a lock held
        // too long, a damaged schema): the log says which.
        WriteRefused,
    };

    Kind kind = Kind::WriteRefused;
    QString detail;   // the store's own words, English

    // Told apart as the store tells them: asked right after the failure.
    static StoreFailure of(const GatewayStore &store, const QString &detail);

    // "store.unreachable", "store.write_refused".
    sitroom::v1::Phrase phrase() const;
    // The store's words less what the phrase says already, for the English
    // text after it: "connection to server at … failed: Connection refused".
    QString ownWords() const;
};

// A command refused because its audit row could not be written: "the audit
// log could not be written, so nothing was done: {error}", the failure's
// phrase as {error}; its English text field ends with the store's own words
// in brackets.
sitroom::v1::CommandResult auditWriteRefusal(const std::string &commandId, const StoreFailure &failure,
                                             const sitroom::v1::ControlState &control);

} // namespace sitroom::gateway
