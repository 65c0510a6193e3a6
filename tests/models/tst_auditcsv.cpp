#include "control/AuditCsv.h"

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

    void document()
    {
        std::deque<v1::AuditEntry> entries(2);
        entries[0].set_id(1);
        entries[0].set_time_ms(1628506800000);  // 2021-08-09T11:00:00Z
        entries[0].set_user("kim");
        entries[0].set_site(v1::SITE_SEOUL);
        entries[0].set_action("set_admission_rate");
        entries[0].set_reason("queue, \"too\" long\nsee runbook");
        entries[0].set_before("{\"rate\":800}");
        entries[0].set_after("{\"rate\":600}");
        entries[0].set_outcome("applied");
        entries[0].set_hash(std::string("\x01\xff", 2));
        entries[1].set_id(2);
        entries[1].set_time_ms(1628506801000);
        entries[1].set_user("lee");
        entries[1].set_site(v1::SITE_OSONG);
        entries[1].set_action("sign_in");
        entries[1].set_reason("");
        entries[1].set_outcome("refused");
        const QByteArray csv = auditCsv(entries);
        const QByteArray expected =
            "id,time,user,site,action,reason,before,after,outcome,hash\r\n"
            "1,2021-08-09T11:00:00.000Z,kim,seoul,set_admission_rate,\"queue, \"\"too\"\" long\nsee runbook\","
            "\"{\"\"rate\"\":800}\",\"{\"\"rate\"\":600}\",applied,01ff\r\n"
            "2,2021-08-09T11:00:01.000Z,lee,osong,sign_in,,,,refused,\r\n";
        QCOMPARE(csv, expected);
    }
};

QTEST_GUILESS_MAIN(tst_AuditCsv)
#include "tst_auditcsv.moc"
