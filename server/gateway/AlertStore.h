#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::gateway {

class StateDatabase;

// The alerts (one protobuf blob per alert id, as it stands after its last
// transition) and the engine's next alert number, in the state database.
// Written inside the caller's transaction, together with the audit rows of
// the transitions.
class AlertStore final
{
public:
    explicit AlertStore(StateDatabase &database);

    // Every alert not cleared, oldest first.
    std::vector<sitroom::v1::Alert> loadOpen() const;
    // 1 when nothing was stored.
    std::uint64_t loadNextId() const;
    bool save(const sitroom::v1::Alert &alert, QString *error);
    bool saveNextId(std::uint64_t nextId, QString *error);

private:
    StateDatabase &m_db;
};

} // namespace sitroom::gateway
