// Operator controls from the console's data layer against the real simulator
// with --users and --state-dir: a signed-in operator's throttle is applied,
// reflected in the store's control state and in the next ticks' rate limit,
// audited; a repeat on the old revision is a conflict naming who changed it;
// a hazardous cut waits for approval where every console sees it.
#include "tests/support/ConsoleData.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "models/control/ControlRequest.h"
#include "models/situation/SituationStore.h"

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include <cmath>

using namespace sitroom;

namespace {

constexpr int kWaitMs = 10000;

using testing::ConsoleData;
using testing::GatewayAddress;
using testing::signInAs;

} // namespace

class TestControlsIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void throttleAppliedAuditedAndConflicting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const QString users = dir.filePath(QStringLiteral("users.json"));
        QVERIFY(testing::writeUsersFile(users, testing::standardTestUsers()));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls,
                            QStringLiteral("--users"), users, QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")),
                            QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                           &error),
                 qPrintable(error));

        const GatewayAddress gateway{sim.port(), tls};
        ConsoleData kim(signInAs(gateway, QStringLiteral("kim")));   // operator
        ConsoleData han(signInAs(gateway, QStringLiteral("han")));   // viewer, watching
        QTRY_VERIFY_WITH_TIMEOUT(kim.isLive(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(han.isLive(), kWaitMs);
        QCOMPARE(kim.store.role(), v1::ROLE_OPERATOR);
        QCOMPARE(han.store.role(), v1::ROLE_VIEWER);

        const v1::Configuration &config = kim.store.configuration();
        const v1::ControlState before = kim.store.control();
        const double step = config.admission_rate_step_per_s() > 0 ? config.admission_rate_step_per_s() : 1.0;
        double rate = before.admission_rate_per_s() + 4 * step;  // a raise: never hazardous
        if (rate > config.admission_rate_max_per_s())
            rate = before.admission_rate_per_s() - step;          // a small cut instead
        QVERIFY(rate >= config.admission_rate_min_per_s());

        QSignalSpy results(&kim.store, &models::SituationStore::commandResult);
        const v1::Command command =
            models::ControlRequest(before, QStringLiteral("integration: more admissions")).setAdmissionRate(rate);
        kim.client.sendCommand(command);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        const auto applied = results[0][0].value<v1::CommandResult>();
        QCOMPARE(applied.command_id(), command.command_id());
        QVERIFY2(applied.status() == v1::COMMAND_APPLIED, applied.message().c_str());

        // The store's control state, on both consoles, within a second or so.
        QTRY_COMPARE_WITH_TIMEOUT(kim.store.control().admission_rate_per_s(), rate, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(han.store.control().admission_rate_per_s(), rate, 2000);
        QCOMPARE(kim.store.control().revision(), before.revision() + 1);
        QCOMPARE(han.store.controlActor().user(), std::string("kim"));
        // The simulator runs on it from its next step: the ticks' rate limit follows.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(kim.store.state().admission().rate_limit_per_s() - rate) < 1e-6, kWaitMs);
        // Audited, and the audit reaches the watching console.
        const auto hasEntry = [](const models::SituationStore &store, const std::string &reason) {
            for (const v1::AuditEntry &e : store.audit()) {
                if (e.user() == "kim" && e.reason() == reason)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasEntry(han.store, "integration: more admissions"), kWaitMs);

        // A decision made on the old picture: a conflict naming who changed it and why.
        const v1::Command stale =
            models::ControlRequest(before, QStringLiteral("integration: decided on old data")).setAdmissionRate(rate + step);
        kim.client.sendCommand(stale);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, kWaitMs);
        const auto conflict = results[1][0].value<v1::CommandResult>();
        QCOMPARE(conflict.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(conflict.control().last_changed_by().user(), std::string("kim"));
        QCOMPARE(conflict.control().last_changed_by().reason(), std::string("integration: more admissions"));

        // A hazardous cut: pending, seen by every console.
        const v1::Command cut = models::ControlRequest(kim.store.control(), QStringLiteral("integration: backend overload"))
                                    .setAdmissionRate(config.admission_rate_min_per_s());
        kim.client.sendCommand(cut);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, kWaitMs);
        const auto pending = results[2][0].value<v1::CommandResult>();
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!pending.request_id().empty());
        QTRY_COMPARE_WITH_TIMEOUT(han.store.control().pending_size(), 1, 2000);
        QCOMPARE(han.store.control().pending(0).request_id(), pending.request_id());
        QCOMPARE(kim.store.control().admission_rate_per_s(), rate);  // nothing applied yet
    }
};

QTEST_MAIN(TestControlsIntegration)
#include "tst_controlsintegration.moc"
