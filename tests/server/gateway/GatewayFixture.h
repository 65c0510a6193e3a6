#pragma once

// An in-process Gateway over real TLS on loopback, fed ticks by the test, and
// the test's TLS clients: what tst_gateway (sessions and broadcasts) and
// tst_gatewaycontrols (commands, audit, start-up errors) share.
#include "server/gateway/Gateway.h"
#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"

#include <QHostAddress>

#include <functional>
#include <memory>
#include <vector>

namespace sitroom::gateway::testing {

using sitroom::testing::TemporaryTlsDir;
using sitroom::testing::TestTlsClient;
using sitroom::v1::Envelope;

inline constexpr std::int64_t kSimStart = 1'620'000'000'000;
inline constexpr int kWaitMs = 5000;

inline sitroom::v1::SystemState stateAt(int second)
{
    sitroom::v1::SystemState state;
    state.set_sim_time_ms(kSimStart + std::int64_t(second) * 1000);
    state.mutable_admission()->set_queue_depth(std::uint64_t(second) * 100);
    state.set_bookings_total(std::uint64_t(second));
    auto *provider = state.add_providers();
    provider->set_id("naver");
    provider->set_light(sitroom::v1::LIGHT_GREEN);
    return state;
}

// `count` per-second samples ending just before `second`.
inline sitroom::v1::History samplesBefore(int second, int count)
{
    sitroom::v1::History h;
    h.set_first_time_ms(kSimStart + std::int64_t(second - count) * 1000);
    h.set_step_ms(1000);
    auto *series = h.add_providers();
    series->set_id("naver");
    for (int i = second - count; i < second; ++i) {
        h.add_queue_depth(std::uint64_t(i) * 100);
        for (auto *column : {h.mutable_arrivals_per_s(), h.mutable_admitted_per_s(),
                             h.mutable_abandoned_per_s(), h.mutable_bookings_per_s(),
                             h.mutable_auth_attempts_per_s(), h.mutable_backend_utilization(),
                             h.mutable_rate_limit_per_s()})
            column->Add(float(i));
        series->add_light(sitroom::v1::LIGHT_GREEN);
        series->add_p95_latency_ms(float(i));
        series->add_error_rate(0.01f);
        series->add_requests_per_s(float(i));
    }
    return h;
}

inline sitroom::v1::Configuration configuration()
{
    sitroom::v1::Configuration config;
    config.set_scenario_id("test-scenario");
    config.set_sim_start_ms(kSimStart);
    config.add_providers()->set_id("naver");
    return config;
}

inline sitroom::v1::ControlState control(std::uint64_t revision)
{
    sitroom::v1::ControlState c;
    c.set_revision(revision);
    c.set_admission_rate_per_s(250);
    return c;
}


class GatewayFixture
{
protected:
    // False, with the reason logged, when the gateway does not listen: the
    // test says QVERIFY(startGateway()) and stops there.
    bool startGateway(const std::function<void(GatewayOptions &)> &adjust = {})
    {
        GatewayOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.tlsDir = m_tls.path();
        options.serverId = QStringLiteral("test-gateway");
        options.tickHz = 4;
        // Long enough that no heartbeat interleaves with the ticks a test counts.
        options.heartbeatIntervalMs = 60000;
        options.handshakeTimeoutMs = 5000;
        if (adjust)
            adjust(options);
        m_gateway = std::make_unique<Gateway>(options);
        m_gateway->setConfiguration(configuration());
        m_gateway->setControlState(control(7));
        QString error;
        if (!m_gateway->listen(&error) || m_gateway->serverPort() == 0) {
            qWarning("the gateway does not listen: %s", qPrintable(error));
            return false;
        }
        return true;
    }

    // Publishes the state after `samples` more simulated seconds.
    void tick(int samples)
    {
        m_second += samples;
        m_gateway->publishTick(stateAt(m_second), samplesBefore(m_second, samples));
    }

    TestTlsClient *connectedClient()
    {
        auto client = std::make_unique<TestTlsClient>();
        QString error;
        if (!client->connectToServer(m_gateway->serverPort(), m_tls.caPath(), kWaitMs, &error)) {
            qWarning("connect failed: %s", qPrintable(error));
            return nullptr;
        }
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // Connected, past Hello, with its Welcome and Snapshot received.
    TestTlsClient *activeClient()
    {
        TestTlsClient *client = connectedClient();
        if (!client)
            return nullptr;
        client->sendHello();
        if (client->waitForBody(Envelope::kSnapshot, kWaitMs) < 0)
            return nullptr;
        return client;
    }

    TemporaryTlsDir m_tls;
    std::unique_ptr<Gateway> m_gateway;
    std::vector<std::unique_ptr<TestTlsClient>> m_clients;
    int m_second = 0;
};

} // namespace sitroom::gateway::testing
