#include "domain/LightSpecJson.h"

namespace sitroom::domain {

LightSpec readLightSpec(JsonFieldReader r)
{
    LightSpec l;
    l.yellowP95Ms = r.number(QStringLiteral("yellow_p95_ms"), 1, 600000);
    l.redP95Ms = r.number(QStringLiteral("red_p95_ms"), 1, 600000);
    l.yellowErrorRate = r.number(QStringLiteral("yellow_error_rate"), 0, 1);
    l.redErrorRate = r.number(QStringLiteral("red_error_rate"), 0, 1);
    l.hysteresis = r.number(QStringLiteral("hysteresis"), 0, 0.9);
    l.minDwellS = int(r.integer(QStringLiteral("min_dwell_s"), 0, 3600));
    l.smoothingS = r.number(QStringLiteral("smoothing_s"), 1, 600);
    if (r.ok() && l.redP95Ms <= l.yellowP95Ms)
        r.fail(QStringLiteral("red_p95_ms"), QStringLiteral("must be above yellow_p95_ms"));
    if (r.ok() && l.redErrorRate <= l.yellowErrorRate)
        r.fail(QStringLiteral("red_error_rate"), QStringLiteral("must be above yellow_error_rate"));
    r.rejectUnknownFields();
    return l;
}

} // namespace sitroom::domain
