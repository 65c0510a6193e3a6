#pragma once

#include "sitroom/v1/control.pb.h"

#include <QtGlobal>

#include <deque>
#include <string>
#include <vector>

namespace sitroom::models {

// The commands this console sent that no gateway has answered yet, so that a
// link that dies under them does not lose them: the next link, to the same
// gateway or another, gets them again with the same command_id, and the
// gateways' pipeline answers a repeated command_id with its first result.
// Also the answers already handed on, so a result given twice (once by each
// gateway) is shown once. Pure; the worker keeps the time.
class CommandsInFlight final
{
public:
    static constexpr std::size_t kRememberedAnswers = 256;

    void sent(const sitroom::v1::Command &command, qint64 nowMs);
    // A CommandResult for commandId arrived: true the first time, false for a
    // repeat (drop it).
    bool answered(const std::string &commandId);
    // What to send on a new link: the unanswered ones sent within windowMs, in
    // the order they were first sent. Older ones are given up (returned in
    // *givenUp when asked) and forgotten.
    std::vector<sitroom::v1::Command> toResend(qint64 nowMs, qint64 windowMs,
                                               std::vector<sitroom::v1::Command> *givenUp = nullptr);
    bool isEmpty() const { return m_open.empty(); }
    std::size_t size() const { return m_open.size(); }

private:
    struct Open
    {
        sitroom::v1::Command command;
        qint64 firstSentMs = 0;
    };
    std::vector<Open> m_open;
    std::deque<std::string> m_answered;   // newest last, at most kRememberedAnswers
};

} // namespace sitroom::models
