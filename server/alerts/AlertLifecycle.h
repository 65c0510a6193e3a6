#pragma once

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QString>

#include <cstdint>

namespace sitroom::alerts {

struct AlertActionResult;

// The ISA-18.2 lifecycle of one alert (alerts.proto, docs/alerts.md), as
// functions on the Alert message. Each changes the alert only when it makes a
// transition and returns it (ALERT_TRANSITION_UNSPECIFIED for none), or
// refuses and changes nothing.
namespace lifecycle {

// The condition is now at severity (SEVERITY_UNSPECIFIED: gone). A shelved
// alert tracks it silently.
sitroom::v1::AlertTransition followCondition(sitroom::v1::Alert &alert, sitroom::v1::Severity severity,
                                             std::int64_t nowMs);
// A shelf that has run out: back unacknowledged.
sitroom::v1::AlertTransition expireShelf(sitroom::v1::Alert &alert, std::int64_t nowMs);

AlertActionResult acknowledge(sitroom::v1::Alert &alert, const sitroom::v1::Actor &actor, const QString &comment,
                              const QString &runbookStep, std::int64_t nowMs, sitroom::v1::AlertTransition *made);
AlertActionResult shelve(sitroom::v1::Alert &alert, const sitroom::v1::Actor &actor, std::int64_t durationS,
                         std::int64_t nowMs, sitroom::v1::AlertTransition *made);
AlertActionResult unshelve(sitroom::v1::Alert &alert, const sitroom::v1::Actor &actor, std::int64_t nowMs,
                           sitroom::v1::AlertTransition *made);

} // namespace lifecycle
} // namespace sitroom::alerts
