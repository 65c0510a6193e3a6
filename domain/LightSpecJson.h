#pragma once

#include "domain/JsonFieldReader.h"
#include "domain/ProviderLight.h"

namespace sitroom::domain {

// A "lights" object (yellow_p95_ms, red_p95_ms, yellow_error_rate,
// red_error_rate, hysteresis, min_dwell_s, smoothing_s), as scenarios and
// site configurations write it; problems go to the reader.
LightSpec readLightSpec(JsonFieldReader r);

} // namespace sitroom::domain
