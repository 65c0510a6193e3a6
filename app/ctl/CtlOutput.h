#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <google/protobuf/message.h>

namespace sitroom::ctl {

// Text and JSON renderings of what the server sent. Text is for a person at
// a terminal; JSON is one object per run, for scripts.

QString lightWord(sitroom::v1::Light light);       // "원활 (smooth)"
QString siteName(quint32 site);                    // "seoul", … , "-" when unset
QString statusName(sitroom::v1::CommandStatus status);  // "applied", "pending_approval", …
QString stageName(sitroom::v1::CommandStage stage);     // "sent", "accepted", "effect_seen", …; "" when unset
QString formatTimeMs(qint64 ms);                   // local wall clock, ISO-like
QString formatDurationS(qint64 seconds);           // "4m 30s"
// The live system's clock in the scenario's time zone.
QString formatScenarioTimeMs(qint64 ms, const sitroom::v1::Configuration &configuration, const QString &format);

QString actorText(const sitroom::v1::Actor &actor);  // "kim (seoul) at …: reason"
QString describeCommand(const sitroom::v1::Command &command);  // "disable kakao for 10m"

QString statusText(const sitroom::v1::Snapshot &snapshot);
QJsonObject statusJson(const sitroom::v1::Snapshot &snapshot);

QString controlText(const sitroom::v1::ControlState &control);
QString pendingText(const sitroom::v1::ControlState &control, qint64 nowMs);
QJsonArray pendingJson(const sitroom::v1::ControlState &control, qint64 nowMs);

QString auditText(const google::protobuf::RepeatedPtrField<sitroom::v1::AuditEntry> &entries);
QString auditCsv(const google::protobuf::RepeatedPtrField<sitroom::v1::AuditEntry> &entries);
QJsonObject auditEntryJson(const sitroom::v1::AuditEntry &entry);
// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF.
QString csvField(const QString &text);

// Any message as JSON through protobuf's own mapping (field names in
// lowerCamelCase, 64-bit integers as strings).
QJsonObject messageJson(const google::protobuf::Message &message);

} // namespace sitroom::ctl
