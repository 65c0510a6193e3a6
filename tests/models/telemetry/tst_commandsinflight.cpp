// The commands a dead link left unanswered: sent again on the next link with
// the same command_id, within a window; a result given twice is handed on once.
#include "models/telemetry/CommandsInFlight.h"

#include <QtTest>

using sitroom::models::CommandsInFlight;

namespace {

sitroom::v1::Command command(const char *id)
{
    sitroom::v1::Command c;
    c.set_command_id(id);
    c.set_reason("test");
    return c;
}

QStringList ids(const std::vector<sitroom::v1::Command> &commands)
{
    QStringList out;
    for (const auto &c : commands)
        out << QString::fromStdString(c.command_id());
    return out;
}

} // namespace

class TestCommandsInFlight final : public QObject
{
    Q_OBJECT

private slots:
    void unansweredOnesGoAgainInTheirOrder()
    {
        CommandsInFlight flight;
        flight.sent(command("a"), 1000);
        flight.sent(command("b"), 1100);
        flight.sent(command("c"), 1200);
        QVERIFY(flight.answered("b"));
        QCOMPARE(ids(flight.toResend(2000, 30000)), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        // Still unanswered after the resend: another dead link sends them again.
        QCOMPARE(flight.size(), std::size_t(2));
        QCOMPARE(ids(flight.toResend(3000, 30000)), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    }

    void aResultIsHandedOnOnce()
    {
        CommandsInFlight flight;
        flight.sent(command("a"), 0);
        QVERIFY(flight.answered("a"));
        QVERIFY(!flight.answered("a"));   // the other gateway's answer to the resend
        QVERIFY(flight.isEmpty());
        QVERIFY(flight.toResend(10, 30000).empty());
    }

    void aResultNobodyWaitedForIsHandedOnOnceToo()
    {
        CommandsInFlight flight;
        QVERIFY(flight.answered("x"));
        QVERIFY(!flight.answered("x"));
    }

    void tooOldOnesAreGivenUp()
    {
        CommandsInFlight flight;
        flight.sent(command("old"), 0);
        flight.sent(command("new"), 25000);
        std::vector<sitroom::v1::Command> givenUp;
        QCOMPARE(ids(flight.toResend(31000, 30000, &givenUp)), QStringList{QStringLiteral("new")});
        QCOMPARE(ids(givenUp), QStringList{QStringLiteral("old")});
        QCOMPARE(flight.size(), std::size_t(1));
    }

    void aResentCommandKeepsItsFirstTime()
    {
        CommandsInFlight flight;
        flight.sent(command("a"), 0);
        flight.sent(command("a"), 20000);   // sent again by the worker
        QCOMPARE(flight.size(), std::size_t(1));
        QVERIFY(flight.toResend(31000, 30000).empty());
    }

    void rememberedAnswersAreBounded()
    {
        CommandsInFlight flight;
        for (std::size_t i = 0; i <= CommandsInFlight::kRememberedAnswers; ++i)
            QVERIFY(flight.answered(std::to_string(i)));
        // The oldest is forgotten; the newest still counts as answered.
        QVERIFY(flight.answered("0"));
        QVERIFY(!flight.answered(std::to_string(CommandsInFlight::kRememberedAnswers)));
    }
};

QTEST_APPLESS_MAIN(TestCommandsInFlight)
#include "tst_commandsinflight.moc"
