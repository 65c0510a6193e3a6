#pragma once

#include "domain/LiveClock.h"
#include "models/words/ProviderNames.h"

#include "sitroom/v1/control.pb.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace sitroom::models {

// The server's Phrases (proto/sitroom/PhraseBook) in the console's language:
// each template through the translator (context "Phrase"), times in epoch ms
// on the live system's clock with its zone ("20:14:05 KST"), units and
// provider ids in the words operators know, the Korean or English side of a
// bilingual text as the console speaks (models/words/DisplayLanguage). A
// phrase with a code this build does not know falls back to the English text
// the server sent beside it.
class PhraseWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::models::PhraseWords)

public:
    PhraseWords() = default;
    // names: provider id → its name ("kakao" → "카카오"); unset: the id.
    PhraseWords(sitroom::domain::LiveClock clock, ProviderNamer names);

    // The phrase in words, or fallback when it is unset or not known here.
    QString text(const sitroom::v1::Phrase &phrase, const std::string &fallback) const;
    QString text(const sitroom::v1::Phrase &phrase, const QString &fallback = {}) const;
    // An actor's reason: theirs as they wrote it, or the server's words.
    QString reason(const sitroom::v1::Actor &actor) const;

    // An audit row's before or after (the gateway's compact JSON of what
    // changed: admission, providers, pending requests, an alert's state and
    // severity) in words, one "what: value" per line; keys it does not know
    // as written.
    QString stateText(const QString &json) const;

    // A unit as the alert rules write it ("ratio", "people", "x", "s", "ms").
    static QString unitText(const QString &unit);

private:
    QString arg(const QString &name, const QString &value) const;

    sitroom::domain::LiveClock m_clock;
    ProviderNamer m_names;
};

} // namespace sitroom::models
