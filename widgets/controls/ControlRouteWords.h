#pragma once

#include "widgets/controls/ControlConfirmDialog.h"

#include "models/control/ControlOutlook.h"

#include <QCoreApplication>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// What the gateway will do with a command once sent (models/control/
// ControlOutlook), in the confirmation's words: applied at once, waiting for
// whose approval, or refused and why; never a promise the gateway is about
// to break.
class ControlRouteWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::ControlRouteWords)

public:
    // proposal: what the desk proposes (its own note for a handover or a takeover).
    static ControlRoute route(const ControlProposal &proposal, sitroom::models::ControlOutlook outlook,
                              const sitroom::models::SituationStore &store);
};

} // namespace sitroom::widgets
