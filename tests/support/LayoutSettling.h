#pragma once

class QWidget;

namespace sitroom::testing {

// Runs the event loop until the window has laid out what it was given: every
// posted event delivered (layout requests, polish, the zero-delay calls with
// which the main window places its docks) and no visible widget moved,
// resized, shown or hidden by two more passes. Never sleeps. False when the
// window still moves after timeoutMs.
[[nodiscard]] bool settleLayout(QWidget &window, int timeoutMs = 5000);

} // namespace sitroom::testing
