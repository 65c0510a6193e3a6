// What the gateway will do with a command from this console (ControlOutlook),
// as the console knows it: nothing leaves while not connected; every command
// is refused while the gateway cannot reach its state store; a change from a
// room not in command waits for that room, and an approval from it is
// refused; a hazardous change waits for a second supervisor; the rest applies.
#include "models/control/ControlOutlook.h"
#include "models/situation/SituationStore.h"
#include "tests/models/SituationFixtures.h"

#include <QtTest>

using namespace sitroom;
using models::ControlAsk;
using models::ControlOutlook;

namespace {

// Live as a supervisor of `site`, `commandSite` in command (0: a gateway that
// does not say), the gateway's level on a tick.
void live(models::SituationStore &store, v1::Site site, quint32 commandSite, quint32 level = 255)
{
    models::TelemetryBatch b = testing::snapshotBatch(testing::makeConfiguration({"naver"}),
                                                      testing::makeState(testing::kSimStartMs, {"naver"}), {}, 1000);
    b.link.push_back(testing::linkEvent(models::LinkState::Live));
    b.snapshot->mutable_control()->set_command_site(commandSite);
    v1::Welcome welcome;
    welcome.set_role(v1::ROLE_SUPERVISOR);
    welcome.set_site(site);
    b.welcome = welcome;
    b.serviceLevel = models::ServiceLevelNews{level, true};
    store.apply(b);
}

} // namespace

class TestControlOutlook final : public QObject
{
    Q_OBJECT

private slots:
    void followsWhatTheConsoleKnows_data()
    {
        QTest::addColumn<bool>("connected");
        QTest::addColumn<int>("site");
        QTest::addColumn<int>("commandSite");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("ask");
        QTest::addColumn<int>("outlook");
        const int seoul = v1::SITE_SEOUL, osong = v1::SITE_OSONG, ministry = v1::SITE_MINISTRY;
        using A = ControlAsk;
        using O = ControlOutlook;
        QTest::newRow("in command: a change applies") << true << seoul << seoul << 255 << int(A::Change) << int(O::Applies);
        QTest::newRow("in command: hazardous waits for a supervisor")
            << true << seoul << seoul << 255 << int(A::HazardousChange) << int(O::WaitsForSupervisor);
        QTest::newRow("in command: an approval applies") << true << seoul << seoul << 255 << int(A::Approval) << int(O::Applies);
        QTest::newRow("in command: a handover by its rules") << true << seoul << seoul << 255 << int(A::CommandRoom) << int(O::OwnRules);
        QTest::newRow("other room: a change waits for the room in command")
            << true << osong << seoul << 255 << int(A::Change) << int(O::WaitsForCommandRoom);
        QTest::newRow("other room: hazardous waits for the room in command")
            << true << osong << seoul << 255 << int(A::HazardousChange) << int(O::WaitsForCommandRoom);
        QTest::newRow("other room: an approval is refused")
            << true << osong << seoul << 255 << int(A::Approval) << int(O::RefusedNotInCommand);
        QTest::newRow("ministry: a change waits") << true << ministry << seoul << 255 << int(A::Change) << int(O::WaitsForCommandRoom);
        QTest::newRow("no room named: as before") << true << osong << 0 << 255 << int(A::Change) << int(O::Applies);
        QTest::newRow("degraded but its store answers") << true << seoul << seoul << 150 << int(A::Change) << int(O::Applies);
        for (const int ask : {int(A::Change), int(A::HazardousChange), int(A::Approval), int(A::CommandRoom)}) {
            QTest::addRow("store down refuses %d", ask) << true << seoul << seoul << 100 << ask << int(O::RefusedStoreDown);
            QTest::addRow("store down refuses the other room's %d", ask)
                << true << osong << seoul << 40 << ask << int(O::RefusedStoreDown);
            QTest::addRow("not connected %d", ask) << false << seoul << seoul << 100 << ask << int(O::NotSent);
        }
    }

    void followsWhatTheConsoleKnows()
    {
        QFETCH(bool, connected);
        QFETCH(int, site);
        QFETCH(int, commandSite);
        QFETCH(int, level);
        QFETCH(int, ask);
        QFETCH(int, outlook);
        models::SituationStore store;
        live(store, v1::Site(site), quint32(commandSite), quint32(level));
        if (!connected)
            store.apply(testing::linkBatch(models::LinkState::Failed));
        QCOMPARE(int(models::controlOutlook(store, ControlAsk(ask))), outlook);
        QCOMPARE(models::changesNothing(ControlOutlook(outlook)),
                 outlook == int(ControlOutlook::NotSent) || outlook == int(ControlOutlook::RefusedStoreDown)
                     || outlook == int(ControlOutlook::RefusedNotInCommand));
    }
};

QTEST_GUILESS_MAIN(TestControlOutlook)
#include "tst_controloutlook.moc"
