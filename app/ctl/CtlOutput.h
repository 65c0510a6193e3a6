#pragma once

#include "domain/LiveClock.h"
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
QString formatDurationS(qint64 seconds);           // "4m 30s"

// Every time shown is on the live system's clock, in its zone (the
// configuration's; KST when it names none), labelled: "2021-08-09 20:01:27 KST".
// A time the gateway took on its wall clock (who changed what, old audit rows)
// is shown in the same zone and says "(gateway clock)".
sitroom::domain::LiveClock liveClock(const sitroom::v1::Snapshot &snapshot);
inline const QString kDateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

// "kim (seoul) at … KST (gateway clock): reason"; at liveTimeMs on the live
// system's clock instead when the caller knows it (an alert's transition).
QString actorText(const sitroom::v1::Actor &actor, const sitroom::domain::LiveClock &clock, qint64 liveTimeMs = 0);
QString describeCommand(const sitroom::v1::Command &command);  // "disable kakao for 10m"

// wallMs: the gateway's wall clock when the snapshot was sent; shown beside
// the live system's clock when the two differ (a simulation).
QString statusText(const sitroom::v1::Snapshot &snapshot, qint64 wallMs = 0);
QJsonObject statusJson(const sitroom::v1::Snapshot &snapshot);

QString controlText(const sitroom::v1::ControlState &control, const sitroom::domain::LiveClock &clock);
QString pendingText(const sitroom::v1::ControlState &control, qint64 nowMs, const sitroom::domain::LiveClock &clock);
QJsonArray pendingJson(const sitroom::v1::ControlState &control, qint64 nowMs);

QString auditText(const google::protobuf::RepeatedPtrField<sitroom::v1::AuditEntry> &entries,
                  const sitroom::domain::LiveClock &clock);
// Columns as the console's export: id, time (live system, KST) as ISO 8601
// with the offset, clock ("live system", or "gateway" for a row that has only
// the wall clock), user, site, action, reason, before, after, outcome.
QString auditCsv(const google::protobuf::RepeatedPtrField<sitroom::v1::AuditEntry> &entries,
                 const sitroom::domain::LiveClock &clock);
QJsonObject auditEntryJson(const sitroom::v1::AuditEntry &entry, const sitroom::domain::LiveClock &clock);
// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF.
QString csvField(const QString &text);

// Any message as JSON through protobuf's own mapping (field names in
// lowerCamelCase, 64-bit integers as strings).
QJsonObject messageJson(const google::protobuf::Message &message);

} // namespace sitroom::ctl
