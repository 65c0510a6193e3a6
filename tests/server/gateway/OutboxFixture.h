#pragma once

// A gateway's control side without its sessions: a state store, the command
// pipeline with ControlCommands, a ControlOutbox delivering to a live system
// the test scripts, and the ControlDispatcher in front; what
// tst_controldispatcher and tst_controloutbox share. Several rigs on one
// PostgreSQL database stand for several gateways; a rig destroyed with a
// delivery out is a gateway killed between deciding and the live system's
// answer.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDelivery.h"
#include "server/gateway/ControlDispatcher.h"
#include "server/gateway/ControlOutbox.h"
#include "server/gateway/GatewayStore.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <memory>
#include <vector>

namespace sitroom::gateway::testing {

// A live system whose answers the test gives, one delivery at a time, or
// answers every delivery by itself (queued, as a network would).
class ScriptedLiveSystem final : public QObject, public ControlDelivery
{
public:
    enum class Mode { ByHand, Accept, Unanswered, Hang };
    Mode mode = Mode::ByHand;

    void deliver(const ControlDeliveryRequest &request, std::function<void(const ControlDeliveryOutcome &)> done) override
    {
        requests.push_back(request);
        switch (mode) {
        case Mode::ByHand:
            pending.push_back(std::move(done));
            break;
        case Mode::Hang:
            hanging.push_back(std::move(done));
            break;
        case Mode::Accept:
        case Mode::Unanswered: {
            const ControlDeliveryOutcome outcome = mode == Mode::Accept
                ? ControlDeliveryOutcome::taken()
                : ControlDeliveryOutcome::failed(DeliveryFailure::network(DeliveryFailure::Kind::Unreachable, kUrl,
                                                                          QStringLiteral("Connection refused")));
            QTimer::singleShot(0, this, [done = std::move(done), outcome] { done(outcome); });
            break;
        }
        }
    }
    static inline const QString kUrl = QStringLiteral("http://live.test/control");

    // Answers the oldest delivery waiting for the test: taken, or as given.
    void answer(bool accepted)
    {
        answer(accepted ? ControlDeliveryOutcome::taken()
                        : ControlDeliveryOutcome::failed(DeliveryFailure::answered(422, kUrl, {})));
    }
    // Refuses it with an HTTP status and its own words (as a 4xx's JSON "error").
    void refuse(int status, const QString &said) { answer(ControlDeliveryOutcome::failed(DeliveryFailure::answered(status, kUrl, said))); }
    void answer(const ControlDeliveryOutcome &outcome)
    {
        auto done = std::move(pending.front());
        pending.pop_front();
        done(outcome);
    }
    std::vector<ControlDeliveryRequest> requests;
    std::deque<std::function<void(const ControlDeliveryOutcome &)>> pending;
    std::vector<std::function<void(const ControlDeliveryOutcome &)>> hanging;
};

inline const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};

inline v1::Command rateCommand(const char *id, std::uint64_t revision, double rate)
{
    v1::Command c;
    c.set_command_id(id);
    c.set_expected_revision(revision);
    c.set_reason("queue grows");
    c.mutable_set_admission_rate()->set_rate_per_s(rate);
    return c;
}

struct OutboxRig
{
    // store: where the state is; holder: the gateway's server id.
    OutboxRig(std::unique_ptr<GatewayStore> stateStore, const QString &holder, qint64 leaseMs = 5000,
              qint64 deadlineMs = 30000)
        : store(std::move(stateStore))
    {
        pipeline = std::make_unique<CommandPipeline>(*store);
        controls = std::make_unique<ControlCommands>(*pipeline);
        pipeline->addHandler(controls.get());
        pipeline->setControlInForce([this]() -> const v1::ControlState & { return controls->control(); });
        v1::Configuration c;
        c.set_admission_rate_min_per_s(50);
        c.set_admission_rate_max_per_s(3000);
        c.set_hazardous_rate_cut_fraction(0.3);
        controls->setConfiguration(c);
        v1::ControlState s;
        s.set_revision(1);
        s.set_admission_rate_per_s(700);
        controls->initialize(s);

        ControlOutboxOptions options;
        options.holder = holder;
        options.leaseMs = leaseMs;
        options.deadlineMs = deadlineMs;
        options.pollMs = int(std::clamp<qint64>(leaseMs / 4, 25, 1000));
        ControlOutbox::Hooks outboxHooks;
        outboxHooks.wallNowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
        outboxHooks.committed = [] {};
        outboxHooks.accepted = [this](const CommandDecision &d, qint64) { accepted.push_back(d.change->control.revision()); };
        outboxHooks.progress = [this](const v1::CommandProgress &p) {
            stages.push_back(p.stage());
            progress.push_back(p);
        };
        outboxHooks.settled = [this] {
            if (dispatcher)
                dispatcher->pump();
        };
        outbox = std::make_unique<ControlOutbox>(*pipeline, *controls, live, options, std::move(outboxHooks));
        ControlDispatcher::Hooks hooks;
        hooks.wallNowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
        hooks.sourceNowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
        hooks.committed = [] {};
        hooks.accepted = [](const CommandDecision &, qint64) {};
        dispatcher = std::make_unique<ControlDispatcher>(*pipeline, *controls, outbox.get(), std::move(hooks));
        outbox->start();
    }
    ~OutboxRig()
    {
        // The dispatcher refers to the outbox, the outbox to the controls.
        dispatcher.reset();
        outbox.reset();
    }

    void submit(const v1::Command &c)
    {
        dispatcher->submit(c, kOperator, [this](const v1::CommandResult &r) { results.push_back(r); });
    }
    // The store's audit rows about a command, oldest first.
    std::vector<v1::AuditEntry> auditOf(const std::string &commandId) const
    {
        std::vector<v1::AuditEntry> rows;
        for (const v1::AuditEntry &e : store->auditPage(0, 1000))
            if (e.command_id() == commandId)
                rows.push_back(e);
        return rows;
    }

    std::unique_ptr<GatewayStore> store;
    std::unique_ptr<CommandPipeline> pipeline;
    std::unique_ptr<ControlCommands> controls;
    ScriptedLiveSystem live;
    std::unique_ptr<ControlOutbox> outbox;
    std::unique_ptr<ControlDispatcher> dispatcher;
    std::vector<v1::CommandResult> results;
    std::vector<std::uint64_t> accepted;
    std::vector<v1::CommandStage> stages;
    std::vector<v1::CommandProgress> progress;
};

} // namespace sitroom::gateway::testing
