#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

#include <functional>
#include <initializer_list>
#include <utility>

// The server's words as codes and parameters (v1::Phrase), and their English
// wording: one book for the gateway (which writes the English text fields
// from it, for old clients and logs) and for every client (which translates
// each template through Qt's translator under the context "Phrase" and words
// the phrase in its user's language). Templates name their parameters in
// braces, "{user} did: {command}"; a parameter is an arg (a name, an id, a
// figure) or a part (a phrase of its own).
namespace sitroom::phrase {

using Arg = std::pair<const char *, QString>;
using Part = std::pair<const char *, sitroom::v1::Phrase>;

sitroom::v1::Phrase make(const char *code, std::initializer_list<Arg> args = {},
                         std::initializer_list<Part> parts = {});
// Two phrases said one after the other: "{first}; {then}".
sitroom::v1::Phrase joined(const sitroom::v1::Phrase &first, const sitroom::v1::Phrase &then);
// Text the server holds in both languages (an alert's message).
sitroom::v1::Phrase bilingual(const QString &ko, const QString &en);

// The English template of a code, or nullptr for a code this build does not know.
const char *englishTemplate(const std::string &code);

// How a client speaks: its translation of a template, and how it shows an
// arg (a time in epoch ms, say). korean picks the Korean side of a bilingual text.
struct Voice
{
    std::function<QString(const char *englishTemplate)> translate;
    // name and raw value → the text shown; unset: the raw value.
    std::function<QString(const QString &name, const QString &value)> arg;
    bool korean = false;
};

// The phrase in the voice's words; empty when it (or a part of it) has a code
// this build does not know, so the caller shows the English text field instead.
QString render(const sitroom::v1::Phrase &phrase, const Voice &voice);
// The English the gateway writes into the text fields.
QString english(const sitroom::v1::Phrase &phrase);

} // namespace sitroom::phrase
