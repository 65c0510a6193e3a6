#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <functional>

namespace sitroom::models {

class SituationStore;

// Provider id → the name operators know it by, for whatever words a provider:
// controls in force, commands, approvals, the audit's phrases, alert sources.
using ProviderNamer = std::function<QString(const QString &id)>;

// The provider's name from the live system's configuration, in the console's
// language; its id when the configuration does not name it.
QString providerName(const sitroom::v1::Configuration &configuration, const QString &id);
// The same, always from the store's latest configuration; the store must
// outlive the namer.
ProviderNamer providerNamer(const SituationStore &store);

} // namespace sitroom::models
