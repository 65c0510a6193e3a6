#pragma once

#include "server/gateway/CommandHandler.h"

#include "sitroom/v1/control.pb.h"

namespace sitroom::gateway {

class AlertWatch;

// The operators' actions on the alerts (docs/alerts.md, "Operating alerts"),
// plugged into the CommandPipeline: acknowledge, shelve and unshelve, on the
// engine of the AlertWatch, which puts what they did in force once it is
// written. Only a supervisor may shelve a critical alert. Their audit rows
// are the transitions' rows, on the engine's clock.
class AlertCommands final : public CommandHandler
{
public:
    explicit AlertCommands(AlertWatch &watch);

    static bool isAlertCommand(const sitroom::v1::Command &command);

    bool accepts(const sitroom::v1::Command &command) const override { return isAlertCommand(command); }
    qint64 auditClockMs(qint64 wallNowMs, qint64 sourceNowMs) const override;
    CommandDecision decide(const sitroom::v1::Command &command, const CommandContext &context) override;
    // A refusal changes nothing; what an action did is the watch's to put in force.
    void committed(CommandDecision &decision) override { (void)decision; }

private:
    AlertWatch &m_watch;
};

} // namespace sitroom::gateway
