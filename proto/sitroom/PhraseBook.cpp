#include "proto/sitroom/PhraseBook.h"

#include <QCoreApplication>
#include <QHash>

namespace sitroom::phrase {

namespace {

// Every code the server says, with its English. The console's translator sees
// these through QT_TRANSLATE_NOOP (context "Phrase"); a template changed here is
// a new string to translate in translations/tools/ko.tsv.
struct Entry
{
    const char *code;
    const char *english;
};

const Entry kBook[] = {
    // What a command does.
    {"command.set_admission_rate", QT_TRANSLATE_NOOP("Phrase", "set admission rate to {rate}/s")},
    {"command.pause_admission", QT_TRANSLATE_NOOP("Phrase", "pause admission")},
    {"command.resume_admission", QT_TRANSLATE_NOOP("Phrase", "resume admission")},
    {"command.enable_provider", QT_TRANSLATE_NOOP("Phrase", "enable provider {provider}")},
    {"command.disable_provider", QT_TRANSLATE_NOOP("Phrase", "disable provider {provider}")},
    {"command.disable_provider_for", QT_TRANSLATE_NOOP("Phrase", "disable provider {provider} for {seconds} s")},
    {"command.approve", QT_TRANSLATE_NOOP("Phrase", "approve request {request}")},
    {"command.acknowledge_alert", QT_TRANSLATE_NOOP("Phrase", "acknowledge alert {alert}")},
    {"command.shelve_alert", QT_TRANSLATE_NOOP("Phrase", "shelve alert {alert}")},
    {"command.unshelve_alert", QT_TRANSLATE_NOOP("Phrase", "unshelve alert {alert}")},
    {"command.none", QT_TRANSLATE_NOOP("Phrase", "(no action)")},
    {"command.stale_override", QT_TRANSLATE_NOOP("Phrase", "{command} (stale data, overridden)")},
    // How a command ended: an outcome is "{status}: {detail}" or the status alone.
    {"status.applied", QT_TRANSLATE_NOOP("Phrase", "applied")},
    {"status.pending_approval", QT_TRANSLATE_NOOP("Phrase", "pending approval")},
    {"status.refused", QT_TRANSLATE_NOOP("Phrase", "refused")},
    {"status.conflict", QT_TRANSLATE_NOOP("Phrase", "conflict")},
    {"status.invalid", QT_TRANSLATE_NOOP("Phrase", "invalid")},
    {"status.expired", QT_TRANSLATE_NOOP("Phrase", "expired")},
    {"status.unknown", QT_TRANSLATE_NOOP("Phrase", "unknown")},
    {"outcome", QT_TRANSLATE_NOOP("Phrase", "{status}: {detail}")},
    {"joined", QT_TRANSLATE_NOOP("Phrase", "{first}; {then}")},
    {"list", QT_TRANSLATE_NOOP("Phrase", "{first}, {then}")},
    // Why a command was not applied, or what became of it.
    {"invalid.no_command_id", QT_TRANSLATE_NOOP("Phrase", "the command has no command_id")},
    {"invalid.no_action", QT_TRANSLATE_NOOP("Phrase", "the command has no action")},
    {"invalid.no_request_id", QT_TRANSLATE_NOOP("Phrase", "an approval needs the request_id")},
    {"invalid.no_reason", QT_TRANSLATE_NOOP("Phrase", "a reason must be given")},
    {"invalid.rate_range", QT_TRANSLATE_NOOP("Phrase", "the admission rate must be from {min} to {max} per second, not {rate}")},
    {"invalid.unknown_provider", QT_TRANSLATE_NOOP("Phrase", "there is no provider \"{provider}\"")},
    {"invalid.no_alert", QT_TRANSLATE_NOOP("Phrase", "the command names no alert")},
    {"invalid.no_open_alert", QT_TRANSLATE_NOOP("Phrase", "there is no open alert \"{alert}\"")},
    {"refused.no_alert_engine", QT_TRANSLATE_NOOP("Phrase", "this server runs no alert engine")},
    {"refused.viewer_role", QT_TRANSLATE_NOOP("Phrase", "this session has the viewer role: commands are not allowed")},
    {"refused.operator_enable", QT_TRANSLATE_NOOP("Phrase", "operators may not enable providers")},
    {"refused.operator_disable", QT_TRANSLATE_NOOP("Phrase", "operators may not disable providers")},
    {"refused.operator_approve", QT_TRANSLATE_NOOP("Phrase", "only supervisors may approve requests")},
    {"refused.same_supervisor", QT_TRANSLATE_NOOP("Phrase", "a request must be approved by a different supervisor")},
    {"refused.shelve_critical", QT_TRANSLATE_NOOP("Phrase", "only supervisors may shelve a critical alert")},
    {"refused.no_commands", QT_TRANSLATE_NOOP("Phrase", "the server takes no commands")},
    {"refused.watch_only", QT_TRANSLATE_NOOP("Phrase", "this gateway watches the live system without steering it (it has no control webhook)")},
    {"refused.clock_unknown", QT_TRANSLATE_NOOP("Phrase", "the live system's clock is not known yet (its figures have not arrived), so a disable for a set time cannot be timed; disable until re-enabled by hand, or wait for the figures")},
    {"refused.stale", QT_TRANSLATE_NOOP("Phrase", "the figures this control depends on are stale ({figures}: {cause}); look again when they are fresh, or send it with the stale-data override")},
    {"stale.source_unreachable", QT_TRANSLATE_NOOP("Phrase", "the monitoring source does not answer")},
    {"stale.query_failed", QT_TRANSLATE_NOOP("Phrase", "its query fails")},
    {"stale.no_data", QT_TRANSLATE_NOOP("Phrase", "no data")},
    {"stale.target_down", QT_TRANSLATE_NOOP("Phrase", "the live system's scrape target is down")},
    {"stale.not_fresh", QT_TRANSLATE_NOOP("Phrase", "not fresh")},
    {"conflict.revision", QT_TRANSLATE_NOOP("Phrase", "the controls are at revision {now}, not {expected}")},
    {"conflict.revision_by", QT_TRANSLATE_NOOP("Phrase", "the controls are at revision {now}, not {expected}; last changed by {user} ({site}) at {time_wall_ms}: {reason}")},
    {"pending.waits", QT_TRANSLATE_NOOP("Phrase", "request {request} waits for a second supervisor")},
    {"expired.no_request", QT_TRANSLATE_NOOP("Phrase", "there is no pending request {request} (it expired, was already decided, or never existed)")},
    {"expired.not_within", QT_TRANSLATE_NOOP("Phrase", "not approved within {minutes} min")},
    {"approval.approved", QT_TRANSLATE_NOOP("Phrase", "approved {requester}'s request to {command}")},
    {"approval.by", QT_TRANSLATE_NOOP("Phrase", "approved by {approver} (request {request})")},
    {"applied.ramping", QT_TRANSLATE_NOOP("Phrase", "ramping in over {seconds} s")},
    {"audit.write_failed", QT_TRANSLATE_NOOP("Phrase", "the audit log could not be written, so nothing was done: {error}")},
    // Why the state store did not take a write ({error} above); the store's
    // own words are for the gateway's log, never in these.
    {"store.unreachable", QT_TRANSLATE_NOOP("Phrase", "the shared state store cannot be reached")},
    {"store.write_refused", QT_TRANSLATE_NOOP("Phrase", "the state store did not take the write")},
    // Audit rows written after the fact: a sign-in while the store was out of reach.
    {"audit.recorded_late", QT_TRANSLATE_NOOP("Phrase", "recorded late, at {recorded_wall_ms}: the audit log could not be written when it happened")},
    {"action.audit_rows_lost", QT_TRANSLATE_NOOP("Phrase", "{count} audit rows lost, from {first_wall_ms} to {last_wall_ms}")},
    {"reason.audit_backlog_full", QT_TRANSLATE_NOOP("Phrase", "at most {capacity} audit rows wait in memory while the audit log cannot be written")},
    {"delivery.failed", QT_TRANSLATE_NOOP("Phrase", "the live system did not apply it: {reason}")},
    // A failed delivery's words as gateways before the delivery.* kinds below
    // sent them (an HTTP status, a network error, in English); none sends it now.
    {"delivery.reason", QT_TRANSLATE_NOOP("Phrase", "{reason}")},
    {"delivery.sent", QT_TRANSLATE_NOOP("Phrase", "sent to the live system")},
    {"delivery.accepted_in", QT_TRANSLATE_NOOP("Phrase", "accepted by the live system in {elapsed} ms")},
    {"delivery.in_process", QT_TRANSLATE_NOOP("Phrase", "applied in the gateway's process")},
    // The delivery outbox: a change in force, its delivery retried or failed and put back.
    {"delivery.resent", QT_TRANSLATE_NOOP("Phrase", "sent to the live system again by gateway {gateway} (attempt {attempt})")},
    {"delivery.by", QT_TRANSLATE_NOOP("Phrase", "delivered by gateway {gateway}, attempt {attempt}")},
    {"delivery.restored", QT_TRANSLATE_NOOP("Phrase", "delivery failed: what it changed is back as before, at revision {revision}")},
    {"delivery.nothing_to_restore", QT_TRANSLATE_NOOP("Phrase", "delivery failed: nothing it changed was still in force")},
    {"delivery.restore_unconfirmed", QT_TRANSLATE_NOOP("Phrase", "delivery failed: the live system has not confirmed the controls put back; the next change sends the whole state")},
    {"reason.delivery_refused", QT_TRANSLATE_NOOP("Phrase", "the live system refused it: {reason}")},
    {"reason.delivery_unanswered", QT_TRANSLATE_NOOP("Phrase", "no answer from the live system within {seconds} s: {reason}")},
    // What a delivery met ({reason} above). The network's own words (Qt's,
    // naming the URL) are for the gateway's log, never in these; what the
    // live system answered is its own ({said}), quoted as it said it.
    {"delivery.unreachable", QT_TRANSLATE_NOOP("Phrase", "it cannot be reached")},
    {"delivery.secure_channel_failed", QT_TRANSLATE_NOOP("Phrase", "no secure connection to it could be made")},
    {"delivery.connection_lost", QT_TRANSLATE_NOOP("Phrase", "the connection closed before its answer")},
    {"delivery.timed_out", QT_TRANSLATE_NOOP("Phrase", "it did not answer an attempt within {seconds} s")},
    {"delivery.answered_status", QT_TRANSLATE_NOOP("Phrase", "it answered with HTTP status {status}")},
    {"delivery.answered_saying", QT_TRANSLATE_NOOP("Phrase", "it answered with HTTP status {status}, in its own words: \"{said}\"")},
    {"delivery.still_out", QT_TRANSLATE_NOOP("Phrase", "attempt {attempt} was still unanswered")},
    {"delivery.still_out_after", QT_TRANSLATE_NOOP("Phrase", "attempt {attempt} was still unanswered; the one before: {before}")},
    {"delivery.nothing_answered", QT_TRANSLATE_NOOP("Phrase", "no attempt was answered")},
    {"action.deliver", QT_TRANSLATE_NOOP("Phrase", "deliver {command} to the live system (command {command_id}, revision {revision})")},
    {"action.restore_undelivered", QT_TRANSLATE_NOOP("Phrase", "put back what {command} changed (command {command_id}, revision {revision})")},
    {"summary.restored", QT_TRANSLATE_NOOP("Phrase", "the controls {command} changed are back as before: the live system did not take it")},
    {"conflict.alert_changed", QT_TRANSLATE_NOOP("Phrase", "alert {alert} was changed through the other gateway meanwhile; look at it again")},
    // What the closed-loop check waits for in the telemetry (the figures it reads).
    {"expect.rate", QT_TRANSLATE_NOOP("Phrase", "admission.rate_limit_per_s = {rate}")},
    {"expect.paused", QT_TRANSLATE_NOOP("Phrase", "admission.paused and admitted_per_s = 0")},
    {"expect.not_paused", QT_TRANSLATE_NOOP("Phrase", "admission not paused")},
    {"expect.provider_on", QT_TRANSLATE_NOOP("Phrase", "provider.{provider}.light != suspended")},
    {"expect.provider_off", QT_TRANSLATE_NOOP("Phrase", "provider.{provider}.light = suspended and requests_per_s near 0")},
    {"effect.seen", QT_TRANSLATE_NOOP("Phrase", "effect seen after {seconds} s: {expectation}")},
    {"effect.seen_late", QT_TRANSLATE_NOOP("Phrase", "effect seen after {seconds} s (late): {expectation}")},
    {"effect.not_seen", QT_TRANSLATE_NOOP("Phrase", "effect not seen within {seconds} s: waited for {expectation}")},
    // What the control change was, for every console (ControlEvent.summary).
    {"summary.requested", QT_TRANSLATE_NOOP("Phrase", "{user} asks to {command}; a second supervisor must approve within {minutes} min")},
    {"summary.requested_other_room", QT_TRANSLATE_NOOP("Phrase", "{user} asks to {command}; the {room} room is in command, so a supervisor of the {room} room must approve within {minutes} min")},
    {"summary.did", QT_TRANSLATE_NOOP("Phrase", "{user} did: {command}")},
    {"summary.approved", QT_TRANSLATE_NOOP("Phrase", "{approver} approved {requester}'s request to {command}")},
    {"summary.expired", QT_TRANSLATE_NOOP("Phrase", "{requester}'s request to {command} expired unapproved")},
    {"summary.timed_enable", QT_TRANSLATE_NOOP("Phrase", "provider {provider} re-enabled at the end of its timed disable; ramping in over {seconds} s")},
    {"summary.follow_revision", QT_TRANSLATE_NOOP("Phrase", "control revision raised from {from} to {to} to follow the live system")},
    // Reasons the server gives itself.
    {"reason.approved_request", QT_TRANSLATE_NOOP("Phrase", "approved {requester}'s request: {reason}")},
    {"reason.not_approved_in_time", QT_TRANSLATE_NOOP("Phrase", "not approved in time")},
    {"reason.timed_disable_ended", QT_TRANSLATE_NOOP("Phrase", "timed disable ended")},
    {"reason.live_revision", QT_TRANSLATE_NOOP("Phrase", "the live system has applied revision {revision}")},
    {"reason.endpoint_revision", QT_TRANSLATE_NOOP("Phrase", "its control endpoint reports revision {revision}")},
    {"reason.closed_loop", QT_TRANSLATE_NOOP("Phrase", "closed-loop check: {expectation}")},
    // Audit actions of no command.
    {"action.expire_request", QT_TRANSLATE_NOOP("Phrase", "expire request {request} ({command} by {requester})")},
    {"action.follow_revision", QT_TRANSLATE_NOOP("Phrase", "follow the live system's control revision")},
    {"action.sign_in", QT_TRANSLATE_NOOP("Phrase", "sign in")},
    {"action.alert", QT_TRANSLATE_NOOP("Phrase", "alert {alert} {transition} ({key})")},
    {"action.verify", QT_TRANSLATE_NOOP("Phrase", "verify {action} (command {command_id}, revision {revision})")},
    // The room in command and its handover (rooms are site keys: "seoul", "osong").
    {"command.request_handover", QT_TRANSLATE_NOOP("Phrase", "request a handover of command")},
    {"command.accept_handover", QT_TRANSLATE_NOOP("Phrase", "accept handover {request}")},
    {"command.decline_handover", QT_TRANSLATE_NOOP("Phrase", "decline handover {request}")},
    {"command.withdraw_handover", QT_TRANSLATE_NOOP("Phrase", "withdraw handover {request}")},
    {"command.answer_handover", QT_TRANSLATE_NOOP("Phrase", "answer handover {request}")},
    {"command.take_command", QT_TRANSLATE_NOOP("Phrase", "take command")},
    {"action.offer_command", QT_TRANSLATE_NOOP("Phrase", "offer command of the {from_room} room to the {to_room} room")},
    {"action.ask_command", QT_TRANSLATE_NOOP("Phrase", "ask the {from_room} room to hand command to the {to_room} room")},
    {"action.take_command", QT_TRANSLATE_NOOP("Phrase", "take command from the {from_room} room for the {to_room} room")},
    {"action.expire_handover", QT_TRANSLATE_NOOP("Phrase", "expire handover {request} (from the {from_room} room to the {to_room} room, asked by {requester})")},
    {"pending.other_room", QT_TRANSLATE_NOOP("Phrase", "request {request} waits: the {room} room is in command, so a supervisor of the {room} room must approve")},
    {"pending.handover", QT_TRANSLATE_NOOP("Phrase", "handover {request} waits for a supervisor of the {room} room to accept")},
    {"handover.accepted", QT_TRANSLATE_NOOP("Phrase", "the {to_room} room is in command now (was the {from_room} room)")},
    {"handover.declined", QT_TRANSLATE_NOOP("Phrase", "handover {request} declined: the {room} room stays in command")},
    {"handover.withdrawn", QT_TRANSLATE_NOOP("Phrase", "handover {request} withdrawn: the {room} room stays in command")},
    {"handover.taken", QT_TRANSLATE_NOOP("Phrase", "takeover: the {to_room} room is in command now; the {from_room} room's gateway was last seen {seconds} s ago")},
    {"handover.taken_unseen", QT_TRANSLATE_NOOP("Phrase", "takeover: the {to_room} room is in command now; no gateway of the {from_room} room has ever been seen (this gateway allows that)")},
    {"refused.approver_room", QT_TRANSLATE_NOOP("Phrase", "the {room} room is in command: only a supervisor of the {room} room may approve")},
    {"refused.handover_role", QT_TRANSLATE_NOOP("Phrase", "only a supervisor may hand over or take command")},
    {"refused.handover_site", QT_TRANSLATE_NOOP("Phrase", "only a supervisor of the Seoul or Osong room may hand over or take command")},
    {"refused.handover_waiting", QT_TRANSLATE_NOOP("Phrase", "handover {request} is waiting already: answer or withdraw it first")},
    {"refused.handover_answer_room", QT_TRANSLATE_NOOP("Phrase", "handover {request} is answered by a supervisor of the {room} room")},
    {"refused.handover_withdraw_room", QT_TRANSLATE_NOOP("Phrase", "handover {request} can be withdrawn only by a supervisor of the {room} room, which asked")},
    {"refused.in_command", QT_TRANSLATE_NOOP("Phrase", "the {room} room is in command already")},
    {"refused.takeover_own_gateway", QT_TRANSLATE_NOOP("Phrase", "this gateway serves the {room} room, which is in command, and it is running: ask for a handover")},
    {"refused.takeover_seen", QT_TRANSLATE_NOOP("Phrase", "the {room} room's gateway {server} was seen {seconds} s ago; command can be taken after {after} s without it: ask for a handover")},
    {"refused.takeover_unseen", QT_TRANSLATE_NOOP("Phrase", "no gateway of the {room} room has ever been seen, so it cannot be called unreachable: ask for a handover")},
    {"invalid.no_handover_answer", QT_TRANSLATE_NOOP("Phrase", "a handover answer must accept, decline or withdraw")},
    {"expired.no_handover", QT_TRANSLATE_NOOP("Phrase", "there is no waiting handover {request} (it expired, was answered, or never existed)")},
    {"expired.handover_not_within", QT_TRANSLATE_NOOP("Phrase", "not answered within {minutes} min")},
    {"summary.handover_offered", QT_TRANSLATE_NOOP("Phrase", "{user} offers command of the {from_room} room to the {to_room} room; a supervisor of the {to_room} room must accept within {minutes} min")},
    {"summary.handover_asked", QT_TRANSLATE_NOOP("Phrase", "{user} asks the {from_room} room to hand command to the {to_room} room; a supervisor of the {from_room} room must accept within {minutes} min")},
    {"summary.handover_accepted", QT_TRANSLATE_NOOP("Phrase", "{user} accepted {requester}'s handover: the {to_room} room is in command")},
    {"summary.handover_declined", QT_TRANSLATE_NOOP("Phrase", "{user} declined {requester}'s handover: the {room} room stays in command")},
    {"summary.handover_withdrawn", QT_TRANSLATE_NOOP("Phrase", "{user} withdrew the handover: the {room} room stays in command")},
    {"summary.handover_expired", QT_TRANSLATE_NOOP("Phrase", "{requester}'s handover expired unanswered: the {room} room stays in command")},
    {"summary.took_command", QT_TRANSLATE_NOOP("Phrase", "{user} took command for the {to_room} room from the {from_room} room")},
    {"reason.handover_not_answered", QT_TRANSLATE_NOOP("Phrase", "handover not answered in time")},
    {"reason.handover_accepted", QT_TRANSLATE_NOOP("Phrase", "accepted {requester}'s handover: {reason}")},
    // Sign-ins.
    {"signin.ok", QT_TRANSLATE_NOOP("Phrase", "signed in as {role}")},
    {"signin.locked_everywhere", QT_TRANSLATE_NOOP("Phrase", "too many failed attempts for this user from all addresses")},
    {"signin.locked_here", QT_TRANSLATE_NOOP("Phrase", "too many failed attempts from {address}")},
    {"signin.no_password", QT_TRANSLATE_NOOP("Phrase", "no password from {address}")},
    {"signin.wrong_password", QT_TRANSLATE_NOOP("Phrase", "wrong password from {address}")},
    {"signin.unknown_user", QT_TRANSLATE_NOOP("Phrase", "unknown user from {address}")},
    {"role.viewer", QT_TRANSLATE_NOOP("Phrase", "viewer")},
    {"role.operator", QT_TRANSLATE_NOOP("Phrase", "operator")},
    {"role.supervisor", QT_TRANSLATE_NOOP("Phrase", "supervisor")},
    {"role.none", QT_TRANSLATE_NOOP("Phrase", "none")},
    // Alerts: their transitions, states and severities, and the engine's answers.
    {"alert.condition", QT_TRANSLATE_NOOP("Phrase", "{severity}: {message} (value {value}, threshold {threshold} {unit})")},
    {"alert.step_taken", QT_TRANSLATE_NOOP("Phrase", "runbook step taken: {step}")},
    {"alert.shelved_until", QT_TRANSLATE_NOOP("Phrase", "shelved until {until_ms} (live system's clock)")},
    {"alert.cannot_acknowledge", QT_TRANSLATE_NOOP("Phrase", "alert {alert} is {state}; only an unacknowledged alert can be acknowledged")},
    {"alert.cannot_shelve", QT_TRANSLATE_NOOP("Phrase", "alert {alert} is {state} and cannot be shelved")},
    {"alert.not_shelved", QT_TRANSLATE_NOOP("Phrase", "alert {alert} is {state}, not shelved")},
    {"alert.shelve_duration", QT_TRANSLATE_NOOP("Phrase", "an alert is shelved for 15 minutes to 12 hours, not {seconds} seconds")},
    {"alert.shelve_reason", QT_TRANSLATE_NOOP("Phrase", "shelving an alert needs a reason")},
    {"alert.missing", QT_TRANSLATE_NOOP("Phrase", "there is no alert {alert}")},
    {"transition.raised", QT_TRANSLATE_NOOP("Phrase", "raised")},
    {"transition.escalated", QT_TRANSLATE_NOOP("Phrase", "escalated")},
    {"transition.acknowledged", QT_TRANSLATE_NOOP("Phrase", "acknowledged")},
    {"transition.returned", QT_TRANSLATE_NOOP("Phrase", "returned to normal")},
    {"transition.reactivated", QT_TRANSLATE_NOOP("Phrase", "active again")},
    {"transition.cleared", QT_TRANSLATE_NOOP("Phrase", "cleared")},
    {"transition.shelved", QT_TRANSLATE_NOOP("Phrase", "shelved")},
    {"transition.unshelved", QT_TRANSLATE_NOOP("Phrase", "unshelved")},
    {"transition.shelf_expired", QT_TRANSLATE_NOOP("Phrase", "unshelved at expiry")},
    {"transition.flood_changed", QT_TRANSLATE_NOOP("Phrase", "regrouped for the flood")},
    {"transition.changed", QT_TRANSLATE_NOOP("Phrase", "changed")},
    {"state.active_unacked", QT_TRANSLATE_NOOP("Phrase", "active, unacknowledged")},
    {"state.active_acked", QT_TRANSLATE_NOOP("Phrase", "active, acknowledged")},
    {"state.rtn_unacked", QT_TRANSLATE_NOOP("Phrase", "returned to normal, unacknowledged")},
    {"state.shelved", QT_TRANSLATE_NOOP("Phrase", "shelved")},
    {"state.cleared", QT_TRANSLATE_NOOP("Phrase", "cleared")},
    {"state.none", QT_TRANSLATE_NOOP("Phrase", "none")},
    {"severity.critical", QT_TRANSLATE_NOOP("Phrase", "critical")},
    {"severity.major", QT_TRANSLATE_NOOP("Phrase", "major")},
    {"severity.minor", QT_TRANSLATE_NOOP("Phrase", "minor")},
    {"severity.info", QT_TRANSLATE_NOOP("Phrase", "info")},
    {"severity.none", QT_TRANSLATE_NOOP("Phrase", "none")},
};

// Text held in both languages: args "ko" and "en".
constexpr char kBilingual[] = "text";

const QHash<QByteArray, const char *> &book()
{
    static const QHash<QByteArray, const char *> table = [] {
        QHash<QByteArray, const char *> t;
        for (const Entry &e : kBook)
            t.insert(QByteArray(e.code), e.english);
        return t;
    }();
    return table;
}

const sitroom::v1::PhraseArg *argNamed(const sitroom::v1::Phrase &phrase, const std::string &name)
{
    for (const auto &a : phrase.args())
        if (a.name() == name)
            return &a;
    return nullptr;
}

const sitroom::v1::PhrasePart *partNamed(const sitroom::v1::Phrase &phrase, const std::string &name)
{
    for (const auto &p : phrase.parts())
        if (p.name() == name)
            return &p;
    return nullptr;
}

bool fill(const QString &templ, const sitroom::v1::Phrase &phrase, const Voice &voice, QString *out)
{
    out->reserve(templ.size() + 32);
    qsizetype i = 0;
    while (i < templ.size()) {
        const qsizetype open = templ.indexOf(u'{', i);
        const qsizetype close = open < 0 ? -1 : templ.indexOf(u'}', open);
        if (close < 0) {
            out->append(QStringView(templ).mid(i));
            break;
        }
        out->append(QStringView(templ).mid(i, open - i));
        const QString name = templ.mid(open + 1, close - open - 1);
        if (const sitroom::v1::PhraseArg *arg = argNamed(phrase, name.toStdString())) {
            const QString value = QString::fromStdString(arg->value());
            out->append(voice.arg ? voice.arg(name, value) : value);
        } else if (const sitroom::v1::PhrasePart *part = partNamed(phrase, name.toStdString())) {
            const QString text = render(part->phrase(), voice);
            if (text.isEmpty())
                return false;
            out->append(text);
        }
        // A name the phrase does not carry says nothing (a translation may leave one out).
        i = close + 1;
    }
    return true;
}

} // namespace

sitroom::v1::Phrase make(const char *code, std::initializer_list<Arg> args, std::initializer_list<Part> parts)
{
    sitroom::v1::Phrase p;
    p.set_code(code);
    for (const Arg &a : args) {
        sitroom::v1::PhraseArg *arg = p.add_args();
        arg->set_name(a.first);
        arg->set_value(a.second.toStdString());
    }
    for (const Part &part : parts) {
        sitroom::v1::PhrasePart *added = p.add_parts();
        added->set_name(part.first);
        *added->mutable_phrase() = part.second;
    }
    return p;
}

sitroom::v1::Phrase joined(const sitroom::v1::Phrase &first, const sitroom::v1::Phrase &then)
{
    return make("joined", {}, {{"first", first}, {"then", then}});
}

sitroom::v1::Phrase bilingual(const QString &ko, const QString &en)
{
    return make(kBilingual, {{"ko", ko}, {"en", en}});
}

const char *englishTemplate(const std::string &code)
{
    return book().value(QByteArray::fromStdString(code), nullptr);
}

QString render(const sitroom::v1::Phrase &phrase, const Voice &voice)
{
    if (phrase.code() == kBilingual) {
        const sitroom::v1::PhraseArg *ko = argNamed(phrase, "ko");
        const sitroom::v1::PhraseArg *en = argNamed(phrase, "en");
        const bool haveKo = ko && !ko->value().empty();
        const bool haveEn = en && !en->value().empty();
        if (voice.korean && haveKo)
            return QString::fromStdString(ko->value());
        return haveEn ? QString::fromStdString(en->value()) : haveKo ? QString::fromStdString(ko->value()) : QString();
    }
    const char *english = englishTemplate(phrase.code());
    if (!english)
        return {};
    const QString templ = voice.translate ? voice.translate(english) : QString::fromUtf8(english);
    QString out;
    if (!fill(templ, phrase, voice, &out))
        return {};
    return out;
}

QString english(const sitroom::v1::Phrase &phrase)
{
    Voice voice;
    // A time in epoch ms reads as the number it is, as the text fields always did.
    // A room reads as its name: "Seoul" for "seoul".
    voice.arg = [](const QString &name, const QString &value) -> QString {
        if (name.endsWith(QLatin1String("_ms")))
            return value + QStringLiteral(" ms");
        if (name.endsWith(QLatin1String("room")) && !value.isEmpty())
            return value.at(0).toUpper() + value.mid(1);
        return value;
    };
    return render(phrase, voice);
}

} // namespace sitroom::phrase
