#pragma once

// The surge envelope lives in sitroom_domain, shared with the alert engine on
// the live-system side; the console keeps its name for it.
#include "domain/SurgeEnvelope.h"

namespace sitroom::models {
using domain::SurgeEnvelope;
} // namespace sitroom::models
