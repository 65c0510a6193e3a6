// The shipped rules on the shipped scenarios' openings (the first two hours,
// one observation a simulated second): the alerts a room should get, and no
// storm. The full-day alarm load is bench/AlarmLoad.cpp's (docs/alerts.md).
#include "server/alerts/AlertEngine.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/SimTelemetry.h"
#include "server/sim/Simulation.h"

#include <QTest>

#include <map>
#include <set>

namespace v1 = sitroom::v1;
using sitroom::alerts::AlertEngine;

namespace {

struct Run
{
    std::map<std::string, v1::Severity> raised;   // key -> worst severity
    int starts = 0;
    bool flood = false;
    // At the flood's height (most alerts open while it lasted): the groups the
    // open alerts fell into, and the first-out alert's key.
    std::set<std::string> floodGroups;
    std::string firstOutKey;
};

Run run(const QString &name, std::int64_t seconds)
{
    sitroom::sim::ScenarioLoader loader;
    const auto scenario = loader.load(name);
    if (!scenario)
        qFatal("%s", qPrintable(loader.error()));
    sitroom::sim::Simulation simulation(*scenario, 1);
    AlertEngine engine(sitroom::alerts::defaultAlertRules());
    engine.setConfiguration(sitroom::sim::configurationOf(simulation, 0));
    Run out;
    for (std::int64_t s = 0; s < seconds && !simulation.finished(); ++s) {
        simulation.step();
        const v1::SystemState state = sitroom::sim::systemStateOf(simulation);
        engine.observe(state, state.sim_time_ms());
        for (const auto &record : engine.takeTransitions()) {
            if (record.transition == v1::TRANSITION_RAISED || record.transition == v1::TRANSITION_REACTIVATED)
                ++out.starts;
            auto &worst = out.raised[record.alert.key()];
            worst = std::max(worst, record.alert.severity());
        }
        out.flood = out.flood || engine.flood();
        if (engine.flood()) {
            std::set<std::string> groups;
            std::string firstOut;
            for (const v1::Alert &alert : engine.activeAlerts()) {
                if (!alert.flood_group().empty())
                    groups.insert(alert.flood_group());
                if (alert.first_out())
                    firstOut = alert.key();
            }
            if (groups.size() >= out.floodGroups.size()) {
                out.floodGroups = groups;
                out.firstOutKey = firstOut;
            }
        }
    }
    return out;
}

} // namespace

class tst_ShippedRulesOnScenarios : public QObject
{
    Q_OBJECT

private slots:
    void openingRaisesKakaoAndNoStorm();
    void crash50sRaisesTheVerificationCollapse();
    void cascadeDrillFloodsWithKakaoFirstOut();
};

void tst_ShippedRulesOnScenarios::openingRaisesKakaoAndNoStorm()
{
    const Run r = run(QStringLiteral("opening-18-49"), 2 * 3600);
    QVERIFY(r.raised.count("provider.p95_latency/kakao"));
    QVERIFY2(r.starts <= 2, qPrintable(QString::number(r.starts)));
    QVERIFY(!r.flood);
    for (const auto &[key, severity] : r.raised)
        QVERIFY2(key.find("kakao") != std::string::npos, key.c_str());
}

void tst_ShippedRulesOnScenarios::crash50sRaisesTheVerificationCollapse()
{
    const Run r = run(QStringLiteral("crash-50s"), 2 * 3600);
    QCOMPARE(r.raised.count("verification.attempts_per_booking"), std::size_t(1));
    QCOMPARE(r.raised.at("verification.attempts_per_booking"), v1::SEVERITY_CRITICAL);
    QCOMPARE(r.raised.at("provider.stuck_red/mobile"), v1::SEVERITY_CRITICAL);
    QCOMPARE(r.raised.at("provider.stuck_red/certificate"), v1::SEVERITY_CRITICAL);
    QCOMPARE(r.raised.at("bookings.below_envelope/50-54"), v1::SEVERITY_CRITICAL);
    // Each key once: no chattering while both providers stay red for an hour.
    QCOMPARE(r.starts, int(r.raised.size()));
}

void tst_ShippedRulesOnScenarios::cascadeDrillFloodsWithKakaoFirstOut()
{
    // The drill the flood view is practised on: Kakao fails at 20:05, Naver,
    // PASS and the backend follow; more than ten starts in ten minutes.
    const Run r = run(QStringLiteral("cascade-drill"), 2 * 3600);
    QVERIFY(r.flood);
    QVERIFY2(r.starts > 10, qPrintable(QString::number(r.starts)));
    QVERIFY2(!r.floodGroups.empty() && r.floodGroups.size() <= 10, qPrintable(QString::number(r.floodGroups.size())));
    QVERIFY(r.floodGroups.count("provider/kakao"));
    QVERIFY(r.floodGroups.count("backend"));
    QVERIFY2(r.firstOutKey.find("kakao") != std::string::npos, r.firstOutKey.c_str());
}

QTEST_GUILESS_MAIN(tst_ShippedRulesOnScenarios)
#include "tst_shippedrulesonscenarios.moc"
