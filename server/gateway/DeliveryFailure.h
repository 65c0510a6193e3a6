#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

#include <memory>
#include <optional>

namespace sitroom::gateway {

// Why a change did not reach the live system, as the people told read it:
// the kind of failure, a phrase in their language. The network's own words
// (Qt's, English, naming the URL) are never in it: they stay for whoever runs
// the gateway, in its log and after the English text fields that sitroomctl
// prints and old consoles show. What the live system itself answered is its
// own words and is shown as such, quoted, in whatever language it used.
struct DeliveryFailure
{
    enum class Kind {
        // No connection: refused, no such host, no route (ControlWebhook
        // tells them from Qt's network error).
        Unreachable,
        // The TLS handshake failed: no secure connection to the URL.
        SecureChannel,
        // Connected, but the connection closed before an answer came.
        ConnectionLost,
        // An attempt had no answer within its time-out (timeoutMs).
        TimedOut,
        // It answered with an HTTP status that is no answer to the change
        // (5xx, a redirect): it may or may not have applied it.
        Status,
        // It answered 4xx: it refused the change, and has not applied it.
        Refused,
        // An attempt was still out at the delivery's deadline (attempt);
        // `before` says what the attempt before it met, when it is known.
        StillOut,
        // No attempt was answered, and what they met is not known here (they
        // were another gateway's).
        NothingAnswered,
    };

    Kind kind = Kind::NothingAnswered;
    int status = 0;          // Status, Refused: the HTTP status
    QString liveWords;       // Status, Refused: what the live system said, as it said it
    QString url;             // where it was sent
    QString detail;          // the network's words (Qt's errorString), or an answer not quoted
    int timeoutMs = 0;       // TimedOut
    int attempts = 0;        // the webhook's attempts behind this failure (0: not counted)
    int attempt = 0;         // StillOut: the outbox's attempt still out
    std::shared_ptr<const DeliveryFailure> before;   // StillOut

    static DeliveryFailure network(Kind kind, const QString &url, const QString &networkWords, int timeoutMs = 0);
    // An HTTP answer that is not 2xx: Refused for 4xx, Status otherwise.
    // liveWords: what it said ("" when it said nothing quotable); detail: its
    // answer when not quoted (markup, say).
    static DeliveryFailure answered(int status, const QString &url, const QString &liveWords, const QString &detail = {});
    static DeliveryFailure stillOut(int attempt, const std::optional<DeliveryFailure> &before);
    static DeliveryFailure nothingAnswered();

    // The live system answered no: final, the change is not retried.
    bool isRefusal() const { return kind == Kind::Refused; }

    // "delivery.unreachable", "delivery.answered_saying", …: the {reason}
    // part of reason.delivery_refused / reason.delivery_unanswered.
    sitroom::v1::Phrase phrase() const;
    // What the phrase leaves out, for the English text after it and the
    // log: "http://127.0.0.1:9465/control: Connection refused, after 4 attempts".
    QString ownWords() const;
    // The phrase in English with its own words in brackets: the log's and
    // the outbox row's answer.
    QString english() const;
};

// Why a change that did not reach the live system was put back, the audit
// row's reason: "the live system refused it: {reason}", or "no answer from
// the live system within {seconds} s: {reason}" (deadlineMs), the failure's
// phrase as {reason}.
sitroom::v1::Phrase undeliveredReason(const DeliveryFailure &failure, qint64 deadlineMs);
// A phrase's English followed by the failure's own words in brackets (none
// when it has none): the English text field of a phrase that holds it.
QString withOwnWords(const sitroom::v1::Phrase &phrase, const DeliveryFailure &failure);

} // namespace sitroom::gateway
