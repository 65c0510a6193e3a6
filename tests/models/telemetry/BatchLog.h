#pragma once

// What a TelemetryClient delivered, for the tests that drive one against a
// real server: every batch with the time it arrived on this thread, and the
// link events among them.

#include "models/telemetry/TelemetryBatch.h"
#include "models/telemetry/TelemetryClient.h"

#include <QElapsedTimer>
#include <QObject>

#include <cstddef>
#include <vector>

namespace sitroom::testing {

// Every batch the client delivers, with the time it arrived in this thread.
class BatchLog final : public QObject
{
public:
    explicit BatchLog(models::TelemetryClient *client)
    {
        m_clock.start();
        connect(client, &models::TelemetryClient::batchReady, this, [this](const models::TelemetryBatch &batch) {
            m_batches.push_back(batch);
            m_arrivedMs.push_back(m_clock.elapsed());
            for (const models::LinkEvent &event : batch.link)
                m_link.push_back(event);
        });
    }

    const std::vector<models::TelemetryBatch> &batches() const { return m_batches; }
    const std::vector<qint64> &arrivedMs() const { return m_arrivedMs; }
    const std::vector<models::LinkEvent> &link() const { return m_link; }
    qint64 now() const { return m_clock.elapsed(); }

    int countLink(models::LinkState state, std::size_t from = 0) const
    {
        int n = 0;
        for (std::size_t i = from; i < m_link.size(); ++i)
            n += m_link[i].state == state ? 1 : 0;
        return n;
    }
    std::vector<models::LinkEvent> linkOf(models::LinkState state, std::size_t from = 0) const
    {
        std::vector<models::LinkEvent> out;
        for (std::size_t i = from; i < m_link.size(); ++i) {
            if (m_link[i].state == state)
                out.push_back(m_link[i]);
        }
        return out;
    }
    // Index of the first batch at or after `from` holding a snapshot, or -1.
    int snapshotBatch(std::size_t from = 0) const
    {
        for (std::size_t i = from; i < m_batches.size(); ++i) {
            if (m_batches[i].snapshot)
                return int(i);
        }
        return -1;
    }

private:
    QElapsedTimer m_clock;
    std::vector<models::TelemetryBatch> m_batches;
    std::vector<qint64> m_arrivedMs;
    std::vector<models::LinkEvent> m_link;
};

} // namespace sitroom::testing
