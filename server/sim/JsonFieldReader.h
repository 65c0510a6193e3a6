#pragma once

// The field reader lives in sitroom_domain, shared with the alert rules loader.
#include "domain/JsonFieldReader.h"

namespace sitroom::sim {
using domain::JsonFieldReader;
} // namespace sitroom::sim
