#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/DeliveryFailure.h"
#include "server/gateway/OutboxEntry.h"

#include "sitroom/v1/envelope.pb.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace sitroom::gateway {

class CommandPipeline;
class ControlCommands;
class ControlDelivery;

struct ControlOutboxOptions
{
    QString holder;              // this gateway's server id: whose lease a delivery is under
    qint64 leaseMs = 5000;       // a delivery's lease, renewed while it is out; the other
                                 // gateway takes a delivery over once it runs out
    qint64 deadlineMs = 20000;   // unanswered this long after its decision: failed, put back
    int pollMs = 1000;           // how often the outbox is read for deliveries to take over
};

// The delivery outbox (docs/controls.md): a change that moves the live
// system is applied and written with an outbox row in one transaction
// (ControlDispatcher), then delivered from here with its command_id as the
// Idempotency-Key. The gateway that delivers a row holds a lease on it; an
// answer ends the row in a transaction of its own, with its audit row and
// the command's result: accepted, or refused and put back (a new revision).
// A row whose gateway died keeps its lease until it runs out, then the other
// gateway (or the same one restarted, at once) takes it and delivers it
// again, same key and same bytes, until it is answered or its deadline has
// passed: then it fails, the change is put back, and the restore itself is
// delivered (the live system may have applied the change without
// answering). One row goes out at a time, lowest revision first.
class ControlOutbox final : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const sitroom::v1::CommandResult &)>;
    struct Hooks
    {
        std::function<qint64()> wallNowMs;
        // After every write: there are events to broadcast.
        std::function<void()> committed;
        // A change the live system has taken, in force there now (closed-loop check).
        std::function<void(const CommandDecision &change, qint64 acceptedWallMs)> accepted;
        // A stage of a delivery: sent, accepted, failed.
        std::function<void(const sitroom::v1::CommandProgress &progress)> progress;
        // No delivery is pending any more: commands waiting behind one may go on.
        std::function<void()> settled;
    };

    ControlOutbox(CommandPipeline &pipeline, ControlCommands &controls, ControlDelivery &delivery,
                  ControlOutboxOptions options, Hooks hooks, QObject *parent = nullptr);

    // Reads the outbox now and then every pollMs: rows left by a gateway that
    // died, leases to renew, deadlines passed.
    void start();
    // The outbox row of a decided change, under this gateway's lease; the
    // dispatcher writes it with the decision (CommandDecision::deliveries).
    OutboxEntry entryFor(const CommandDecision &decision) const;
    // Its row written: sends it at once. reply, if any, gets the command's
    // result once the delivery has ended.
    void deliverNow(const OutboxEntry &entry, Reply reply);
    // A command already decided whose delivery has not ended (its stored
    // result says COMMAND_STAGE_SENT): reply gets its result once it has,
    // wherever it ends.
    void answerWhenEnded(const QString &commandId, Reply reply);
    // Whether a delivery is out from here or pending in the store: while one
    // is, later changes wait, so that every change reaches the live system
    // in the order of its revisions.
    bool isBusy() const;
    // Another gateway wrote to the outbox (a notice): look again now.
    void lookAgain();

private:
    void poll();
    // Takes the lease and sends; nothing when another gateway holds it.
    void attempt(const OutboxEntry &entry);
    void finish(const OutboxEntry &entry, const ControlDeliveryOutcome &outcome);
    void accept(const OutboxEntry &entry);
    // Refused (final) or unanswered past its deadline: put back.
    void fail(const OutboxEntry &entry, const DeliveryFailure &failure);
    // Answers the replies waiting for deliveries that have ended.
    void answerWaiting();
    bool pastDeadline(const OutboxEntry &entry) const;
    sitroom::v1::CommandProgress progressOf(const OutboxEntry &entry, sitroom::v1::CommandStage stage,
                                            const sitroom::v1::Phrase &detail) const;

    CommandPipeline &m_pipeline;
    ControlCommands &m_controls;
    ControlDelivery &m_delivery;
    ControlOutboxOptions m_options;
    Hooks m_hooks;
    QTimer m_poll;
    QSet<QString> m_inFlight;                 // rows out from here now
    QMultiHash<QString, Reply> m_waiting;     // replies waiting for a delivery's end
    QHash<QString, DeliveryFailure> m_lastFailure;   // why the last attempt from here got no answer
    bool m_wasBusy = false;
};

} // namespace sitroom::gateway
