#include "models/telemetry/NotSent.h"

namespace sitroom::models {

sitroom::v1::CommandResult notSentResult(const std::string &commandId)
{
    sitroom::v1::CommandResult result;
    result.set_command_id(commandId);
    result.set_status(sitroom::v1::COMMAND_REFUSED);
    // For the log; the console words it itself (wasNotSent).
    result.set_message("not connected to the live system; the command was not sent");
    return result;
}

bool wasNotSent(const sitroom::v1::CommandResult &result)
{
    return result.status() == sitroom::v1::COMMAND_REFUSED && !result.has_control();
}

} // namespace sitroom::models
