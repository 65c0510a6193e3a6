// The store's control side: a control event with who made it, command
// results that are signalled and never take the control state back, audit
// entries on the snapshot's, the role the Welcome grants.
#include "tests/models/SituationFixtures.h"

#include "models/situation/SituationStore.h"

#include <QSignalSpy>
#include <QtTest>

using sitroom::models::LinkState;
using sitroom::models::SituationStore;
using sitroom::models::TelemetryBatch;
using namespace sitroom;
using namespace sitroom::testing;

namespace {

const std::vector<std::string> kProviders{"naver", "kakao", "pass"};
const std::vector<CohortSpec> kCohorts{{"80plus", 0, 600}, {"70s", 600, 1200}};
const std::vector<std::string> kCohortIds{"80plus", "70s"};

// sim time of second s of the run
qint64 sim(qint64 s) { return kSimStartMs + s * 1000; }

// A store that is Live with a snapshot of the default run at sim second 10
// (backfill 0..9) received at clock.now.
void makeLive(SituationStore &store, FakeClock &clock, const v1::Configuration &config)
{
    TelemetryBatch b = snapshotBatch(config, makeState(sim(9), kProviders, kCohortIds), makeHistory(sim(0), 10), clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    store.apply(b);
}

} // namespace

class tst_StoreControl : public QObject
{
    Q_OBJECT

private slots:
    void controlEventAppliesStateAndActor();
    void commandResultIsSignalledAndNeverGoesBack();
    void auditEventsAppendOnTheSnapshot();
    void roleMirrorsWelcome();
};

void tst_StoreControl::controlEventAppliesStateAndActor()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders, kCohorts));
    QSignalSpy control(&store, &SituationStore::controlChanged);
    TelemetryBatch b;
    b.messages = 1;
    v1::Envelope env;
    auto *event = env.mutable_control_event();
    event->mutable_control()->set_revision(5);
    event->mutable_control()->set_admission_rate_per_s(640);
    event->mutable_control()->set_admission_paused(true);
    event->mutable_actor()->set_user("park");
    event->mutable_actor()->set_reason("backend at 95 %");
    b.events.push_back(env);
    store.apply(b);
    QCOMPARE(control.size(), 1);
    QCOMPARE(store.control().revision(), quint64(5));
    QCOMPARE(store.control().admission_rate_per_s(), 640.0);
    QVERIFY(store.control().admission_paused());
    QCOMPARE(store.controlActor().user(), std::string("park"));
    QCOMPARE(store.controlActor().reason(), std::string("backend at 95 %"));
}

void tst_StoreControl::commandResultIsSignalledAndNeverGoesBack()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders, kCohorts));
    TelemetryBatch first;
    v1::Envelope env;
    env.mutable_control_event()->mutable_control()->set_revision(9);
    env.mutable_control_event()->mutable_control()->set_admission_rate_per_s(900);
    first.events.push_back(env);
    store.apply(first);

    QSignalSpy results(&store, &SituationStore::commandResult);
    QSignalSpy control(&store, &SituationStore::controlChanged);
    TelemetryBatch b;
    v1::CommandResult result;
    result.set_command_id("c-1");
    result.set_status(v1::COMMAND_CONFLICT);
    result.mutable_control()->set_revision(8);  // older than what we hold
    result.mutable_control()->set_admission_rate_per_s(500);
    b.commandResults.push_back(result);
    store.apply(b);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0][0].value<v1::CommandResult>().command_id(), std::string("c-1"));
    QCOMPARE(control.size(), 0);
    QCOMPARE(store.control().admission_rate_per_s(), 900.0);

    result.mutable_control()->set_revision(10);
    b.commandResults = {result};
    store.apply(b);
    QCOMPARE(control.size(), 1);
    QCOMPARE(store.control().admission_rate_per_s(), 500.0);
}

void tst_StoreControl::auditEventsAppendOnTheSnapshot()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    TelemetryBatch b = snapshotBatch(makeConfiguration(kProviders, kCohorts), makeState(sim(9), kProviders, kCohortIds),
                                     makeHistory(sim(0), 10), clock.now);
    for (quint64 id : {11, 12})
        b.snapshot->add_recent_audit()->set_id(id);
    QSignalSpy audit(&store, &SituationStore::auditChanged);
    store.apply(b);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(store.audit().size(), std::size_t(2));

    TelemetryBatch events;
    for (quint64 id : {13, 12}) {
        v1::Envelope env;
        env.mutable_audit_event()->mutable_entry()->set_id(id);
        events.events.push_back(env);
    }
    store.apply(events);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(store.audit().size(), std::size_t(3));
    QCOMPARE(store.audit().back().id(), quint64(13));
}

void tst_StoreControl::roleMirrorsWelcome()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    QCOMPARE(store.role(), v1::ROLE_VIEWER);
    TelemetryBatch b;
    v1::Welcome welcome;
    welcome.set_role(v1::ROLE_SUPERVISOR);
    b.welcome = welcome;
    b.link.push_back(linkEvent(LinkState::Live));
    store.apply(b);
    QCOMPARE(store.role(), v1::ROLE_SUPERVISOR);
    QVERIFY(store.isLive());
}

QTEST_GUILESS_MAIN(tst_StoreControl)
#include "tst_storecontrol.moc"
