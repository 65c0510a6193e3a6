#include "server/gateway/DeliveryFailure.h"

#include "proto/sitroom/PhraseBook.h"

#include <QLocale>

namespace sitroom::gateway {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', QLocale::FloatingPointShortest);
}

} // namespace

DeliveryFailure DeliveryFailure::network(Kind kind, const QString &url, const QString &networkWords, int timeoutMs)
{
    DeliveryFailure f;
    f.kind = kind;
    f.url = url;
    f.detail = networkWords;
    f.timeoutMs = timeoutMs;
    return f;
}

DeliveryFailure DeliveryFailure::answered(int status, const QString &url, const QString &liveWords, const QString &detail)
{
    DeliveryFailure f;
    f.kind = status >= 400 && status < 500 ? Kind::Refused : Kind::Status;
    f.status = status;
    f.url = url;
    f.liveWords = liveWords;
    f.detail = detail;
    return f;
}

DeliveryFailure DeliveryFailure::stillOut(int attempt, const std::optional<DeliveryFailure> &before)
{
    DeliveryFailure f;
    f.kind = Kind::StillOut;
    f.attempt = attempt;
    if (before)
        f.before = std::make_shared<const DeliveryFailure>(*before);
    return f;
}

DeliveryFailure DeliveryFailure::nothingAnswered()
{
    return DeliveryFailure{};
}

sitroom::v1::Phrase DeliveryFailure::phrase() const
{
    switch (kind) {
    case Kind::Unreachable:
        return phrase::make("delivery.unreachable");
    case Kind::SecureChannel:
        return phrase::make("delivery.secure_channel_failed");
    case Kind::ConnectionLost:
        return phrase::make("delivery.connection_lost");
    case Kind::TimedOut:
        return phrase::make("delivery.timed_out", {{"seconds", seconds(timeoutMs)}});
    case Kind::Status:
    case Kind::Refused:
        // Its words as it said them, quoted: the only words in the sentence
        // that are not the reader's language's when it answered in another.
        return liveWords.isEmpty()
            ? phrase::make("delivery.answered_status", {{"status", QString::number(status)}})
            : phrase::make("delivery.answered_saying", {{"status", QString::number(status)}, {"said", liveWords}});
    case Kind::StillOut:
        return before ? phrase::make("delivery.still_out_after", {{"attempt", QString::number(attempt)}},
                                     {{"before", before->phrase()}})
                      : phrase::make("delivery.still_out", {{"attempt", QString::number(attempt)}});
    case Kind::NothingAnswered:
        break;
    }
    return phrase::make("delivery.nothing_answered");
}

QString DeliveryFailure::ownWords() const
{
    if (kind == Kind::StillOut)
        return before ? before->ownWords() : QString();
    QString words = url;
    if (!detail.isEmpty())
        words += (words.isEmpty() ? QString() : QStringLiteral(": ")) + detail;
    if (attempts > 1)
        words += (words.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("after %1 attempts").arg(attempts);
    return words;
}

QString DeliveryFailure::english() const
{
    return withOwnWords(phrase(), *this);
}

sitroom::v1::Phrase undeliveredReason(const DeliveryFailure &failure, qint64 deadlineMs)
{
    return failure.isRefusal()
        ? phrase::make("reason.delivery_refused", {}, {{"reason", failure.phrase()}})
        : phrase::make("reason.delivery_unanswered", {{"seconds", seconds(deadlineMs)}}, {{"reason", failure.phrase()}});
}

QString withOwnWords(const sitroom::v1::Phrase &phrase, const DeliveryFailure &failure)
{
    const QString own = failure.ownWords();
    const QString text = phrase::english(phrase);
    return own.isEmpty() ? text : text + QStringLiteral(" (") + own + u')';
}

} // namespace sitroom::gateway
