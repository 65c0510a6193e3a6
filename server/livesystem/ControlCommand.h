#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace sitroom::livesystem {

struct ProviderControl
{
    QString id;
    bool enabled = true;
    int rampS = 0;                   // share of new citizens ramps back in over this, when re-enabled
    std::int64_t disabledUntilMs = 0; // 0: not a timed disable (the gateway sends the expiry)
};

// One control request of the webhook contract (docs/control-webhook.md). The
// live system applies the desired state in `control`; `action` and
// `changeProviderId` say what moved, for logs and checks.
struct ControlCommand
{
    QString commandId;
    std::uint64_t revision = 0;
    std::int64_t sentAtMs = 0;
    QString action;                  // set_admission_rate, pause_admission, ...
    QString changeProviderId;        // set_provider_enabled, expire_timed_disable
    double admissionRatePerS = 0.0;
    bool admissionPaused = false;
    QList<ProviderControl> providers;
    QString actorUser;
    QString actorSite;
    QString reason;
};

// Parses and checks the shape of a request body: UTF-8 JSON with every
// required field of the right type. Empty with a plain-English reason
// otherwise (the endpoint answers 400 with it). Values the live system may
// refuse (bounds, unknown ids) are not judged here.
std::optional<ControlCommand> parseControlCommand(QByteArrayView body, QString *error);

} // namespace sitroom::livesystem
