#include "server/gateway/GatewayPrivate.h"

#include "server/alerts/AlertRules.h"
#include "server/gateway/ControlTarget.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/PasswordHash.h"
#include "server/gateway/PostgresGatewayStore.h"

#include "proto/sitroom/PhraseBook.h"

#include <algorithm>

namespace sitroom::gateway {

bool Gateway::openControls(QString *error, GatewaySetting *setting)
{
    QString scratch;
    if (!error)
        error = &scratch;
    GatewaySetting unused = GatewaySetting::None;
    if (!setting)
        setting = &unused;
    *setting = GatewaySetting::None;
    if (d->pipeline)
        return true;
    if (!d->options.usersFile.isEmpty()) {
        d->users = UsersFile::load(d->options.usersFile, error);
        if (!d->users) {
            *setting = GatewaySetting::UsersFile;
            return false;
        }
        // As costly to check as the file's first account.
        int iterations = PasswordHash::kDefaultIterations;
        if (!d->users->accounts().isEmpty())
            iterations = d->users->accounts().constFirst().passwordHash.section(u'$', 1, 1).toInt();
        d->dummyHash = PasswordHash::hash(QStringLiteral("unknown user"), std::max(iterations, PasswordHash::kMinimumIterations));
    }
    std::unique_ptr<GatewayStore> store;
    if (!d->options.stateConnection.isEmpty()) {
        *setting = GatewaySetting::StateConnection;
        if (!d->options.stateDir.isEmpty()) {
            *error = QStringLiteral("a state folder (%1) is set too: a gateway keeps its state in one place")
                         .arg(d->options.stateDir);
            return false;
        }
        auto shared = std::make_unique<PostgresGatewayStore>();
        if (!shared->open(d->options.stateConnection, error))
            return false;
        store = std::move(shared);
        *setting = GatewaySetting::None;
    } else {
        auto embedded = std::make_unique<SqliteGatewayStore>();
        if (!embedded->open(d->options.stateDir, error)) {
            *setting = d->options.stateDir.isEmpty() ? GatewaySetting::None : GatewaySetting::StateDir;
            return false;
        }
        store = std::move(embedded);
    }
    alerts::AlertRuleSet rules;
    if (d->options.alertRulesFile.isEmpty()) {
        rules = alerts::defaultAlertRules();
    } else {
        auto loaded = alerts::loadAlertRules(d->options.alertRulesFile, error);
        if (!loaded) {
            *setting = GatewaySetting::AlertRules;
            return false;
        }
        rules = std::move(*loaded);
    }
    d->store = std::move(store);
    d->pipeline = std::make_unique<CommandPipeline>(*d->store);
    d->pipeline->setSourceClock([this] { return sourceNowMs(); });
    openCommands();
    openAlerts(std::move(rules));
    // The alert commands first, then the handover's: the control commands take every other one.
    d->pipeline->addHandler(d->alertCommands.get());
    d->pipeline->addHandler(d->handover.get());
    d->pipeline->addHandler(d->controls.get());
    d->presence = std::make_unique<PresenceBeacon>(*d->store, d->options.serverId, d->options.site,
                                                   d->options.presenceIntervalMs);
    d->presence->start();
    // Another gateway's changes to a shared store, told as ours are.
    d->store->setChangeListener([this](const StoreChanges &changes) { followStore(changes); });
    d->controlTimer->start();
    refreshAlertRole();
    d->alertRoleTimer->start();
    return true;
}

void Gateway::openCommands()
{
    ControlCommandsOptions options;
    options.approvalTimeoutMs = d->options.approvalTimeoutMs;
    options.rampS = d->options.providerRampS;
    options.commandSite = d->options.commandSite;
    d->controls = std::make_unique<ControlCommands>(*d->pipeline, options);
    HandoverOptions handover;
    handover.takeoverAfterMs = d->options.takeoverAfterMs;
    handover.allowUnseenTakeover = d->options.allowUnseenTakeover;
    handover.gatewaySite = d->options.site;
    d->handover = std::make_unique<HandoverCommands>(*d->pipeline, *d->controls, handover);
    d->pipeline->setControlInForce([controls = d->controls.get()]() -> const sitroom::v1::ControlState & {
        return controls->control();
    });
    d->controls->setConfiguration(d->published.configuration());
    d->controls->setTarget(d->target);
    d->controls->setFigures([this] { return d->published.state(); });
    d->verifier.setBoundMs(d->options.effectTimeoutMs);
    ControlDispatcher::Hooks hooks;
    hooks.wallNowMs = [] { return wallNowMs(); };
    hooks.sourceNowMs = [this] { return sourceNowMs(); };
    hooks.committed = [this] { flushEvents(); };
    hooks.accepted = [this](const CommandDecision &decision, qint64 acceptedWallMs) {
        const auto &after = decision.change->control;
        if (d->verifier.expect(QString::fromStdString(decision.result.command_id()), after.revision(),
                               decision.change->summary, QString::fromStdString(decision.change->actor.user()),
                               decision.before, after, acceptedWallMs, decision.change->summaryWords)
            && !d->delivery) {
            // In process, acceptance is the commit itself: say so once.
            sitroom::v1::CommandProgress accepted;
            accepted.set_command_id(decision.result.command_id());
            accepted.set_revision(after.revision());
            accepted.set_stage(sitroom::v1::COMMAND_STAGE_ACCEPTED);
            accepted.set_at_ms(acceptedWallMs);
            accepted.set_action(decision.change->summary.toStdString());
            *accepted.mutable_action_words() = decision.change->summaryWords;
            *accepted.mutable_detail_words() = phrase::make("delivery.in_process");
            accepted.set_user(decision.change->actor.user());
            accepted.set_expectation(EffectVerifier::expectationText(decision.before, after).toStdString());
            *accepted.mutable_expectation_words() = EffectVerifier::expectationPhrase(decision.before, after);
            accepted.set_detail("applied in the gateway's process");
            publishProgress(accepted);
        }
    };
    if (d->delivery) {
        ControlOutboxOptions outbox;
        outbox.holder = d->options.serverId;
        outbox.leaseMs = std::max<qint64>(100, d->options.deliveryLeaseMs);
        outbox.deadlineMs = std::max<qint64>(outbox.leaseMs, d->options.deliveryDeadlineMs);
        outbox.pollMs = int(std::clamp<qint64>(outbox.leaseMs / 4, 25, 1000));
        ControlOutbox::Hooks outboxHooks;
        outboxHooks.wallNowMs = hooks.wallNowMs;
        outboxHooks.committed = hooks.committed;
        outboxHooks.accepted = hooks.accepted;
        outboxHooks.progress = [this](const sitroom::v1::CommandProgress &progress) { publishProgress(progress); };
        outboxHooks.settled = [this] {
            if (d->dispatcher)
                d->dispatcher->pump();
        };
        d->outbox = std::make_unique<ControlOutbox>(*d->pipeline, *d->controls, *d->delivery, outbox, std::move(outboxHooks));
    }
    d->dispatcher = std::make_unique<ControlDispatcher>(*d->pipeline, *d->controls, d->outbox.get(), std::move(hooks));
    if (d->outbox)
        d->outbox->start();
    const std::vector<sitroom::v1::AuditEntry> recent = d->store->recentAudit(int(PublishedState::kRecentAudit));
    d->published.setRecentAudit(recent);
    d->auditFeed.startAfter(recent.empty() ? 0 : recent.back().id());
    if (d->controls->hasStoredControl()) {
        qCInfo(lcGateway).noquote() << "control state restored from" << d->store->location() << "at revision"
                                    << d->controls->control().revision();
    }
    if (d->sourceInitial || d->controls->hasStoredControl()) {
        d->controls->initialize(d->sourceInitial.value_or(sitroom::v1::ControlState()));
        d->published.setControl(d->controls->control());
    }
}

void Gateway::openAlerts(alerts::AlertRuleSet rules)
{
    const auto ruleCount = rules.rules.size();
    d->alerts = std::make_unique<AlertWatch>(*d->pipeline, std::move(rules));
    d->alertCommands = std::make_unique<AlertCommands>(*d->alerts);
    d->alerts->restore();
    d->alerts->setConfiguration(d->published.configuration());
    d->published.setActiveAlerts(d->alerts->activeAlerts());
    qCInfo(lcGateway).noquote() << "alert engine with" << ruleCount << "rules from"
                                << (d->options.alertRulesFile.isEmpty() ? alerts::defaultAlertRulesResource()
                                                                        : d->options.alertRulesFile)
                                << ";" << d->alerts->activeAlerts().size() << "open alerts restored";
}

bool Gateway::hasStoredControlState() const
{
    return d->controls && d->controls->hasStoredControl();
}

void Gateway::setControlDelivery(ControlDelivery *delivery)
{
    d->delivery = delivery;
}

void Gateway::followLiveRevision(std::uint64_t revision)
{
    if (!d->controls)
        return;
    d->controls->followRevision(revision, wallNowMs());
    flushEvents();
}

void Gateway::setControlTarget(ControlTarget *target)
{
    d->target = target;
    if (d->controls) {
        d->controls->setTarget(target);
        if (target && (d->sourceInitial || d->controls->hasStoredControl()))
            target->applyControl(d->controls->control());
    }
}

const sitroom::v1::ControlState &Gateway::controlState() const
{
    return d->published.control();
}

qint64 Gateway::sourceNowMs() const
{
    // 0 while the live system's clock is not known: audit rows then carry
    // the wall clock alone (and say so), and nothing is timed on it.
    return std::max<qint64>(0, d->published.state().sim_time_ms());
}

void Gateway::tickControls()
{
    if (!d->pipeline)
        return;
    d->dispatcher->tick();
    for (const auto &progress : d->verifier.tick(wallNowMs()))
        publishProgress(progress);
    d->alerts->tick(wallNowMs());
    flushEvents();
}

void Gateway::flushEvents()
{
    if (!d->pipeline)
        return;
    for (const ControlChange &change : d->controls->takeControlChanges()) {
        d->published.setControl(change.control);
        sitroom::v1::Envelope envelope;
        auto *event = envelope.mutable_control_event();
        *event->mutable_control() = change.control;
        *event->mutable_actor() = change.actor;
        event->set_summary(change.summary.toStdString());
        *event->mutable_summary_words() = change.summaryWords;
        broadcast(envelope);
    }
    const std::vector<sitroom::v1::AlertEvent> alertEvents = d->alerts->takeAlertEvents();
    if (!alertEvents.empty())
        d->published.setActiveAlerts(d->alerts->activeAlerts());
    for (const sitroom::v1::AlertEvent &event : alertEvents) {
        sitroom::v1::Envelope envelope;
        *envelope.mutable_alert_event() = event;
        broadcast(envelope);
    }
    for (const sitroom::v1::AuditEntry &entry : d->pipeline->takeAuditEvents())
        publishAudit(entry);
}

void Gateway::publishAudit(const sitroom::v1::AuditEntry &entry)
{
    if (!d->auditFeed.take(entry.id()))
        return;   // sent already
    d->published.appendAudit(entry);
    sitroom::v1::Envelope envelope;
    *envelope.mutable_audit_event()->mutable_entry() = entry;
    broadcast(envelope);
}

void Gateway::handleCommand(const sitroom::v1::Command &command, const Identity &who,
                            std::function<void(const sitroom::v1::CommandResult &)> reply)
{
    if (!d->pipeline) {
        reply(refusedResult(command.command_id(), phrase::make("refused.no_commands"), d->published.control()));
        return;
    }
    // Alert commands do not wait behind a control's delivery to the live system.
    if (d->alertCommands->accepts(command)) {
        const sitroom::v1::CommandResult result = d->pipeline->handle(command, who, wallNowMs(), sourceNowMs());
        flushEvents();
        reply(result);
        return;
    }
    if (!d->options.controlsEnabled) {
        reply(refusedResult(command.command_id(), phrase::make("refused.watch_only"), d->published.control()));
        return;
    }
    d->dispatcher->submit(command, who, std::move(reply));
}

void Gateway::observeEffects(sitroom::v1::SystemState &state)
{
    for (const auto &progress : d->verifier.observe(state, wallNowMs()))
        publishProgress(progress);
    state.set_control_effects_not_seen(d->verifier.notSeenCount());
}

void Gateway::publishProgress(const sitroom::v1::CommandProgress &progress)
{
    const QString id = QString::fromStdString(progress.command_id());
    const QString action = QString::fromStdString(progress.action());
    switch (progress.stage()) {
    case sitroom::v1::COMMAND_STAGE_EFFECT_SEEN:
    case sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN: {
        // The last stages have audit rows of their own; sent, accepted and
        // failed are in the command's row.
        AuditRecord r;
        r.timeMs = progress.at_ms();
        r.user = QStringLiteral("system");
        r.commandId = id;
        r.action = QStringLiteral("verify %1 (command %2, revision %3)").arg(action, id).arg(progress.revision());
        if (progress.has_action_words())
            r.sayAction(phrase::make("action.verify", {{"command_id", id}, {"revision", QString::number(progress.revision())}},
                                     {{"action", progress.action_words()}}));
        r.reason = QStringLiteral("closed-loop check: ") + QString::fromStdString(progress.expectation());
        if (progress.has_expectation_words())
            r.sayReason(phrase::make("reason.closed_loop", {}, {{"expectation", progress.expectation_words()}}));
        r.outcome = QString::fromStdString(progress.detail());
        if (progress.has_detail_words())
            r.outcomeWords = progress.detail_words();
        d->pipeline->record(r);
        flushEvents();
        break;
    }
    default:
        break;
    }
    qCInfo(lcGateway).noquote() << "command" << id << "revision" << progress.revision() << "-"
                                << QString::fromStdString(progress.detail());
    d->published.appendProgress(progress);
    sitroom::v1::Envelope envelope;
    *envelope.mutable_command_progress() = progress;
    broadcast(envelope);
}

} // namespace sitroom::gateway
