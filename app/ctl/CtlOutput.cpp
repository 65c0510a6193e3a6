#include "app/ctl/CtlOutput.h"

#include "app/ctl/CtlCommandRoom.h"

#include "proto/sitroom/SiteKey.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QTimeZone>

#include <google/protobuf/util/json_util.h>

#include <cstdlib>
#include <map>

namespace sitroom::ctl {

using namespace sitroom::v1;

QString lightWord(Light light)
{
    switch (light) {
    case LIGHT_GREEN: return QStringLiteral("원활 (smooth)");
    case LIGHT_YELLOW: return QStringLiteral("지연 (delayed)");
    case LIGHT_RED: return QStringLiteral("혼잡 (congested)");
    case LIGHT_SUSPENDED: return QStringLiteral("중단 (suspended)");
    default: return QStringLiteral("- (unknown)");
    }
}

QString siteName(quint32 site)
{
    const QString key = siteKey(site);
    return key.isEmpty() ? QStringLiteral("-") : key;
}

QString statusName(CommandStatus status)
{
    switch (status) {
    case COMMAND_APPLIED: return QStringLiteral("applied");
    case COMMAND_PENDING_APPROVAL: return QStringLiteral("pending_approval");
    case COMMAND_REFUSED: return QStringLiteral("refused");
    case COMMAND_CONFLICT: return QStringLiteral("conflict");
    case COMMAND_INVALID: return QStringLiteral("invalid");
    case COMMAND_EXPIRED: return QStringLiteral("expired");
    default: return QStringLiteral("unspecified");
    }
}

QString stageName(CommandStage stage)
{
    switch (stage) {
    case COMMAND_STAGE_SENT: return QStringLiteral("sent");
    case COMMAND_STAGE_ACCEPTED: return QStringLiteral("accepted");
    case COMMAND_STAGE_EFFECT_SEEN: return QStringLiteral("effect_seen");
    case COMMAND_STAGE_EFFECT_NOT_SEEN: return QStringLiteral("effect_not_seen");
    case COMMAND_STAGE_DELIVERY_FAILED: return QStringLiteral("delivery_failed");
    default: return QString();
    }
}

sitroom::domain::LiveClock liveClock(const Snapshot &snapshot)
{
    return sitroom::domain::LiveClock(QString::fromStdString(snapshot.configuration().timezone()));
}

QString formatDurationS(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("-") + formatDurationS(-seconds);
    const qint64 h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1h %2m").arg(h).arg(m);
    if (m > 0)
        return QStringLiteral("%1m %2s").arg(m).arg(s);
    return QStringLiteral("%1s").arg(s);
}

QString actorText(const Actor &actor, const sitroom::domain::LiveClock &clock, qint64 liveTimeMs)
{
    using sitroom::domain::LiveClock;
    if (actor.user().empty())
        return QStringLiteral("nobody yet");
    const LiveClock::Stamp when = liveTimeMs > 0 ? LiveClock::Stamp{liveTimeMs, LiveClock::Source::LiveSystem}
                                                 : LiveClock::Stamp{actor.time_ms(), LiveClock::Source::GatewayWall};
    QString text = QStringLiteral("%1 (%2) at %3").arg(QString::fromStdString(actor.user()), siteName(actor.site()),
                                                       clock.labelled(when, kDateTimeFormat));
    if (!actor.reason().empty())
        text += QStringLiteral(": \"%1\"").arg(QString::fromStdString(actor.reason()));
    return text;
}

QString describeCommand(const Command &command)
{
    switch (command.action_case()) {
    case Command::kSetAdmissionRate:
        return QStringLiteral("throttle to %1/s").arg(command.set_admission_rate().rate_per_s());
    case Command::kPauseAdmission: return QStringLiteral("pause admission");
    case Command::kResumeAdmission: return QStringLiteral("resume admission");
    case Command::kSetProviderEnabled: {
        const auto &p = command.set_provider_enabled();
        const QString id = QString::fromStdString(p.provider_id());
        if (p.enabled())
            return QStringLiteral("enable %1").arg(id);
        return p.disable_for_s() > 0 ? QStringLiteral("disable %1 for %2").arg(id, formatDurationS(p.disable_for_s()))
                                     : QStringLiteral("disable %1").arg(id);
    }
    case Command::kApprove:
        return QStringLiteral("approve %1").arg(QString::fromStdString(command.approve().request_id()));
    case Command::kAcknowledgeAlert:
        return QStringLiteral("acknowledge alert %1").arg(QString::fromStdString(command.acknowledge_alert().alert_id()));
    case Command::kShelveAlert:
        return QStringLiteral("shelve alert %1 for %2")
            .arg(QString::fromStdString(command.shelve_alert().alert_id()), formatDurationS(command.shelve_alert().duration_s()));
    case Command::kUnshelveAlert:
        return QStringLiteral("unshelve alert %1").arg(QString::fromStdString(command.unshelve_alert().alert_id()));
    case Command::kRequestHandover:
    case Command::kAnswerHandover:
    case Command::kTakeCommand:
        return describeRoomAction(command);
    default: return QStringLiteral("(other command)");
    }
}

namespace {

bool isStale(const SystemState &state, const std::string &figure)
{
    for (const StaleFigure &f : state.stale())
        if (f.figure() == figure)
            return true;
    return false;
}

// A figure as text, or "-" while the source could not read it fresh.
QString figure(const SystemState &state, const std::string &name, double value, int width, int decimals)
{
    return isStale(state, name) ? QStringLiteral("%1").arg(QStringLiteral("-"), width)
                                : QStringLiteral("%1").arg(value, width, 'f', decimals);
}

QString staleReasonName(StaleReason reason)
{
    switch (reason) {
    case STALE_SOURCE_UNREACHABLE: return QStringLiteral("source_unreachable");
    case STALE_QUERY_FAILED: return QStringLiteral("query_failed");
    case STALE_NO_DATA: return QStringLiteral("no_data");
    case STALE_TARGET_DOWN: return QStringLiteral("target_down");
    default: return QStringLiteral("unknown");
    }
}

QString staleReasonText(StaleReason reason)
{
    switch (reason) {
    case STALE_SOURCE_UNREACHABLE: return QStringLiteral("the monitoring source does not answer");
    case STALE_QUERY_FAILED: return QStringLiteral("the query fails");
    case STALE_NO_DATA: return QStringLiteral("no data");
    case STALE_TARGET_DOWN: return QStringLiteral("the live system's scrape target is down (up == 0)");
    default: return QStringLiteral("not fresh");
    }
}

// "stale  14 figures ..." grouped by reason, each with its figures.
QString staleText(const SystemState &state)
{
    if (state.stale_size() == 0)
        return {};
    QString text = QStringLiteral("STALE        %1 figure%2 not fresh from the source:\n")
                       .arg(state.stale_size()).arg(state.stale_size() == 1 ? QString() : QStringLiteral("s"));
    std::map<int, QStringList> byReason;
    std::map<int, QString> detail;
    for (const StaleFigure &f : state.stale()) {
        byReason[f.reason()] << QString::fromStdString(f.figure());
        detail.emplace(f.reason(), QString::fromStdString(f.detail()));
    }
    for (const auto &[reason, figures] : byReason) {
        text += QStringLiteral("  %1%2: %3\n")
                    .arg(staleReasonText(StaleReason(reason)),
                         detail[reason].isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail[reason]),
                         figures.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace

QString statusText(const Snapshot &snapshot, qint64 wallMs)
{
    const Configuration &config = snapshot.configuration();
    const SystemState &state = snapshot.state();
    const AdmissionState &admission = state.admission();
    const sitroom::domain::LiveClock clock = liveClock(snapshot);
    QString scenarioTime = clock.labelled(state.sim_time_ms(), kDateTimeFormat) + QStringLiteral(" (live system)");
    // A simulation's clock beside the wall clock, both named, when they differ.
    if (wallMs > 0 && state.sim_time_ms() > 0
        && (std::llabs(state.sim_time_ms() - wallMs) > 5000 || (config.speed() != 1.0 && config.source().rfind("sim:", 0) == 0)))
        scenarioTime = clock.labelled(state.sim_time_ms(), kDateTimeFormat) + QStringLiteral(" (simulation), wall clock ")
            + clock.labelled(wallMs, kDateTimeFormat);
    QString text;
    // First, so a script or a reader never takes a drill for real operations.
    if (config.drill())
        text += QStringLiteral("DRILL        an exercise, not real operations\n");
    text += QStringLiteral("scenario     %1 (%2)\n")
                .arg(QString::fromStdString(config.scenario_id()), QString::fromStdString(config.scenario_name().en()));
    if (!config.source().empty())
        text += QStringLiteral("source       %1\n").arg(QString::fromStdString(config.source()));
    text += QStringLiteral("time         %1\n").arg(scenarioTime);
    text += QStringLiteral("queue        %1 waiting, %2 admitted/s, %3 arriving/s\n")
                .arg(isStale(state, "queue_depth") ? QStringLiteral("-") : QString::number(admission.queue_depth()))
                .arg(figure(state, "admitted_per_s", admission.admitted_per_s(), 0, 1))
                .arg(figure(state, "arrivals_per_s", admission.arrivals_per_s(), 0, 1));
    text += QStringLiteral("throttle     %1/s%2\n")
                .arg(snapshot.control().admission_rate_per_s(), 0, 'f', 0)
                .arg(snapshot.control().admission_paused() || admission.paused() ? QStringLiteral(", PAUSED") : QString());
    text += QStringLiteral("providers\n");
    for (const ProviderState &p : state.providers()) {
        const std::string prefix = "provider." + p.id() + '.';
        text += QStringLiteral("  %1 %2 p95 %3 ms  share %4%%5\n")
                    .arg(QString::fromStdString(p.id()), -12)
                    .arg(isStale(state, prefix + "light") ? QStringLiteral("- (stale)") : lightWord(p.light()), -18)
                    .arg(figure(state, prefix + "p95_latency_ms", p.p95_latency_ms(), 6, 0))
                    .arg(figure(state, prefix + "requests_per_s", p.share() * 100, 5, 1))
                    .arg(p.enabled() ? QString() : QStringLiteral("  (disabled)"));
    }
    text += staleText(state);
    text += controlText(snapshot.control(), clock);
    return text;
}

QString controlText(const ControlState &control, const sitroom::domain::LiveClock &clock)
{
    QString text = QStringLiteral("control      revision %1, %2 pending approval%3\n")
                       .arg(control.revision())
                       .arg(control.pending_size())
                       .arg(control.pending_size() == 1 ? QString() : QStringLiteral("s"));
    // The values a command acts on, so a conflict shows what is in force now.
    QStringList disabled;
    for (const ProviderControl &p : control.providers()) {
        if (p.enabled())
            continue;
        disabled << (p.disabled_until_ms() > 0 ? QStringLiteral("%1 (until %2)").arg(QString::fromStdString(p.id()),
                                                                                   clock.labelled(p.disabled_until_ms(), kDateTimeFormat))
                                               : QString::fromStdString(p.id()));
    }
    text += QStringLiteral("in force     admission %1/s%2; disabled providers: %3\n")
                .arg(control.admission_rate_per_s(), 0, 'f', 0)
                .arg(control.admission_paused() ? QStringLiteral(" (paused)") : QString())
                .arg(disabled.isEmpty() ? QStringLiteral("none") : disabled.join(QStringLiteral(", ")));
    text += QStringLiteral("last change  %1\n").arg(actorText(control.last_changed_by(), clock));
    text += commandRoomText(control, clock);
    return text;
}

QJsonObject statusJson(const Snapshot &snapshot)
{
    const Configuration &config = snapshot.configuration();
    const SystemState &state = snapshot.state();
    QJsonObject o;
    o.insert(QStringLiteral("scenario"), QString::fromStdString(config.scenario_id()));
    o.insert(QStringLiteral("scenario_name"), QString::fromStdString(config.scenario_name().en()));
    o.insert(QStringLiteral("drill"), config.drill());
    o.insert(QStringLiteral("sim_time_ms"), double(state.sim_time_ms()));
    o.insert(QStringLiteral("queue_depth"), double(state.admission().queue_depth()));
    o.insert(QStringLiteral("admission_rate_per_s"), snapshot.control().admission_rate_per_s());
    o.insert(QStringLiteral("paused"), snapshot.control().admission_paused() || state.admission().paused());
    QJsonArray providers;
    for (const ProviderState &p : state.providers()) {
        QJsonObject j;
        j.insert(QStringLiteral("id"), QString::fromStdString(p.id()));
        j.insert(QStringLiteral("light"), lightWord(p.light()));
        j.insert(QStringLiteral("enabled"), p.enabled());
        j.insert(QStringLiteral("p95_latency_ms"), p.p95_latency_ms());
        j.insert(QStringLiteral("share"), p.share());
        providers.append(j);
    }
    o.insert(QStringLiteral("providers"), providers);
    o.insert(QStringLiteral("revision"), double(snapshot.control().revision()));
    o.insert(QStringLiteral("pending_count"), snapshot.control().pending_size());
    o.insert(QStringLiteral("control"), messageJson(snapshot.control()));
    o.insert(QStringLiteral("command_room"), commandRoomJson(snapshot.control()));
    o.insert(QStringLiteral("source"), QString::fromStdString(config.source()));
    QJsonArray stale;
    for (const StaleFigure &f : state.stale()) {
        stale.append(QJsonObject{{QStringLiteral("figure"), QString::fromStdString(f.figure())},
                                 {QStringLiteral("reason"), staleReasonName(f.reason())},
                                 {QStringLiteral("detail"), QString::fromStdString(f.detail())},
                                 {QStringLiteral("since_ms"), double(f.since_ms())}});
    }
    o.insert(QStringLiteral("stale"), stale);
    return o;
}

QString pendingText(const ControlState &control, qint64 nowMs, const sitroom::domain::LiveClock &clock)
{
    if (control.pending_size() == 0)
        return QStringLiteral("no requests waiting for approval\n");
    QString text;
    for (const PendingApproval &p : control.pending()) {
        text += QStringLiteral("%1  %2  by %3  expires in %4\n")
                    .arg(QString::fromStdString(p.request_id()), describeCommand(p.command()), actorText(p.requested_by(), clock),
                         formatDurationS((p.expires_ms() - nowMs) / 1000));
    }
    return text;
}

QJsonArray pendingJson(const ControlState &control, qint64 nowMs)
{
    QJsonArray list;
    for (const PendingApproval &p : control.pending()) {
        QJsonObject j;
        j.insert(QStringLiteral("request_id"), QString::fromStdString(p.request_id()));
        j.insert(QStringLiteral("what"), describeCommand(p.command()));
        j.insert(QStringLiteral("user"), QString::fromStdString(p.requested_by().user()));
        j.insert(QStringLiteral("site"), siteName(p.requested_by().site()));
        j.insert(QStringLiteral("reason"), QString::fromStdString(p.requested_by().reason()));
        j.insert(QStringLiteral("expires_ms"), double(p.expires_ms()));
        j.insert(QStringLiteral("expires_in_s"), double((p.expires_ms() - nowMs) / 1000));
        list.append(j);
    }
    return list;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString auditText(const google::protobuf::RepeatedPtrField<AuditEntry> &entries, const sitroom::domain::LiveClock &clock)
{
    using sitroom::domain::LiveClock;
    if (entries.empty())
        return QStringLiteral("no audit entries\n");
    QString text;
    for (const AuditEntry &e : entries) {
        text += QStringLiteral("%1  %2  %3 (%4)  %5  %6")
                    .arg(e.id())
                    .arg(clock.labelled(LiveClock::auditStamp(e.source_time_ms(), e.time_ms()), kDateTimeFormat),
                         QString::fromStdString(e.user()), siteName(e.site()),
                         QString::fromStdString(e.action()), QString::fromStdString(e.outcome()));
        if (!e.reason().empty())
            text += QStringLiteral("  \"%1\"").arg(QString::fromStdString(e.reason()));
        if (!e.before().empty() || !e.after().empty())
            text += QStringLiteral("  %1 -> %2").arg(QString::fromStdString(e.before()), QString::fromStdString(e.after()));
        text += u'\n';
    }
    return text;
}

QString auditCsv(const google::protobuf::RepeatedPtrField<AuditEntry> &entries, const sitroom::domain::LiveClock &clock)
{
    using sitroom::domain::LiveClock;
    // RFC 4180: CRLF line ends, a header row.
    QString text = QStringLiteral("id,%1,clock,user,site,action,reason,before,after,outcome\r\n")
                       .arg(csvField(QStringLiteral("time (live system, %1)").arg(clock.zoneLabel())));
    for (const AuditEntry &e : entries) {
        const LiveClock::Stamp stamp = LiveClock::auditStamp(e.source_time_ms(), e.time_ms());
        const QString source = stamp.source == LiveClock::Source::LiveSystem ? QStringLiteral("live system")
                                                                              : QStringLiteral("gateway");
        const QStringList fields = {QString::number(e.id()), clock.iso(stamp.ms), source,
                                    QString::fromStdString(e.user()), siteName(e.site()),
                                    QString::fromStdString(e.action()), QString::fromStdString(e.reason()),
                                    QString::fromStdString(e.before()), QString::fromStdString(e.after()),
                                    QString::fromStdString(e.outcome())};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        text += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return text;
}

QJsonObject auditEntryJson(const AuditEntry &entry, const sitroom::domain::LiveClock &clock)
{
    using sitroom::domain::LiveClock;
    const LiveClock::Stamp stamp = LiveClock::auditStamp(entry.source_time_ms(), entry.time_ms());
    QJsonObject j;
    j.insert(QStringLiteral("id"), double(entry.id()));
    // "time": the live system's clock in its zone (ISO 8601 with the offset);
    // "clock" says when it is the gateway's wall clock instead (an old row).
    j.insert(QStringLiteral("time"), clock.iso(stamp.ms));
    j.insert(QStringLiteral("clock"), stamp.source == LiveClock::Source::LiveSystem ? QStringLiteral("live_system")
                                                                                     : QStringLiteral("gateway"));
    j.insert(QStringLiteral("time_ms"), double(entry.time_ms()));
    j.insert(QStringLiteral("source_time_ms"), double(entry.source_time_ms()));
    j.insert(QStringLiteral("command_id"), QString::fromStdString(entry.command_id()));
    j.insert(QStringLiteral("user"), QString::fromStdString(entry.user()));
    j.insert(QStringLiteral("site"), siteName(entry.site()));
    j.insert(QStringLiteral("action"), QString::fromStdString(entry.action()));
    j.insert(QStringLiteral("reason"), QString::fromStdString(entry.reason()));
    j.insert(QStringLiteral("before"), QString::fromStdString(entry.before()));
    j.insert(QStringLiteral("after"), QString::fromStdString(entry.after()));
    j.insert(QStringLiteral("outcome"), QString::fromStdString(entry.outcome()));
    j.insert(QStringLiteral("hash"), QString::fromLatin1(QByteArray::fromStdString(entry.hash()).toHex()));
    return j;
}

QJsonObject messageJson(const google::protobuf::Message &message)
{
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    options.always_print_primitive_fields = true;
    options.preserve_proto_field_names = true;
    if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

} // namespace sitroom::ctl
