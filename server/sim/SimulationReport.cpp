#include "server/sim/SimulationReport.h"

#include "server/sim/Simulation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace sitroom::sim {

namespace {

QString isoTime(std::int64_t ms, int utcOffsetS)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, utcOffsetS).toString(Qt::ISODate);
}

} // namespace

QJsonObject simulationReport(const Simulation &simulation)
{
    const SimulationTotals &t = simulation.totals();
    const Scenario &s = simulation.scenario();
    QJsonArray providers;
    for (const ProviderTotals &p : t.providers) {
        providers.append(QJsonObject{
            {QStringLiteral("id"), p.id},
            {QStringLiteral("auth_attempts"), double(p.authAttempts)},
            {QStringLiteral("auth_success"), double(p.authSuccess)},
            {QStringLiteral("seconds_green"), double(p.secondsGreen)},
            {QStringLiteral("seconds_yellow"), double(p.secondsYellow)},
            {QStringLiteral("seconds_red"), double(p.secondsRed)},
            {QStringLiteral("seconds_disabled"), double(p.secondsDisabled)},
        });
    }
    QJsonArray cohorts;
    for (const CohortStatus &c : simulation.state().cohorts) {
        cohorts.append(QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("eligible"), double(c.eligible)},
            {QStringLiteral("booked"), double(c.booked)},
        });
    }
    const double bookings = double(t.bookingsTotal);
    return QJsonObject{
        {QStringLiteral("scenario"), s.id},
        {QStringLiteral("seed"), QString::number(simulation.seed())},
        {QStringLiteral("start"), isoTime(s.startMs, s.utcOffsetS)},
        {QStringLiteral("virtual_seconds"), double(t.virtualSeconds)},
        {QStringLiteral("bookings_total"), bookings},
        {QStringLiteral("bookings_first_30min"), double(t.bookingsFirst30Min)},
        {QStringLiteral("window_opening"), isoTime(t.referenceOpenMs, s.utcOffsetS)},
        {QStringLiteral("first_30min_share"), bookings > 0 ? double(t.bookingsFirst30Min) / bookings : 0.0},
        {QStringLiteral("auth_attempts_total"), double(t.authAttemptsTotal)},
        {QStringLiteral("auth_attempts_per_booking"), bookings > 0 ? double(t.authAttemptsTotal) / bookings : 0.0},
        {QStringLiteral("peak_queue_depth"), double(t.peakQueueDepth)},
        {QStringLiteral("peak_queue_at"), isoTime(t.peakQueueAtMs, s.utcOffsetS)},
        {QStringLiteral("arrivals_total"), double(t.arrivalsTotal)},
        {QStringLiteral("abandoned_total"), double(t.abandonedTotal)},
        {QStringLiteral("providers"), providers},
        {QStringLiteral("cohorts"), cohorts},
    };
}

bool writeSimulationReport(const Simulation &simulation, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the report to %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(simulationReport(simulation)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write the report to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sitroom::sim
