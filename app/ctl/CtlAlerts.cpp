#include "app/ctl/CtlAlerts.h"

#include "app/ctl/CtlOutput.h"

#include "proto/sitroom/ProtoText.h"
#include "proto/sitroom/SeverityKey.h"

#include <QJsonArray>

#include <algorithm>
#include <vector>

namespace sitroom::ctl {

using namespace sitroom::v1;

namespace {

std::vector<const Alert *> sorted(const Snapshot &snapshot)
{
    std::vector<const Alert *> list;
    for (const Alert &a : snapshot.active_alerts())
        list.push_back(&a);
    std::stable_sort(list.begin(), list.end(), [](const Alert *a, const Alert *b) {
        if (a->severity() != b->severity())
            return a->severity() > b->severity();
        return a->raised_ms() > b->raised_ms();
    });
    return list;
}

} // namespace

QString severityName(Severity severity)
{
    const QString key = severityKey(severity);
    return key.isEmpty() ? QStringLiteral("-") : key;
}

QString alertStateName(AlertState state)
{
    switch (state) {
    case ALERT_ACTIVE_UNACKED: return QStringLiteral("active-unacked");
    case ALERT_ACTIVE_ACKED: return QStringLiteral("active-acked");
    case ALERT_RTN_UNACKED: return QStringLiteral("returned-unacked");
    case ALERT_SHELVED: return QStringLiteral("shelved");
    case ALERT_CLEARED: return QStringLiteral("cleared");
    default: return QStringLiteral("-");
    }
}

QString alertsText(const Snapshot &snapshot)
{
    const SystemState &state = snapshot.state();
    QString text = QStringLiteral("alarm load   %1 started in the last 10 min (ISA-18.2: about 1-2 calm, over 10 a flood)%2\n")
                       .arg(state.alerts_last_10min())
                       .arg(state.alert_flood() ? QStringLiteral(", FLOOD: grouped by source") : QString());
    const auto list = sorted(snapshot);
    if (list.empty())
        return text + QStringLiteral("no open alerts\n");
    const QString timeFormat = QStringLiteral("HH:mm:ss");
    const sitroom::domain::LiveClock clock = liveClock(snapshot);
    for (const Alert *a : list) {
        QString line = QStringLiteral("%1  %2  %3  %4  %5  %6")
                           .arg(fromProto(a->id()), -6)
                           .arg(severityName(a->severity()), -8)
                           .arg(alertStateName(a->state()), -16)
                           .arg(clock.labelled(a->raised_ms(), timeFormat), -12)
                           .arg(fromProto(a->source()), -20)
                           .arg(fromProto(a->message().en()));
        if (a->first_out())
            line += QStringLiteral("  [first out]");
        text += line + u'\n';
        if (a->state() == ALERT_SHELVED)
            text += QStringLiteral("        shelved until %1 by %2\n")
                        .arg(clock.labelled(a->shelved_until_ms(), timeFormat),
                             actorText(a->shelved_by(), clock));
        else if (!a->acknowledged_by().user().empty())
            text += QStringLiteral("        acknowledged by %1%2\n")
                        // Acknowledged, the alert's last transition is the
                        // acknowledgement, on the live system's clock.
                        .arg(actorText(a->acknowledged_by(), clock,
                                       a->state() == ALERT_ACTIVE_ACKED ? a->changed_ms() : 0),
                             a->runbook_step().empty() ? QString() : QStringLiteral("; runbook step: ") + fromProto(a->runbook_step()));
        if (!a->runbook().empty())
            text += QStringLiteral("        runbook %1\n").arg(fromProto(a->runbook()));
    }
    return text;
}

QJsonObject alertsJson(const Snapshot &snapshot)
{
    QJsonArray list;
    for (const Alert *a : sorted(snapshot)) {
        QJsonObject o = messageJson(*a);
        // Plain names beside protobuf's enum names, for scripts that grep.
        o.insert(QStringLiteral("severityName"), severityName(a->severity()));
        o.insert(QStringLiteral("stateName"), alertStateName(a->state()));
        list.append(o);
    }
    return {{QStringLiteral("alerts_last_10min"), double(snapshot.state().alerts_last_10min())},
            {QStringLiteral("flood"), snapshot.state().alert_flood()},
            {QStringLiteral("alerts"), list}};
}

} // namespace sitroom::ctl
