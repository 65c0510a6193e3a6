#include "models/telemetry/CommandsInFlight.h"

#include <algorithm>

namespace sitroom::models {

void CommandsInFlight::sent(const sitroom::v1::Command &command, qint64 nowMs)
{
    const auto same = [&](const Open &o) { return o.command.command_id() == command.command_id(); };
    if (std::find_if(m_open.begin(), m_open.end(), same) != m_open.end())
        return;   // sent again: it keeps its first time
    m_open.push_back(Open{command, nowMs});
}

bool CommandsInFlight::answered(const std::string &commandId)
{
    if (std::find(m_answered.begin(), m_answered.end(), commandId) != m_answered.end())
        return false;
    m_open.erase(std::remove_if(m_open.begin(), m_open.end(),
                                [&](const Open &o) { return o.command.command_id() == commandId; }),
                 m_open.end());
    m_answered.push_back(commandId);
    while (m_answered.size() > kRememberedAnswers)
        m_answered.pop_front();
    return true;
}

std::vector<sitroom::v1::Command> CommandsInFlight::toResend(qint64 nowMs, qint64 windowMs,
                                                             std::vector<sitroom::v1::Command> *givenUp)
{
    std::vector<sitroom::v1::Command> again;
    std::vector<Open> kept;
    for (Open &o : m_open) {
        if (nowMs - o.firstSentMs <= windowMs) {
            again.push_back(o.command);
            kept.push_back(std::move(o));
        } else if (givenUp) {
            givenUp->push_back(std::move(o.command));
        }
    }
    m_open = std::move(kept);
    return again;
}

} // namespace sitroom::models
