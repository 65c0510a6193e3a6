#pragma once

#include <cstdint>
#include <set>

namespace sitroom::gateway {

// Which audit rows the gateway's consoles have been sent, so that each is
// sent once and none is missed when two gateways append to one chain: its
// own rows as it writes them, the other gateway's as it reads them after a
// notice, in whatever order the two arrive.
class AuditFeed final
{
public:
    // Every row up to lastId was there before (the consoles get those in
    // their snapshot).
    void startAfter(std::uint64_t lastId);
    // Marks a row as sent; false when it was sent already.
    bool take(std::uint64_t id);
    // The rows to read from the store are those after this one.
    std::uint64_t readAfter() const { return m_through; }

private:
    std::uint64_t m_through = 0;        // every row up to it is sent
    std::set<std::uint64_t> m_beyond;   // rows sent past a gap
};

} // namespace sitroom::gateway
