#include "tests/support/ChaosPlan.h"

#include <QJsonArray>

namespace sitroom::testing {

QJsonObject ChaosFigures::toJson() const
{
    return QJsonObject{
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("commands_sent"), sent},
        {QStringLiteral("sends"), sends},
        {QStringLiteral("resent"), resent},
        {QStringLiteral("resent_applied"), resentApplied},
        {QStringLiteral("applied"), applied},
        {QStringLiteral("conflicts"), conflicts},
        {QStringLiteral("conflicts_on_purpose"), conflictsOnPurpose},
        {QStringLiteral("conflicts_raced"), conflictsRaced},
        {QStringLiteral("refused"), refused},
        {QStringLiteral("viewer_refused"), viewerRefused},
        {QStringLiteral("delivery_failed"), deliveryFailed},
        {QStringLiteral("other_status"), otherStatus},
        {QStringLiteral("kills"), kills},
        {QStringLiteral("kills_in_delivery"), killsInDelivery},
        {QStringLiteral("restarts"), restarts},
        {QStringLiteral("reconnects"), reconnects},
        {QStringLiteral("hops"), hops},
        {QStringLiteral("answered_by_seoul"), throughSeoul},
        {QStringLiteral("answered_by_osong"), throughOsong},
        {QStringLiteral("first_revision"), QString::number(firstRevision)},
        {QStringLiteral("last_revision"), QString::number(lastRevision)},
        {QStringLiteral("audit_rows"), QString::number(auditRows)},
        {QStringLiteral("restores"), QString::number(restores)},
        {QStringLiteral("deliveries_retried"), QString::number(deliveriesRetried)},
        {QStringLiteral("traffic_ms"), double(trafficMs)},
        {QStringLiteral("wall_ms"), double(wallMs)},
        {QStringLiteral("checks_passed"), QJsonArray::fromStringList(checksPassed)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
    };
}

QString ChaosFigures::summary() const
{
    QString s;
    s += QStringLiteral("seed %1: %2 clients sent %3 commands (%4 sends; %5 resent with the same command_id after their "
                        "gateway went, %6 of them answered applied)\n")
             .arg(seed)
             .arg(clients)
             .arg(sent)
             .arg(sends)
             .arg(resent)
             .arg(resentApplied);
    s += QStringLiteral("applied %1, conflicts %2 (%3 on a revision known to be old, %4 lost a race), refused %5 "
                        "(%6 of the viewer), delivery failed %7, other %8\n")
             .arg(applied)
             .arg(conflicts)
             .arg(conflictsOnPurpose)
             .arg(conflictsRaced)
             .arg(refused)
             .arg(viewerRefused)
             .arg(deliveryFailed)
             .arg(otherStatus);
    s += QStringLiteral("answered by seoul-gw %1, by osong-gw %2; %3 kills (SIGKILL; %4 of the gateway holding a delivery), "
                        "%5 restarts, %6 reconnects, %7 moves by choice\n")
             .arg(throughSeoul)
             .arg(throughOsong)
             .arg(kills)
             .arg(killsInDelivery)
             .arg(restarts)
             .arg(reconnects)
             .arg(hops);
    s += QStringLiteral("revisions %1 to %2, %3 audit rows, %4 deliveries on a later attempt, %5 restores; traffic %6 s, "
                        "wall %7 s\n")
             .arg(firstRevision)
             .arg(lastRevision)
             .arg(auditRows)
             .arg(deliveriesRetried)
             .arg(restores)
             .arg(trafficMs / 1000.0, 0, 'f', 1)
             .arg(wallMs / 1000.0, 0, 'f', 1);
    for (const QString &note : notes)
        s += note + QLatin1Char('\n');
    if (!checksPassed.isEmpty())
        s += QStringLiteral("checks passed: %1\n").arg(checksPassed.join(QStringLiteral("; ")));
    return s;
}

} // namespace sitroom::testing
