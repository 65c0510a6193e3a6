#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

namespace sitroom::gateway {

// What the gateway says about commands, as Phrases (proto/sitroom/PhraseBook)
// for clients to word in their language, and in English for the text fields.

// The word an audit row's outcome starts with: "applied", "refused", ...
sitroom::v1::Phrase commandStatusPhrase(sitroom::v1::CommandStatus status);
QString commandStatusWord(sitroom::v1::CommandStatus status);
// "{status}: {detail}"
sitroom::v1::Phrase outcomePhrase(sitroom::v1::CommandStatus status, const sitroom::v1::Phrase &detail);

// What a command does: "set admission rate to 500/s".
sitroom::v1::Phrase commandPhrase(const sitroom::v1::Command &command);
QString describeCommand(const sitroom::v1::Command &command);

// A figure as the phrases carry it: "500", "0.25".
QString figureText(double value);

} // namespace sitroom::gateway
