// sitroomctl's command stages against a scripted gateway: the stage printed
// with each result, and --wait-effect until the effect is seen (exit 0), not
// seen (exit 8) or the wait runs out (exit 9); delivery failures are refusals.
#include "tests/support/ScriptedGateway.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;

namespace {

v1::Envelope progressOf(const v1::Command &command, v1::CommandStage stage, quint32 afterMs, quint64 revision = 6)
{
    v1::Envelope e;
    auto *p = e.mutable_command_progress();
    p->set_command_id(command.command_id());
    p->set_stage(stage);
    p->set_after_ms(afterMs);
    p->set_revision(revision);
    p->set_action("set admission rate to 400/s");
    p->set_expectation("admission.rate_limit_per_s = 400");
    p->set_detail(stage == v1::COMMAND_STAGE_EFFECT_NOT_SEEN ? "throttle still 500/s after 30 s" : "");
    return e;
}

} // namespace

class tst_CtlWaitEffect : public QObject
{
    Q_OBJECT

private:
    TemporaryTlsDir m_tls;
    std::unique_ptr<ScriptedGateway> m_gateway;

    QStringList args(const QStringList &tail) const
    {
        return QStringList{QStringLiteral("--server"), m_gateway->address(), QStringLiteral("--ca"), m_tls.caPath(),
                           QStringLiteral("--user"), QStringLiteral("kim")}
            + tail;
    }

    static QStringList throttle(const QStringList &extra = {})
    {
        return QStringList{QStringLiteral("throttle"), QStringLiteral("400"), QStringLiteral("--reason"),
                           QStringLiteral("queue above 30 min")}
            + extra;
    }

private slots:
    void init()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_gateway = std::make_unique<ScriptedGateway>();
        QString error;
        QVERIFY2(m_gateway->listen(m_tls.path(), &error), qPrintable(error));
    }

    void cleanup() { m_gateway.reset(); }

    void stagePrintedWithTheResult()
    {
        m_gateway->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
        });
        const CtlRun run = m_gateway->runCtl(args(throttle()));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("applied: ")) && run.out.contains(QStringLiteral("stage: accepted")),
                 qPrintable(describe(run)));

        const CtlRun json = m_gateway->runCtl(args(throttle({QStringLiteral("--json")})));
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("accepted"));
        QVERIFY(!o.contains(QStringLiteral("effect")));
    }

    void effectSeen()
    {
        m_gateway->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
            g.sendLater(300, progressOf(c, v1::COMMAND_STAGE_EFFECT_SEEN, 2100));
        });
        const CtlRun run = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect")})));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("effect seen after 2.1 s")), qPrintable(describe(run)));

        const CtlRun json = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect=20"), QStringLiteral("--json")})));
        QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
        const QJsonObject effect = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("effect")).toObject();
        QCOMPARE(effect.value(QStringLiteral("stage")).toString(), QStringLiteral("effect_seen"));
        QCOMPARE(effect.value(QStringLiteral("after_ms")).toInt(), 2100);
    }

    void effectNotSeen()
    {
        m_gateway->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
            g.sendLater(200, progressOf(c, v1::COMMAND_STAGE_EFFECT_NOT_SEEN, 30000));
        });
        const CtlRun run = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect"), QStringLiteral("45")})));
        QVERIFY2(run.exitCode == 8, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("effect NOT seen after 30.0 s")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("admission.rate_limit_per_s = 400")), qPrintable(describe(run)));
    }

    void waitRunsOut()
    {
        m_gateway->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
            // Someone else's change settles; ours never does.
            v1::Command other = c;
            other.set_command_id("someone-else");
            g.sendLater(100, progressOf(other, v1::COMMAND_STAGE_EFFECT_SEEN, 900, 7));
        });
        const CtlRun run = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect"), QStringLiteral("1"), QStringLiteral("--json")})));
        QVERIFY2(run.exitCode == 9, qPrintable(describe(run)));
        QVERIFY2(run.elapsedMs >= 1000, qPrintable(describe(run)));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 9);
        QCOMPARE(o.value(QStringLiteral("effect")).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("accepted"));
    }

    void deliveryFailedIsARefusal()
    {
        m_gateway->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_REFUSED, v1::COMMAND_STAGE_DELIVERY_FAILED, 5,
                                           "control webhook answered 503"));
        });
        const CtlRun run = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect")})));
        QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("delivery to the live system failed: control webhook answered 503")),
                 qPrintable(describe(run)));
    }

    void usage()
    {
        const CtlRun status = m_gateway->runCtl(args({QStringLiteral("status"), QStringLiteral("--wait-effect")}));
        QCOMPARE(status.exitCode, 2);
        const CtlRun bad = m_gateway->runCtl(args(throttle({QStringLiteral("--wait-effect=0")})));
        QCOMPARE(bad.exitCode, 2);
        const CtlRun help = m_gateway->runCtl({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("8 effect not seen")));
        const CtlRun throttleHelp = m_gateway->runCtl({QStringLiteral("throttle"), QStringLiteral("--help")});
        QVERIFY2(throttleHelp.out.contains(QStringLiteral("--wait-effect")), qPrintable(describe(throttleHelp)));
        QVERIFY(m_gateway->commands().empty());
    }
};

QTEST_GUILESS_MAIN(tst_CtlWaitEffect)
#include "tst_ctlwaiteffect.moc"
