// The one road every command takes through the gateway (CommandPipeline),
// with handlers of the test's own and with the real ControlCommands: the
// steps written once for every kind of command (a repeated command_id, a
// missing one, the viewer's refusal, the audit row, the one transaction and
// its failure, said in the user's language without the store's own words),
// and two gateways on one store, where the store's revision and first
// results decide.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/SqliteGatewayStore.h"

#include "tests/server/gateway/FlakyStore.h"
#include "tests/server/gateway/KoreanPhrases.h"

#include <QtTest>

#include <memory>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

const qint64 kWall = 1'780'000'000'000;
const qint64 kSource = 1'790'000'000'000;

const Identity kViewer{QStringLiteral("han"), v1::ROLE_VIEWER, v1::SITE_OSONG};
const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};

// A handler of one kind of action that applies whatever it is asked and
// counts what the pipeline asked of it.
class CountingHandler final : public CommandHandler
{
public:
    explicit CountingHandler(v1::Command::ActionCase action)
        : m_action(action)
    {
    }
    bool accepts(const v1::Command &command) const override { return command.action_case() == m_action; }
    CommandDecision decide(const v1::Command &command, const CommandContext &context) override
    {
        ++decided;
        CommandDecision d;
        d.result.set_command_id(command.command_id());
        d.conclude(v1::COMMAND_APPLIED, commandPhrase(command), context.row, context.inForce);
        return d;
    }
    void committed(CommandDecision &) override { ++committedCount; }
    void abandoned(CommandDecision &) override { ++abandonedCount; }

    int decided = 0;
    int committedCount = 0;
    int abandonedCount = 0;

private:
    v1::Command::ActionCase m_action;
};

int g_id = 0;

v1::Command command(const char *action, std::uint64_t revision = 1)
{
    v1::Command c;
    c.set_command_id("cmd-" + std::to_string(++g_id));
    c.set_expected_revision(revision);
    c.set_reason("queue grows");
    if (qstrcmp(action, "rate") == 0)
        c.mutable_set_admission_rate()->set_rate_per_s(650);
    else if (qstrcmp(action, "ack") == 0)
        c.mutable_acknowledge_alert()->set_alert_id("A1");
    else if (qstrcmp(action, "approve") == 0)
        c.mutable_approve()->set_request_id("r1");
    else if (qstrcmp(action, "pause") == 0)
        c.mutable_pause_admission();
    return c;
}

v1::Command rate(std::uint64_t revision, double perS)
{
    v1::Command c = command("rate", revision);
    c.mutable_set_admission_rate()->set_rate_per_s(perS);
    return c;
}

v1::ControlState inForce()
{
    v1::ControlState s;
    s.set_revision(7);
    s.set_admission_rate_per_s(700);
    return s;
}

// A pipeline with a control-like and an alert-like handler.
struct Fixture
{
    explicit Fixture(GatewayStore *over = nullptr)
        : pipeline(over ? *over : sqlite)
    {
        QString error;
        if (!sqlite.open(QString(), &error))
            qFatal("%s", qPrintable(error));
        pipeline.addHandler(&alerts);
        pipeline.addHandler(&controls);
        pipeline.setControlInForce([this]() -> const v1::ControlState & { return control; });
    }
    SqliteGatewayStore sqlite;
    CommandPipeline pipeline;
    CountingHandler alerts{v1::Command::kAcknowledgeAlert};
    CountingHandler controls{v1::Command::kSetAdmissionRate};
    v1::ControlState control = inForce();
};

// One gateway's side of the controls, on a store another may share.
struct Room
{
    explicit Room(GatewayStore &store)
        : pipeline(store)
        , controls(pipeline)
    {
        pipeline.addHandler(&controls);
        pipeline.setControlInForce([this]() -> const v1::ControlState & { return controls.control(); });
        v1::Configuration c;
        c.set_admission_rate_min_per_s(50);
        c.set_admission_rate_max_per_s(3000);
        c.set_hazardous_rate_cut_fraction(0.3);
        controls.setConfiguration(c);
        v1::ControlState start;
        start.set_revision(1);
        start.set_admission_rate_per_s(700);
        controls.initialize(start);
    }
    v1::CommandResult handle(const v1::Command &c) { return pipeline.handle(c, kOperator, kWall, kSource); }
    CommandPipeline pipeline;
    ControlCommands controls;
};

} // namespace

class TestCommandPipeline final : public QObject
{
    Q_OBJECT

private slots:
    void viewerIsRefusedWhateverTheCommand_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("control") << "rate";
        QTest::newRow("alert") << "ack";
        QTest::newRow("approval") << "approve";
    }

    void viewerIsRefusedWhateverTheCommand()
    {
        QFETCH(QString, action);
        Fixture f;
        const v1::Command c = command(qPrintable(action));
        const v1::CommandResult r = f.pipeline.handle(c, kViewer, kWall, kSource);
        QCOMPARE(r.status(), v1::COMMAND_REFUSED);
        QCOMPARE(r.message_words().code(), std::string("refused.viewer_role"));
        QCOMPARE(r.message(), std::string("this session has the viewer role: commands are not allowed"));
        QCOMPARE(r.control().revision(), 7u);
        QCOMPARE(f.alerts.decided + f.controls.decided, 0);
        const auto audit = f.pipeline.takeAuditEvents();
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(audit[0].user(), std::string("han"));
        QCOMPARE(audit[0].command_id(), c.command_id());
        QCOMPARE(audit[0].outcome(), std::string("refused: this session has the viewer role: commands are not allowed"));
        // Kept: the same command again gets the same answer, not a second row.
        QCOMPARE(f.pipeline.handle(c, kViewer, kWall, kSource).SerializeAsString(), r.SerializeAsString());
        QVERIFY(f.pipeline.takeAuditEvents().empty());
    }

    void commandWithoutIdIsInvalidAndNotKept()
    {
        Fixture f;
        v1::Command c = command("rate");
        c.clear_command_id();
        const v1::CommandResult r = f.pipeline.handle(c, kOperator, kWall, kSource);
        QCOMPARE(r.status(), v1::COMMAND_INVALID);
        QCOMPARE(r.message_words().code(), std::string("invalid.no_command_id"));
        QCOMPARE(f.controls.decided, 0);
        QCOMPARE(f.pipeline.takeAuditEvents().size(), std::size_t(1));
        QVERIFY(!f.sqlite.findResult(QString()));
    }

    void repeatedCommandIdIsAnsweredFromTheStore()
    {
        Fixture f;
        const v1::Command c = command("ack");
        const v1::CommandResult first = f.pipeline.handle(c, kOperator, kWall, kSource);
        QCOMPARE(first.status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.alerts.committedCount, 1);
        const v1::CommandResult again = f.pipeline.handle(c, kOperator, kWall + 1000, kSource);
        QCOMPARE(again.SerializeAsString(), first.SerializeAsString());
        QCOMPARE(f.alerts.decided, 1);
        QCOMPARE(f.pipeline.takeAuditEvents().size(), std::size_t(1));
    }

    void handlersAreAskedInOrder()
    {
        Fixture f;
        CountingHandler second(v1::Command::kAcknowledgeAlert);
        f.pipeline.addHandler(&second);
        QCOMPARE(f.pipeline.handle(command("ack"), kOperator, kWall, kSource).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.alerts.decided, 1);
        QCOMPARE(second.decided, 0);
        // A command no handler takes is refused, and audited like any other.
        const v1::CommandResult none = f.pipeline.handle(command("pause"), kOperator, kWall, kSource);
        QCOMPARE(none.status(), v1::COMMAND_REFUSED);
        QCOMPARE(none.message_words().code(), std::string("refused.no_commands"));
        QCOMPARE(f.pipeline.takeAuditEvents().size(), std::size_t(2));
    }

    void aStoreThatRefusesTheWriteChangesNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("viewer");
        QTest::newRow("control") << "rate" << false;
        QTest::newRow("alert") << "ack" << false;
        QTest::newRow("viewer's refusal") << "rate" << true;
    }

    void aStoreThatRefusesTheWriteChangesNothing()
    {
        QFETCH(QString, action);
        QFETCH(bool, viewer);
        SqliteGatewayStore sqlite;
        QString error;
        QVERIFY2(sqlite.open(QString(), &error), qPrintable(error));
        testing::FlakyStore flaky(sqlite);
        Fixture f(&flaky);
        flaky.failCommits = 1;
        const v1::Command c = command(qPrintable(action));
        const v1::CommandResult r = f.pipeline.handle(c, viewer ? kViewer : kOperator, kWall, kSource);
        QCOMPARE(r.status(), v1::COMMAND_REFUSED);
        QCOMPARE(r.message_words().code(), std::string("audit.write_failed"));
        QCOMPARE(r.message_words().parts(0).phrase().code(), std::string("store.write_refused"));
        // The store's own words after the English text only, for sitroomctl and the log.
        QCOMPARE(r.message(), std::string("the audit log could not be written, so nothing was done: the state store did "
                                          "not take the write (disk I/O error)"));
        QVERIFY(!phrase::english(r.message_words()).contains(QLatin1String("disk I/O")));
        QCOMPARE(r.command_id(), c.command_id());
        QCOMPARE(r.control().revision(), 7u);
        QCOMPARE(f.alerts.committedCount + f.controls.committedCount, 0);
        QCOMPARE(f.alerts.abandonedCount + f.controls.abandonedCount, viewer ? 0 : 1);
        QVERIFY(f.pipeline.takeAuditEvents().empty());
        QVERIFY(sqlite.recentAudit(10).empty());
        QVERIFY(!sqlite.findResult(QString::fromStdString(c.command_id())));
        // Nothing was kept, so the same command may be sent again.
        QCOMPARE(f.pipeline.handle(c, kOperator, kWall, kSource).status(), v1::COMMAND_APPLIED);
    }

    // PostgreSQL stopped: the refusal is one sentence in the user's words,
    // Korean to the last word; libpq's English stays in the text field that
    // sitroomctl prints, never in the phrase a console words.
    void aStoreOutOfReachIsSaidInTheUsersLanguage_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("viewer");
        QTest::newRow("control") << "rate" << false;
        QTest::newRow("alert") << "ack" << false;
        QTest::newRow("viewer's refusal") << "rate" << true;
    }

    void aStoreOutOfReachIsSaidInTheUsersLanguage()
    {
        QFETCH(QString, action);
        QFETCH(bool, viewer);
        testing::KoreanPhrases korean;
        QVERIFY2(korean.isValid(), "the console's Korean catalogue (sitroom_ko.qm) is not built");
        SqliteGatewayStore sqlite;
        QString error;
        QVERIFY2(sqlite.open(QString(), &error), qPrintable(error));
        testing::FlakyStore down(sqlite);
        Fixture f(&down);
        down.unreachable = true;
        const v1::Command c = command(qPrintable(action));
        const v1::CommandResult r = f.pipeline.handle(c, viewer ? kViewer : kOperator, kWall, kSource);
        QCOMPARE(r.status(), v1::COMMAND_REFUSED);
        QCOMPARE(r.message_words().code(), std::string("audit.write_failed"));
        QCOMPARE(r.message_words().parts_size(), 1);
        QCOMPARE(r.message_words().parts(0).phrase().code(), std::string("store.unreachable"));
        QCOMPARE(r.message_words().args_size(), 0);

        const QString words = testing::KoreanPhrases::words(r.message_words());
        QCOMPARE(words, QStringLiteral("감사 기록을 쓰지 못해 아무것도 하지 않았습니다: 공유 상태 저장소에 연결할 수 없습니다"));
        QVERIFY2(testing::KoreanPhrases::latinWords(words).isEmpty(), qPrintable(words));
        // An English console's sentence ends where the phrase does, too.
        QCOMPARE(phrase::english(r.message_words()),
                 QStringLiteral("the audit log could not be written, so nothing was done: the shared state store cannot be reached"));
        // The text field keeps libpq's words, once, after the sentence.
        QCOMPARE(QString::fromStdString(r.message()),
                 QStringLiteral("the audit log could not be written, so nothing was done: the shared state store cannot be reached "
                                "(connection to server at \"127.0.0.1\", port 5432 failed: Connection refused Is the server "
                                "running on that host and accepting TCP/IP connections?)"));
        QCOMPARE(f.alerts.committedCount + f.controls.committedCount, 0);
        QVERIFY(sqlite.recentAudit(10).empty());
        // Back: the same command is applied.
        down.unreachable = false;
        QCOMPARE(f.pipeline.handle(c, kOperator, kWall, kSource).status(), v1::COMMAND_APPLIED);
    }

    void twoGatewaysOnOneStore()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        Room seoul(store);
        Room osong(store);
        QCOMPARE(seoul.handle(rate(1, 600)).status(), v1::COMMAND_APPLIED);
        seoul.pipeline.takeAuditEvents();

        // Osong still remembers revision 1 and decides on it: the store holds
        // revision 2, so it is a conflict, and Osong reads the stored state.
        const v1::CommandResult late = osong.handle(rate(1, 650));
        QCOMPARE(late.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(late.message(), std::string("the controls are at revision 2, not 1"));
        QCOMPARE(late.control().revision(), 2u);
        QCOMPARE(late.control().admission_rate_per_s(), 600.0);
        QCOMPARE(osong.controls.control().revision(), 2u);
        const auto told = osong.controls.takeControlChanges();
        QCOMPARE(told.size(), std::size_t(1));
        QCOMPARE(told.front().control.admission_rate_per_s(), 600.0);
        const auto conflictRows = osong.pipeline.takeAuditEvents();
        QCOMPARE(conflictRows.size(), std::size_t(1));
        QCOMPARE(conflictRows.front().outcome().rfind("conflict: ", 0), 0u);
        QVERIFY(conflictRows.front().before().empty());

        // One command through both: decided in Osong, applied in Seoul first,
        // answered in Osong with Seoul's result. Applied once.
        const v1::Command both = rate(2, 700);
        CommandDecision inOsong = osong.pipeline.decide(both, kOperator, kWall, kSource);
        QCOMPARE(inOsong.result.status(), v1::COMMAND_APPLIED);
        const v1::CommandResult inSeoul = seoul.handle(both);
        QCOMPARE(inSeoul.status(), v1::COMMAND_APPLIED);
        QCOMPARE(osong.pipeline.commit(inOsong).SerializeAsString(), inSeoul.SerializeAsString());
        QCOMPARE(osong.controls.control().revision(), 3u);
        QCOMPARE(osong.controls.control().admission_rate_per_s(), 700.0);

        int applied = 0;
        for (const v1::AuditEntry &e : store.recentAudit(100))
            if (e.command_id() == both.command_id() && e.outcome().rfind("applied", 0) == 0)
                ++applied;
        QCOMPARE(applied, 1);
        QCOMPARE(store.loadControl()->revision(), 3u);
        const AuditVerification v = store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
    }
};

QTEST_GUILESS_MAIN(TestCommandPipeline)
#include "tst_commandpipeline.moc"
