// The one road control commands take: a change goes to the live system
// first and counts only when accepted; commands wait their turn behind a
// delivery; a refusal changes nothing but the audit.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDelivery.h"
#include "server/gateway/ControlDispatcher.h"
#include "server/gateway/SqliteGatewayStore.h"

#include <QTest>

#include <deque>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

// A live system whose answers the test gives, one delivery at a time.
class ScriptedLiveSystem final : public ControlDelivery
{
public:
    void deliver(const ControlDeliveryRequest &request, std::function<void(const ControlDeliveryOutcome &)> done) override
    {
        requests.push_back(request);
        pending.push_back(std::move(done));
    }
    void answer(bool accepted, const QString &reason = {})
    {
        auto done = std::move(pending.front());
        pending.pop_front();
        done(ControlDeliveryOutcome{accepted, reason});
    }
    std::vector<ControlDeliveryRequest> requests;
    std::deque<std::function<void(const ControlDeliveryOutcome &)>> pending;
};

const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};

v1::Command rate(const char *id, std::uint64_t revision, double r)
{
    v1::Command c;
    c.set_command_id(id);
    c.set_expected_revision(revision);
    c.set_reason("queue grows");
    c.mutable_set_admission_rate()->set_rate_per_s(r);
    return c;
}

struct Fixture
{
    Fixture()
    {
        QString error;
        if (!store.open(QString(), &error))
            qFatal("%s", qPrintable(error));
        pipeline = std::make_unique<CommandPipeline>(store);
        controls = std::make_unique<ControlCommands>(*pipeline);
        pipeline->addHandler(controls.get());
        pipeline->setControlInForce([this]() -> const v1::ControlState & { return controls->control(); });
        v1::Configuration c;
        c.set_admission_rate_min_per_s(50);
        c.set_admission_rate_max_per_s(3000);
        c.set_hazardous_rate_cut_fraction(0.3);
        controls->setConfiguration(c);
        v1::ControlState s;
        s.set_revision(1);
        s.set_admission_rate_per_s(700);
        controls->initialize(s);
        ControlDispatcher::Hooks hooks;
        hooks.wallNowMs = [] { return qint64(1'780'000'000'000); };
        hooks.sourceNowMs = [] { return qint64(1'790'000'000'000); };
        hooks.committed = [] {};
        hooks.accepted = [this](const CommandDecision &d, qint64) { accepted.push_back(d.change->control.revision()); };
        hooks.progress = [this](const v1::CommandProgress &p) { stages.push_back(p.stage()); };
        dispatcher = std::make_unique<ControlDispatcher>(*pipeline, *controls, &live, std::move(hooks));
    }
    void submit(const v1::Command &c) { dispatcher->submit(c, kOperator, [this](const v1::CommandResult &r) { results.push_back(r); }); }

    SqliteGatewayStore store;
    std::unique_ptr<CommandPipeline> pipeline;
    std::unique_ptr<ControlCommands> controls;
    ScriptedLiveSystem live;
    std::unique_ptr<ControlDispatcher> dispatcher;
    std::vector<v1::CommandResult> results;
    std::vector<std::uint64_t> accepted;
    std::vector<v1::CommandStage> stages;
};

} // namespace

class tst_ControlDispatcher final : public QObject
{
    Q_OBJECT

private slots:
    void appliedOnlyWhenTheLiveSystemAccepts();
    void refusalChangesNothingButTheAudit();
    void commandsWaitTheirTurnBehindADelivery();
    void repeatedCommandIdIsAnsweredNotDelivered();
};

void tst_ControlDispatcher::appliedOnlyWhenTheLiveSystemAccepts()
{
    Fixture f;
    f.submit(rate("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QVERIFY(f.results.empty());
    QCOMPARE(f.controls->control().revision(), 1u);   // not yet
    const ControlDeliveryRequest &sent = f.live.requests.front();
    QCOMPARE(sent.commandId, QStringLiteral("a"));
    QCOMPARE(sent.revision, 2u);
    QCOMPARE(sent.control.admission_rate_per_s(), 600.0);
    QCOMPARE(sent.change.value(QStringLiteral("action")).toString(), QStringLiteral("set_admission_rate"));

    f.live.answer(true);
    QCOMPARE(f.results.size(), std::size_t(1));
    QCOMPARE(f.results.front().status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.results.front().stage(), v1::COMMAND_STAGE_ACCEPTED);
    QCOMPARE(f.controls->control().revision(), 2u);
    QCOMPARE(f.controls->control().admission_rate_per_s(), 600.0);
    QCOMPARE(f.accepted, std::vector<std::uint64_t>{2});
    QCOMPARE(f.stages, (std::vector<v1::CommandStage>{v1::COMMAND_STAGE_SENT, v1::COMMAND_STAGE_ACCEPTED}));
    const auto rows = f.store.recentAudit(5);
    QVERIFY(QString::fromStdString(rows.back().outcome()).contains(QStringLiteral("accepted by the live system")));
}

void tst_ControlDispatcher::refusalChangesNothingButTheAudit()
{
    Fixture f;
    const auto auditBefore = f.store.recentAudit(100).size();
    f.submit(rate("a", 1, 600));
    f.live.answer(false, QStringLiteral("HTTP 422: admission rate above the site's limit"));
    QCOMPARE(f.results.size(), std::size_t(1));
    QCOMPARE(f.results.front().status(), v1::COMMAND_REFUSED);
    QCOMPARE(f.results.front().stage(), v1::COMMAND_STAGE_DELIVERY_FAILED);
    QVERIFY(QString::fromStdString(f.results.front().message()).contains(QStringLiteral("HTTP 422")));
    QCOMPARE(f.controls->control().revision(), 1u);
    QCOMPARE(f.controls->control().admission_rate_per_s(), 700.0);
    QVERIFY(f.accepted.empty());
    QCOMPARE(f.stages.back(), v1::COMMAND_STAGE_DELIVERY_FAILED);
    const auto rows = f.store.recentAudit(100);
    QCOMPARE(rows.size(), auditBefore + 1);
    QVERIFY(QString::fromStdString(rows.back().outcome()).startsWith(QStringLiteral("refused: the live system did not apply it")));
    // Not remembered as the command's result: the same id may be tried again.
    f.submit(rate("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(2));
    f.live.answer(true);
    QCOMPARE(f.results.back().status(), v1::COMMAND_APPLIED);
}

void tst_ControlDispatcher::commandsWaitTheirTurnBehindADelivery()
{
    Fixture f;
    f.submit(rate("a", 1, 600));
    f.submit(rate("b", 2, 650));   // decided on revision 2, which exists only once "a" is in
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    f.live.answer(true);
    QCOMPARE(f.live.requests.size(), std::size_t(2));
    QCOMPARE(f.live.requests.back().revision, 3u);
    f.live.answer(true);
    QCOMPARE(f.results.size(), std::size_t(2));
    QCOMPARE(f.results.at(1).status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.controls->control().admission_rate_per_s(), 650.0);
}

void tst_ControlDispatcher::repeatedCommandIdIsAnsweredNotDelivered()
{
    Fixture f;
    f.submit(rate("a", 1, 600));
    f.live.answer(true);
    f.submit(rate("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QCOMPARE(f.results.size(), std::size_t(2));
    QCOMPARE(f.results.at(1).status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.controls->control().revision(), 2u);
}

QTEST_GUILESS_MAIN(tst_ControlDispatcher)
#include "tst_controldispatcher.moc"
