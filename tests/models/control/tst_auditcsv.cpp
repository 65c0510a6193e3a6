#include "models/control/AuditCsv.h"

#include "sitroom/v1/envelope.pb.h"

#include <QtTest>

using namespace sitroom;
using sitroom::models::auditCsv;
using sitroom::models::csvField;

class tst_AuditCsv : public QObject
{
    Q_OBJECT

private slots:
    void field_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("kim") << QStringLiteral("kim");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"no\"") << QStringLiteral("\"say \"\"no\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("cr") << QStringLiteral("one\rtwo") << QStringLiteral("\"one\rtwo\"");
        QTest::newRow("leading space") << QStringLiteral(" x") << QStringLiteral("\" x\"");
        QTest::newRow("korean") << QStringLiteral("카카오 장애") << QStringLiteral("카카오 장애");
    }

    void field()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(csvField(value), expected);
    }

    // Whatever the machine's zone, the times are the live system's, in its zone.
    void document_data()
    {
        QTest::addColumn<QByteArray>("machineZone");
        QTest::newRow("machine on UTC") << QByteArrayLiteral("UTC");
        QTest::newRow("machine in New York") << QByteArrayLiteral("America/New_York");
    }

    void document()
    {
        QFETCH(QByteArray, machineZone);
        qputenv("TZ", machineZone);
        std::deque<v1::AuditEntry> entries(2);
        entries[0].set_id(1);
        entries[0].set_time_ms(1700000000000);         // the gateway's wall clock: not shown
        entries[0].set_source_time_ms(1628506887000);  // 2021-08-09 20:01:27 in Seoul
        entries[0].set_command_id("c-1");
        entries[0].set_user("kim");
        entries[0].set_site(v1::SITE_SEOUL);
        entries[0].set_action("set_admission_rate");
        entries[0].set_reason("queue, \"too\" long\nsee runbook");
        entries[0].set_before("{\"rate\":800}");
        entries[0].set_after("{\"rate\":600}");
        entries[0].set_outcome("applied");
        entries[0].set_hash(std::string("\x01\xff", 2));
        // Written before the gateway kept the live system's clock: the wall
        // clock, in the same zone, and the clock column says so.
        entries[1].set_id(2);
        entries[1].set_time_ms(1628506801000);  // 2021-08-09T11:00:01Z
        entries[1].set_user("lee");
        entries[1].set_site(v1::SITE_OSONG);
        entries[1].set_action("sign_in");
        entries[1].set_reason("");
        entries[1].set_outcome("refused");
        const QByteArray csv = auditCsv(entries, sitroom::domain::LiveClock(QStringLiteral("Asia/Seoul")));
        const QByteArray expected =
            "id,\"time (live system, KST)\",clock,user,site,action,reason,before,after,outcome,hash,command_id\r\n"
            "1,2021-08-09T20:01:27.000+09:00,live system,kim,seoul,set_admission_rate,\"queue, \"\"too\"\" long\nsee runbook\","
            "\"{\"\"rate\"\":800}\",\"{\"\"rate\"\":600}\",applied,01ff,c-1\r\n"
            "2,2021-08-09T20:00:01.000+09:00,gateway,lee,osong,sign_in,,,,refused,,\r\n";
        QCOMPARE(csv, expected);
        // Without a configured zone: KST too.
        QCOMPARE(auditCsv(entries), expected);
    }
};

QTEST_GUILESS_MAIN(tst_AuditCsv)
#include "tst_auditcsv.moc"
