#include "app/ctl/CtlCommands.h"

#include "app/ctl/CtlAlerts.h"
#include "app/ctl/CtlCommandRoom.h"
#include "app/ctl/CtlOutput.h"
#include "app/ctl/CtlSession.h"
#include "app/ctl/ExitCodes.h"
#include "server/gateway/PasswordHash.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace sitroom::ctl {

namespace {

using namespace sitroom::v1;

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    std::fputs((QStringLiteral("sitroomctl: ") + text + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

// Fails the run: the message always on stderr, with --json also as a JSON object.
int failWith(const Invocation &inv, int code, const QString &message)
{
    printErr(message);
    if (inv.global.json) {
        printJson({{QStringLiteral("command"), inv.command},
                   {QStringLiteral("status"), QStringLiteral("error")},
                   {QStringLiteral("exit_code"), code},
                   {QStringLiteral("message"), message}});
    }
    return code;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Reads one line from stdin, without echo when it is a terminal.
bool readPassword(QByteArray *password, QString *error)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        std::fputs("Password: ", stderr);
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(char(c));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("hash-password: no password on standard input");
        return false;
    }
    *password = line;
    return true;
}

int runHashPassword(const Invocation &inv)
{
    QByteArray password;
    QString error;
    if (!readPassword(&password, &error))
        return failWith(inv, ExitUsage, error);
    const QString hash = gateway::PasswordHash::hash(QString::fromUtf8(password), inv.iterations);
    password.fill('\0');
    if (inv.global.json)
        printJson({{QStringLiteral("command"), inv.command}, {QStringLiteral("status"), QStringLiteral("ok")},
                   {QStringLiteral("password_hash"), hash}});
    else
        printOut(hash + u'\n');
    return ExitOk;
}

int exitCodeFor(CommandStatus status)
{
    switch (status) {
    case COMMAND_APPLIED:
    case COMMAND_PENDING_APPROVAL: return ExitOk;
    case COMMAND_REFUSED: return ExitRefused;
    case COMMAND_CONFLICT: return ExitConflict;
    case COMMAND_INVALID: return ExitInvalid;
    case COMMAND_EXPIRED: return ExitExpired;
    default: return ExitConnection;  // a status this client does not know
    }
}

Command buildCommand(const Invocation &inv, const ControlState &current)
{
    Command command;
    command.set_command_id(newId().toStdString());
    command.set_expected_revision(inv.revision.value_or(current.revision()));
    command.set_reason(inv.reason.toStdString());
    const QString &name = inv.command;
    if (name == QStringLiteral("throttle")) {
        command.mutable_set_admission_rate()->set_rate_per_s(inv.rate);
    } else if (name == QStringLiteral("pause")) {
        command.mutable_pause_admission();
    } else if (name == QStringLiteral("resume")) {
        command.mutable_resume_admission();
    } else if (name == QStringLiteral("disable") || name == QStringLiteral("enable")) {
        auto *p = command.mutable_set_provider_enabled();
        p->set_provider_id(inv.provider.toStdString());
        p->set_enabled(name == QStringLiteral("enable"));
        p->set_disable_for_s(inv.disableForS);
    } else if (name == QStringLiteral("approve")) {
        command.mutable_approve()->set_request_id(inv.requestId.toStdString());
    } else if (name == QStringLiteral("ack")) {
        auto *a = command.mutable_acknowledge_alert();
        a->set_alert_id(inv.alertId.toStdString());
        a->set_comment(inv.comment.toStdString());
        a->set_runbook_step(inv.runbookStep.toStdString());
    } else if (name == QStringLiteral("shelve")) {
        auto *a = command.mutable_shelve_alert();
        a->set_alert_id(inv.alertId.toStdString());
        a->set_duration_s(inv.shelveForS);
    } else if (name == QStringLiteral("unshelve")) {
        command.mutable_unshelve_alert()->set_alert_id(inv.alertId.toStdString());
    } else if (isRoomCommand(name)) {
        setRoomAction(inv, &command);
    }
    return command;
}

// After an applied result: stays for the effect (--wait-effect) and turns
// the verdict into an exit code, a line or JSON fields.
struct EffectVerdict
{
    int code = ExitOk;
    QString stage;      // stageName of the last stage heard, or "" when none
    QString line;       // for a person
    qint64 afterMs = -1;
};

EffectVerdict waitForEffect(const Invocation &inv, CtlSession &session, const Command &command,
                            const CommandResult &result)
{
    EffectVerdict v;
    const auto progress = session.waitForEffect(command.command_id(), result.control().revision(),
                                                inv.waitEffectS * 1000);
    if (!progress) {
        if (!session.timedOut()) {
            v.code = ExitConnection;
            v.line = session.errorString();
            return v;
        }
        const CommandStage last = std::max(session.lastStage(command.command_id()), result.stage());
        v.code = ExitEffectTimeout;
        v.stage = stageName(last);
        v.line = QStringLiteral("no verdict on the effect within %1 s (last stage: %2)")
                     .arg(inv.waitEffectS).arg(v.stage.isEmpty() ? QStringLiteral("none") : v.stage);
        return v;
    }
    v.stage = stageName(progress->stage());
    v.afterMs = progress->after_ms();
    const QString seconds = QString::number(double(progress->after_ms()) / 1000.0, 'f', 1);
    const QString expectation = QString::fromStdString(progress->expectation());
    switch (progress->stage()) {
    case COMMAND_STAGE_EFFECT_SEEN:
        v.line = QStringLiteral("effect seen after %1 s").arg(seconds);
        break;
    case COMMAND_STAGE_EFFECT_NOT_SEEN:
        v.code = ExitEffectNotSeen;
        v.line = QStringLiteral("effect NOT seen after %1 s%2").arg(seconds,
            expectation.isEmpty() ? QString() : QStringLiteral(" (waited for %1)").arg(expectation));
        break;
    default:  // delivery failed after all
        v.code = ExitRefused;
        v.line = QStringLiteral("delivery to the live system failed: %1").arg(QString::fromStdString(progress->detail()));
        break;
    }
    return v;
}

bool changesLiveSystem(const Command &command)
{
    return command.action_case() != Command::kAcknowledgeAlert && command.action_case() != Command::kShelveAlert
        && command.action_case() != Command::kUnshelveAlert && !isRoomAction(command);
}

int runStateChange(const Invocation &inv, CtlSession &session)
{
    const Command command = buildCommand(inv, session.snapshot().control());
    const auto result = session.runCommand(command);
    if (!result)
        return failWith(inv, ExitConnection, session.errorString());
    int code = exitCodeFor(result->status());
    const QString message = QString::fromStdString(result->message());
    const QString stage = stageName(result->stage());
    std::optional<EffectVerdict> verdict;
    if (inv.waitEffectS > 0 && result->status() == COMMAND_APPLIED && changesLiveSystem(command)) {
        // Say "applied" before a wait of up to a minute, so a person sees why it waits.
        if (!inv.global.json)
            printOut(QStringLiteral("applied: %1 (revision %2%3); waiting up to %4 s for the effect…\n")
                         .arg(describeCommand(command)).arg(result->control().revision())
                         .arg(stage.isEmpty() ? QString() : QStringLiteral(", stage: ") + stage)
                         .arg(inv.waitEffectS));
        verdict = waitForEffect(inv, session, command, *result);
        code = verdict->code;
    }
    if (inv.global.json) {
        QJsonObject o{{QStringLiteral("command"), inv.command},
                      {QStringLiteral("command_id"), QString::fromStdString(command.command_id())},
                      {QStringLiteral("status"), statusName(result->status())},
                      {QStringLiteral("stage"), stage},
                      {QStringLiteral("exit_code"), code},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("request_id"), QString::fromStdString(result->request_id())},
                      {QStringLiteral("control"), messageJson(result->control())}};
        if (verdict) {
            QJsonObject effect{{QStringLiteral("stage"), verdict->stage},
                               {QStringLiteral("exit_code"), verdict->code},
                               {QStringLiteral("message"), verdict->line}};
            if (verdict->afterMs >= 0)
                effect.insert(QStringLiteral("after_ms"), double(verdict->afterMs));
            o.insert(QStringLiteral("effect"), effect);
        }
        printJson(o);
        return code;
    }
    if (verdict) {
        if (verdict->code == ExitOk)
            printOut(verdict->line + u'\n');
        else
            printErr(verdict->line);
        return code;
    }
    const QString what = describeCommand(command);
    const QString stageSuffix = stage.isEmpty() ? QString() : QStringLiteral(", stage: ") + stage;
    switch (result->status()) {
    case COMMAND_APPLIED:
        if (isRoomAction(command))
            printOut(QStringLiteral("applied: %1: %2 (revision %3)\n").arg(what, message).arg(result->control().revision()));
        else if (!changesLiveSystem(command))
            printOut(QStringLiteral("applied: %1\n").arg(what));
        else
            printOut(QStringLiteral("applied: %1 (revision %2%3)\n").arg(what).arg(result->control().revision()).arg(stageSuffix));
        break;
    case COMMAND_PENDING_APPROVAL:
        if (const QString why = roomWaitText(command, *result); !why.isEmpty())
            printOut(why);
        else
            printOut(QStringLiteral("waiting for approval by another supervisor: %1\nrequest id: %2\n")
                         .arg(what, QString::fromStdString(result->request_id())));
        break;
    case COMMAND_CONFLICT:
        printErr(QStringLiteral("conflict: %1 was decided on revision %2, but the control state is now at revision %3: %4")
                     .arg(what).arg(command.expected_revision()).arg(result->control().revision()).arg(message));
        printOut(controlText(result->control(), liveClock(session.snapshot())));
        break;
    default:
        if (result->stage() == COMMAND_STAGE_DELIVERY_FAILED)
            printErr(QStringLiteral("%1: %2: delivery to the live system failed: %3").arg(statusName(result->status()), what, message));
        else
            printErr(QStringLiteral("%1: %2: %3").arg(statusName(result->status()), what, message));
        break;
    }
    return code;
}

int runStatus(const Invocation &inv, CtlSession &session)
{
    if (inv.global.json) {
        QJsonObject o = statusJson(session.snapshot());
        o.insert(QStringLiteral("command"), inv.command);
        o.insert(QStringLiteral("status"), QStringLiteral("ok"));
        printJson(o);
    } else {
        printOut(statusText(session.snapshot(), session.snapshotServerTimeMs()));
    }
    return ExitOk;
}

int runPending(const Invocation &inv, CtlSession &session)
{
    const ControlState &control = session.snapshot().control();
    const qint64 now = session.snapshotServerTimeMs() > 0 ? session.snapshotServerTimeMs()
                                                          : QDateTime::currentMSecsSinceEpoch();
    if (inv.global.json)
        printJson({{QStringLiteral("command"), inv.command}, {QStringLiteral("status"), QStringLiteral("ok")},
                   {QStringLiteral("revision"), double(control.revision())},
                   {QStringLiteral("pending"), pendingJson(control, now)}});
    else
        printOut(pendingText(control, now, liveClock(session.snapshot())));
    return ExitOk;
}

int runAlerts(const Invocation &inv, CtlSession &session)
{
    if (inv.global.json) {
        QJsonObject o = alertsJson(session.snapshot());
        o.insert(QStringLiteral("command"), inv.command);
        o.insert(QStringLiteral("status"), QStringLiteral("ok"));
        printJson(o);
    } else {
        printOut(alertsText(session.snapshot()));
    }
    return ExitOk;
}

// audit --verify: whole (0), broken (7), or not checked at all (10): a
// chain the gateway could not read is neither whole nor broken.
int reportVerification(const Invocation &inv, const AuditResponse &verification)
{
    const QString detail = QString::fromStdString(verification.detail());
    if (!verification.verified()) {
        if (detail.isEmpty())
            return failWith(inv, ExitConnection, QStringLiteral("the server did not verify the audit chain"));
        const QString message =
            QStringLiteral("audit chain NOT CHECKED: %1; whether it is whole or broken is not known").arg(detail);
        printErr(message);
        if (inv.global.json)
            printJson({{QStringLiteral("command"), inv.command},
                       {QStringLiteral("status"), QStringLiteral("chain_not_checked")},
                       {QStringLiteral("exit_code"), ExitAuditNotChecked},
                       {QStringLiteral("message"), detail}});
        return ExitAuditNotChecked;
    }
    const bool ok = verification.chain_ok();
    if (inv.global.json) {
        printJson({{QStringLiteral("command"), inv.command},
                   {QStringLiteral("status"), ok ? QStringLiteral("chain_ok") : QStringLiteral("chain_broken")},
                   {QStringLiteral("exit_code"), ok ? ExitOk : ExitAuditBroken},
                   {QStringLiteral("rows_checked"), double(verification.rows_checked())},
                   {QStringLiteral("first_broken_id"), double(verification.first_broken_id())},
                   {QStringLiteral("message"), detail}});
    } else if (ok) {
        printOut(QStringLiteral("audit chain ok: %1 rows checked\n").arg(verification.rows_checked()));
    } else {
        printOut(QStringLiteral("audit chain BROKEN at row %1: %2 (%3 rows checked)\n")
                     .arg(verification.first_broken_id())
                     .arg(detail)
                     .arg(verification.rows_checked()));
    }
    return ok ? ExitOk : ExitAuditBroken;
}

int runAudit(const Invocation &inv, CtlSession &session)
{
    google::protobuf::RepeatedPtrField<AuditEntry> entries;
    AuditResponse verification;
    std::uint64_t after = inv.afterId;
    // Page until the server says there is no more (or --limit is reached);
    // every page is one bounded wait.
    for (;;) {
        AuditRequest request;
        request.set_request_id(newId().toStdString());
        request.set_after_id(after);
        request.set_verify(inv.verify);
        if (inv.limit > 0)
            request.set_limit(inv.limit - std::uint32_t(entries.size()));
        auto response = session.runAudit(request);
        if (!response)
            return failWith(inv, ExitConnection, session.errorString());
        if (inv.verify) {
            verification = *response;
            break;
        }
        for (AuditEntry &e : *response->mutable_entries())
            *entries.Add() = std::move(e);
        if (!response->more() || response->entries_size() == 0
            || (inv.limit > 0 && std::uint32_t(entries.size()) >= inv.limit))
            break;
        // A server that pages without moving forward would keep us here
        // for ever; stop instead.
        const std::uint64_t last = entries.at(entries.size() - 1).id();
        if (last <= after)
            return failWith(inv, ExitConnection, QStringLiteral("the server's audit pages do not advance past id %1").arg(after));
        after = last;
    }

    if (inv.verify)
        return reportVerification(inv, verification);
    if (inv.csv) {
        printOut(auditCsv(entries, liveClock(session.snapshot())));
    } else if (inv.global.json) {
        QJsonArray list;
        for (const AuditEntry &e : entries)
            list.append(auditEntryJson(e, liveClock(session.snapshot())));
        printJson({{QStringLiteral("command"), inv.command}, {QStringLiteral("status"), QStringLiteral("ok")},
                   {QStringLiteral("entries"), list}});
    } else {
        printOut(auditText(entries, liveClock(session.snapshot())));
    }
    return ExitOk;
}

} // namespace

int runInvocation(const Invocation &inv)
{
    if (inv.command == QStringLiteral("hash-password"))
        return runHashPassword(inv);

    CtlSession session(inv.global);
    // Moves between gateways are said as they happen, beside the output.
    session.setNoteSink(printErr);
    if (!session.open())
        return failWith(inv, ExitConnection, session.errorString());
    if (inv.command == QStringLiteral("status"))
        return runStatus(inv, session);
    if (inv.command == QStringLiteral("pending"))
        return runPending(inv, session);
    if (inv.command == QStringLiteral("audit"))
        return runAudit(inv, session);
    if (inv.command == QStringLiteral("alerts"))
        return runAlerts(inv, session);
    return runStateChange(inv, session);
}

} // namespace sitroom::ctl
