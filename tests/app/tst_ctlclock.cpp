// sitroomctl's times against the real sitroom-sim at 30x: every time on the
// live system's clock, in its zone (KST), labelled, whatever the zone of the
// machine sitroomctl runs on; the simulation's clock and the wall clock both
// named in the status.
#include "tests/support/CtlProcess.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <memory>

using sitroom::testing::SimulatorProcess;
using sitroom::testing::TemporaryTlsDir;
using sitroom::testing::describe;
using sitroom::testing::runCtl;

class TestCtlClock final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TemporaryTlsDir> m_tls;
    std::unique_ptr<SimulatorProcess> m_sim;

    QStringList viewer() const
    {
        return {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(m_sim->port()),
                QStringLiteral("--ca"), m_tls->caPath(), QStringLiteral("--user"), QStringLiteral("tester")};
    }

private slots:
    void initTestCase()
    {
        // sitroomctl inherits this: a machine in New York, 13 hours from Seoul.
        qputenv("TZ", QByteArrayLiteral("America/New_York"));
        m_tls = std::make_unique<TemporaryTlsDir>();
        QVERIFY2(m_tls->isValid(), qPrintable(m_tls->errorString()));
        m_sim = std::make_unique<SimulatorProcess>();
        QString error;
        // 35 minutes in: past the 20:00 opening, with alerts raised.
        QVERIFY2(m_sim->start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"),
                               m_tls->path(), QStringLiteral("--speed"), QStringLiteral("30"),
                               QStringLiteral("--fast-forward"), QStringLiteral("35m")},
                              &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_sim)
            m_sim->stop();
    }

    void statusNamesBothClocks()
    {
        const auto run = runCtl(viewer() << QStringLiteral("status"));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        // opening-18-49 starts 19:30 KST; 35 minutes on, at 30x, it is past 20:05 KST.
        static const QRegularExpression line(QStringLiteral(
            "\ntime +2021-08-09 (2\\d):\\d\\d:\\d\\d KST \\(simulation\\), wall clock \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d KST\n"));
        const QRegularExpressionMatch m = line.match(run.out);
        QVERIFY2(m.hasMatch(), qPrintable(run.out));
        QCOMPARE(m.captured(1), QStringLiteral("20"));
    }

    void alertTimesAreKst()
    {
        const auto run = runCtl(viewer() << QStringLiteral("alerts"));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        static const QRegularExpression time(QStringLiteral("  (\\d\\d):\\d\\d:\\d\\d KST  "));
        auto it = time.globalMatch(run.out);
        int times = 0;
        while (it.hasNext()) {
            // Raised after the 20:00 opening on the live system's clock; New
            // York's would read 07:xx.
            QCOMPARE(it.next().captured(1), QStringLiteral("20"));
            ++times;
        }
        QVERIFY2(times > 0 || run.out.contains(QStringLiteral("no open alerts")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral(" 07:")), qPrintable(run.out));
    }

    void auditTimesAreKst()
    {
        // A refused change is audited too: a row of this session's own.
        const auto refused = runCtl(viewer() << QStringLiteral("throttle") << QStringLiteral("3000")
                                             << QStringLiteral("--reason") << QStringLiteral("clock test"));
        QVERIFY2(refused.exitCode != 0, qPrintable(describe(refused)));

        const auto text = runCtl(viewer() << QStringLiteral("audit"));
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        static const QRegularExpression stamp(QStringLiteral("^\\d+  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d KST( \\(gateway clock\\))?  "),
                                              QRegularExpression::MultilineOption);
        QVERIFY2(stamp.match(text.out).hasMatch(), qPrintable(text.out));

        const auto csv = runCtl(viewer() << QStringLiteral("audit") << QStringLiteral("--csv"));
        QVERIFY2(csv.exitCode == 0, qPrintable(describe(csv)));
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(csv.out));
        QVERIFY2(lines.first().startsWith(QStringLiteral("id,\"time (live system, KST)\",clock,user,")),
                 qPrintable(lines.first()));
        static const QRegularExpression row(QStringLiteral("^\\d+,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+09:00,(live system|gateway),"));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).front().isDigit())  // not a reason's continued line
                QVERIFY2(row.match(lines.at(i)).hasMatch(), qPrintable(lines.at(i)));
        }

        const auto json = runCtl(viewer() << QStringLiteral("--json") << QStringLiteral("audit"));
        QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
        const QJsonArray entries = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("entries")).toArray();
        QVERIFY(!entries.isEmpty());
        for (const QJsonValue &e : entries)
            QVERIFY2(e.toObject().value(QStringLiteral("time")).toString().endsWith(QStringLiteral("+09:00")),
                     QJsonDocument(e.toObject()).toJson().constData());
    }
};

QTEST_GUILESS_MAIN(TestCtlClock)
#include "tst_ctlclock.moc"
