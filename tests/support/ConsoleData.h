#pragma once

#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/ConnectionSettings.h"
#include "models/telemetry/TelemetryBatch.h"
#include "models/telemetry/TelemetryClient.h"

#include <QString>

#include <optional>

namespace sitroom::testing {

// A gateway the tests sign in to (a sitroom-sim or sitroom-gateway on
// loopback): its port, and the TLS folder whose ca.pem it is trusted by.
struct GatewayAddress
{
    quint16 port = 0;
    QString tlsDir;
};

// What a console signs in with: one of standardTestUsers() (TestUsers.h),
// whose password is "<user>-pw", from site.
models::ConnectionSettings signInAs(const GatewayAddress &gateway, const QString &user,
                                    sitroom::v1::Site site = sitroom::v1::SITE_SEOUL);

// The console's data layer as main() wires it: the situation store, the item
// models over it, and the telemetry client that feeds the store. Fed by hand,
// it runs on a monotonic clock the test moves (now) and batches arrive when
// the test says (arrive). Signed in, it runs on the real clock and a real
// gateway feeds it.
class ConsoleData
{
public:
    // Fed by hand.
    ConsoleData();
    // Signed in with these settings (signInAs), connecting at once.
    explicit ConsoleData(const models::ConnectionSettings &signIn);
    ~ConsoleData() = default;
    ConsoleData(const ConsoleData &) = delete;
    ConsoleData &operator=(const ConsoleData &) = delete;

    // Applies the batch as one message that arrived now on the test's clock.
    void arrive(models::TelemetryBatch batch);
    // Signed in, snapshot received and live: what a test waits for before it acts.
    bool isLive() const;

    qint64 now = 1'000'000;  // monotonic ms while fed by hand; never 0, so "no message" (-1) stays distinct
    models::SituationStore store;
    models::ProviderModel providers;
    models::CohortModel cohorts;
    models::AlertModel alerts;
    models::TelemetryClient client;

protected:
    // Fed by hand without settings, else signed in with them.
    explicit ConsoleData(const std::optional<models::ConnectionSettings> &signIn);
};

} // namespace sitroom::testing
