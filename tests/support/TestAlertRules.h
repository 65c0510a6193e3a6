#pragma once

// Alert rules for integration tests against the real sitroom-sim: one rule
// that the 20:00 rush of opening-18-49 trips at once (an estimated wait over
// 20 seconds, no on-delay), so a test sees an alert within seconds.
namespace sitroom::testing {

inline constexpr char kQueueWaitRules[] = R"({
  "version": 1,
  "rules": [
    { "id": "queue.wait", "metric": "admission.estimated_wait_s", "direction": "above",
      "levels": [ { "severity": "major", "threshold": 20 } ],
      "on_delay_s": 0, "off_delay_s": 600, "hysteresis": 0.2, "runbook": "queue-wait",
      "message": { "ko": "대기열 예상 대기 {value}", "en": "Estimated wait {value}" } }
  ]
})";

} // namespace sitroom::testing
