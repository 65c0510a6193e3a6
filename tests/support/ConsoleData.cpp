#include "tests/support/ConsoleData.h"

#include <QCoreApplication>

namespace sitroom::testing {

models::ConnectionSettings signInAs(const GatewayAddress &gateway, const QString &user, sitroom::v1::Site site)
{
    models::ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = gateway.port;
    s.caFile = gateway.tlsDir + QStringLiteral("/ca.pem");
    s.user = user;
    s.password = user + QStringLiteral("-pw");
    s.site = site;
    s.clientName = QCoreApplication::applicationName();   // the test's name, in the gateway's log
    return s;
}

ConsoleData::ConsoleData()
    : ConsoleData(std::nullopt)
{
}

ConsoleData::ConsoleData(const models::ConnectionSettings &signIn)
    : ConsoleData(std::optional<models::ConnectionSettings>(signIn))
{
}

ConsoleData::ConsoleData(const std::optional<models::ConnectionSettings> &signIn)
    // Fed by hand, the store reads the test's clock; signed in, the real one
    // the telemetry worker stamps its batches with.
    : store(nullptr, signIn ? models::SituationStore::Clock() : models::SituationStore::Clock([this] { return now; }))
    , providers(store)
    , cohorts(store)
    , alerts(store)
{
    QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
    // Batches come back queued: nothing reaches the store before the caller's
    // next trip through the event loop, whatever it wires up first.
    if (signIn)
        client.start(*signIn);
}

void ConsoleData::arrive(models::TelemetryBatch batch)
{
    batch.messages = 1;
    batch.lastMessageMonotonicMs = now;
    store.apply(batch);
}

bool ConsoleData::isLive() const
{
    return store.hasSnapshot() && store.isLive();
}

} // namespace sitroom::testing
