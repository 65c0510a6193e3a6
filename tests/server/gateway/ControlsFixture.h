#pragma once

// The control commands over the one command pipeline and a real SQLite
// store, as the gateway plugs them in (HandoverCommands first, then
// ControlCommands), with the helpers their tests share: the configuration,
// the source's starting state, who commands, and commands.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlTarget.h"
#include "server/gateway/HandoverCommands.h"
#include "server/gateway/SqliteGatewayStore.h"

#include <QtTest>

#include <memory>
#include <string>
#include <vector>

namespace sitroom::gateway::fixtures {

namespace v1 = sitroom::v1;

inline const qint64 kWall = 1'780'000'000'000;   // wall clock
inline const qint64 kSource = 1'790'000'000'000; // the live system's clock

class FakeTarget final : public ControlTarget
{
public:
    void applyControl(const v1::ControlState &control) override { applied.push_back(control); }
    std::vector<v1::ControlState> applied;
};

inline v1::Configuration configuration()
{
    v1::Configuration c;
    c.set_admission_rate_min_per_s(50);
    c.set_admission_rate_max_per_s(3000);
    c.set_admission_rate_step_per_s(50);
    c.set_hazardous_rate_cut_fraction(0.3);
    return c;
}

inline v1::ControlState initial()
{
    v1::ControlState s;
    s.set_revision(1);
    s.set_admission_rate_per_s(700);
    for (const char *id : {"kakao", "naver", "pass"}) {
        auto *p = s.add_providers();
        p->set_id(id);
        p->set_enabled(true);
    }
    return s;
}

// Seoul is in command unless a test says otherwise.
inline const Identity kViewer{QStringLiteral("han"), v1::ROLE_VIEWER, v1::SITE_OSONG};
inline const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};
inline const Identity kSupervisor{QStringLiteral("park"), v1::ROLE_SUPERVISOR, v1::SITE_SEOUL};
inline const Identity kSupervisor2{QStringLiteral("choi"), v1::ROLE_SUPERVISOR, v1::SITE_SEOUL};
inline const Identity kOsongOperator{QStringLiteral("lee"), v1::ROLE_OPERATOR, v1::SITE_OSONG};
inline const Identity kOsongSupervisor{QStringLiteral("jung"), v1::ROLE_SUPERVISOR, v1::SITE_OSONG};
inline const Identity kOsongSupervisor2{QStringLiteral("yoon"), v1::ROLE_SUPERVISOR, v1::SITE_OSONG};
inline const Identity kMinistrySupervisor{QStringLiteral("kang"), v1::ROLE_SUPERVISOR, v1::SITE_MINISTRY};

inline int g_id = 0;

inline v1::Command command(std::uint64_t revision, const char *reason = "queue grows")
{
    v1::Command c;
    c.set_command_id("cmd-" + std::to_string(++g_id));
    c.set_expected_revision(revision);
    c.set_reason(reason);
    return c;
}

inline v1::Command rate(std::uint64_t revision, double r)
{
    v1::Command c = command(revision);
    c.mutable_set_admission_rate()->set_rate_per_s(r);
    return c;
}

inline v1::Command provider(std::uint64_t revision, const char *id, bool enabled, std::uint32_t forS = 0)
{
    v1::Command c = command(revision);
    c.mutable_set_provider_enabled()->set_provider_id(id);
    c.mutable_set_provider_enabled()->set_enabled(enabled);
    c.mutable_set_provider_enabled()->set_disable_for_s(forS);
    return c;
}

inline v1::Command approve(const std::string &requestId)
{
    v1::Command c = command(0, "");
    c.mutable_approve()->set_request_id(requestId);
    return c;
}

inline v1::Command requestHandover(std::uint64_t revision, const char *reason = "night shift moves to Osong")
{
    v1::Command c = command(revision, reason);
    c.mutable_request_handover();
    return c;
}

inline v1::Command answerHandover(const std::string &requestId, v1::HandoverAnswer answer)
{
    v1::Command c = command(0, "");
    c.mutable_answer_handover()->set_request_id(requestId);
    c.mutable_answer_handover()->set_answer(answer);
    return c;
}

inline v1::Command takeCommand(std::uint64_t revision, const char *reason = "Seoul's gateway is down")
{
    v1::Command c = command(revision, reason);
    c.mutable_take_command();
    return c;
}

inline const v1::ProviderControl &providerIn(const v1::ControlState &s, const std::string &id)
{
    for (const auto &p : s.providers())
        if (p.id() == id)
            return p;
    static const v1::ProviderControl none;
    return none;
}

struct ControlsFixture
{
    explicit ControlsFixture(const QString &dir = QString(), ControlCommandsOptions options = {},
                             HandoverOptions handoverOptions = {})
    {
        QString error;
        if (!store.open(dir, &error))
            qFatal("%s", qPrintable(error));
        pipeline = std::make_unique<CommandPipeline>(store);
        controls = std::make_unique<ControlCommands>(*pipeline, options);
        handover = std::make_unique<HandoverCommands>(*pipeline, *controls, handoverOptions);
        pipeline->addHandler(handover.get());
        pipeline->addHandler(controls.get());
        pipeline->setControlInForce([this]() -> const v1::ControlState & { return controls->control(); });
        controls->setConfiguration(configuration());
        controls->setTarget(&target);
        controls->initialize(initial());
    }
    v1::CommandResult handle(const v1::Command &c, const Identity &who, qint64 wall = kWall, qint64 source = kSource)
    {
        // Due expiries first, as the ControlDispatcher does, so a late approval sees its request gone.
        controls->tick(wall, source);
        return pipeline->handle(c, who, wall, source);
    }
    SqliteGatewayStore store;
    FakeTarget target;
    std::unique_ptr<CommandPipeline> pipeline;
    std::unique_ptr<ControlCommands> controls;
    std::unique_ptr<HandoverCommands> handover;
};

} // namespace sitroom::gateway::fixtures
