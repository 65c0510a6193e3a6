#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

#include <optional>

namespace sitroom::gateway {

class StateDatabase;

// The control state (one protobuf blob) and every command's first result, by
// command_id, in the state database. Written inside the caller's transaction,
// together with the audit row that records the change.
class ControlStore final
{
public:
    explicit ControlStore(StateDatabase &database);

    std::optional<sitroom::v1::ControlState> loadControl() const;
    bool saveControl(const sitroom::v1::ControlState &control, QString *error);
    std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) const;
    bool saveResult(const sitroom::v1::CommandResult &result, QString *error);

private:
    StateDatabase &m_db;
};

} // namespace sitroom::gateway
