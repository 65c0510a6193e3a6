// sitroomctl given two gateways (--server a,b), played by scripted in-process
// gateways: a dead first one is passed for the second, a degraded one for a
// healthy one, and a command whose link dies before its answer is sent again
// through the other, same command_id, its result printed once.
#include "tests/support/ScriptedGateway.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

#include <map>
#include <memory>

using namespace sitroom;
using namespace sitroom::testing;

namespace {

quint16 portNobodyListensOn()
{
    QTcpServer reserve;
    if (!reserve.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = reserve.serverPort();
    reserve.close();
    return port;
}

QStringList throttle()
{
    return {QStringLiteral("throttle"), QStringLiteral("400"), QStringLiteral("--reason"), QStringLiteral("queue above 30 min")};
}

} // namespace

class TestCtlFailover final : public QObject
{
    Q_OBJECT

private:
    TemporaryTlsDir m_tls;
    std::unique_ptr<ScriptedGateway> m_seoul;
    std::unique_ptr<ScriptedGateway> m_osong;

    QStringList args(const QString &servers, const QStringList &tail) const
    {
        return QStringList{QStringLiteral("--server"), servers, QStringLiteral("--ca"), m_tls.caPath(),
                           QStringLiteral("--user"), QStringLiteral("kim"), QStringLiteral("--timeout"), QStringLiteral("5")}
            + tail;
    }
    QString both() const { return m_seoul->address() + u',' + m_osong->address(); }

    // Runs sitroomctl while both gateways keep serving (one event loop).
    CtlRun run(const QStringList &arguments) { return m_osong->runCtl(arguments); }

    static void applyOnce(const std::shared_ptr<std::map<std::string, v1::Envelope>> &results, ScriptedGateway &g,
                          const v1::Command &command)
    {
        // One pipeline behind both: a repeated command_id gets its first result.
        const auto [at, first] = results->try_emplace(
            command.command_id(), ScriptedGateway::answer(command, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
        Q_UNUSED(first);
        g.send(at->second);
    }

private slots:
    void init()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_seoul = std::make_unique<ScriptedGateway>();
        m_osong = std::make_unique<ScriptedGateway>();
        m_seoul->setIdentity(QStringLiteral("seoul-gw"), v1::SITE_SEOUL);
        m_osong->setIdentity(QStringLiteral("osong-gw"), v1::SITE_OSONG);
        m_seoul->setServiceLevel(255);
        m_osong->setServiceLevel(255);
        m_seoul->snapshot().mutable_configuration()->set_scenario_id("seoul-picture");
        m_osong->snapshot().mutable_configuration()->set_scenario_id("osong-picture");
        QString error;
        QVERIFY2(m_seoul->listen(m_tls.path(), &error), qPrintable(error));
        QVERIFY2(m_osong->listen(m_tls.path(), &error), qPrintable(error));
        // Heartbeats' worth of life on both links.
        m_seoul->startTicking(200);
        m_osong->startTicking(200);
    }

    void cleanup()
    {
        m_seoul.reset();
        m_osong.reset();
    }

    void aDeadFirstGatewayIsPassedForTheSecond()
    {
        const quint16 nobody = portNobodyListensOn();
        QVERIFY(nobody != 0);
        const CtlRun r = run(args(QStringLiteral("127.0.0.1:%1,%2").arg(nobody).arg(m_osong->address()),
                                  {QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(m_osong->signIns(), 1);
        // Said on standard error, the output untouched.
        QVERIFY2(r.err.contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(nobody))
                     && r.err.contains(QStringLiteral("trying %1").arg(m_osong->address())),
                 qPrintable(describe(r)));
        QVERIFY2(!QJsonDocument::fromJson(r.out.toUtf8()).isNull(), qPrintable(describe(r)));
    }

    void everyGatewayDownSaysEach()
    {
        const quint16 first = portNobodyListensOn();
        m_osong->die();
        const CtlRun r = run(args(QStringLiteral("127.0.0.1:%1,%2").arg(first).arg(m_osong->address()), {QStringLiteral("status")}));
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("no gateway could be used")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("127.0.0.1:%1").arg(first)) && r.err.contains(m_osong->address()),
                 qPrintable(describe(r)));
    }

    void aDegradedGatewayIsLeftForAHealthyOne()
    {
        m_seoul->setServiceLevel(90);
        const CtlRun r = run(args(both(), {QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // Osong asked by a probe, then signed in to; the status is Osong's.
        QCOMPARE(m_osong->probes(), 1);
        QCOMPARE(m_osong->signIns(), 1);
        QVERIFY2(r.out.contains(QStringLiteral("osong-picture")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("serves at level 90; using %1").arg(m_osong->address())), qPrintable(describe(r)));
    }

    void aHealthyFirstGatewayIsKept()
    {
        const CtlRun r = run(args(both(), {QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("seoul-picture")), qPrintable(describe(r)));
        QCOMPARE(m_osong->probes() + m_osong->signIns(), 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(describe(r)));
    }

    void aCommandWhoseLinkDiesIsSentAgainThroughTheOther()
    {
        auto results = std::make_shared<std::map<std::string, v1::Envelope>>();
        // Seoul takes the command, decides it, and dies before it can answer.
        m_seoul->setCommandScript([results](ScriptedGateway &g, const v1::Command &command) {
            results->try_emplace(command.command_id(),
                                 ScriptedGateway::answer(command, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
            QTimer::singleShot(50, &g, [&g] { g.die(); });
        });
        m_osong->setCommandScript([results](ScriptedGateway &g, const v1::Command &c) { applyOnce(results, g, c); });
        const CtlRun r = run(args(both(), throttle() + QStringList{QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(int(m_seoul->commands().size()), 1);
        QCOMPARE(int(m_osong->commands().size()), 1);
        QCOMPARE(m_osong->commands().front().command_id(), m_seoul->commands().front().command_id());
        QCOMPARE(m_osong->commands().front().expected_revision(), m_seoul->commands().front().expected_revision());
        // One result, the first one.
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.out.count(QStringLiteral("\"status\"")), 1);
        QVERIFY2(r.err.contains(QStringLiteral("trying the other gateways"))
                     && r.err.contains(QStringLiteral("signed in to %1").arg(m_osong->address())),
                 qPrintable(describe(r)));
    }

    void aSilentLinkCountsAsDead()
    {
        m_seoul->setCommandScript([](ScriptedGateway &g, const v1::Command &) { g.goSilent(); });
        m_osong->setCommandScript([](ScriptedGateway &g, const v1::Command &c) {
            g.send(ScriptedGateway::answer(c, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_ACCEPTED, 6));
        });
        QElapsedTimer clock;
        clock.start();
        const CtlRun r = run(args(both(), throttle()));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(int(m_osong->commands().size()), 1);
        QVERIFY2(r.err.contains(QStringLiteral("nothing came from %1").arg(m_seoul->address())), qPrintable(describe(r)));
        // Three heartbeat intervals, not the five-second wait for an answer.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestCtlFailover)
#include "tst_ctlfailover.moc"
