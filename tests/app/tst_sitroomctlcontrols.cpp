// sitroomctl as a process against the real sitroom-sim with --users and
// --state-dir (the server side of docs/controls.md): an operator's throttle,
// a refused password, roles, a disable a second supervisor approves,
// conflicts on an old revision, and the audit verified and exported as CSV.
// Each case gets a server of its own: they assert revisions and audit rows.
#include "tests/app/ControlledServer.h"
#include "tests/support/CtlProcess.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using sitroom::testing::ControlledServer;
using sitroom::testing::describe;
using sitroom::testing::runCtl;
using sitroom::testing::statusJson;

namespace {

// RFC 4180 records (CRLF or LF line ends, quoted fields with "" escapes);
// false when the text is not well formed.
bool parseCsv(const QString &text, QList<QStringList> *records)
{
    QStringList record;
    QString field;
    bool quoted = false, fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (fieldStarted && !field.isEmpty())
                return false;  // a quote inside an unquoted field
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && (i + 1 >= text.size() || text.at(i + 1) != u'\n'))
                return false;
            if (c == u'\r')
                ++i;
            record << field;
            *records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return false;
    if (fieldStarted || !record.isEmpty()) {
        record << field;
        *records << record;
    }
    return true;
}

} // namespace

class TestSitroomCtlControls final : public QObject
{
    Q_OBJECT

private slots:
    void operatorThrottleApplied()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QJsonObject before = statusJson(server.as(QStringLiteral("op")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A raise is never hazardous, so an operator's throttle applies at once.
        const auto run = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("throttle") << QStringLiteral("3000")
                                                                 << QStringLiteral("--reason") << QStringLiteral("drill: open up"));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("applied")), qPrintable(run.out));
        const QJsonObject after = statusJson(server.as(QStringLiteral("view")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after.value(QStringLiteral("admission_rate_per_s")).toDouble(), 3000.0);
        QCOMPARE(after.value(QStringLiteral("revision")).toInteger(), before.value(QStringLiteral("revision")).toInteger() + 1);

        // Outside the scenario's bounds (50 to 3000 per second): invalid, 5.
        const auto invalid = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("throttle") << QStringLiteral("99999")
                                                                     << QStringLiteral("--reason") << QStringLiteral("too much"));
        QVERIFY2(invalid.exitCode == 5, qPrintable(describe(invalid)));
        QVERIFY2(invalid.err.contains(QStringLiteral("invalid: throttle to 99999/s: ")), qPrintable(invalid.err));
    }

    void badPasswordIsRefusedPlainly()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QStringList args = server.as(QStringLiteral("op"));
        args[args.indexOf(QStringLiteral("--password-file")) + 1] = server.passwordFile(QStringLiteral("sup1"));
        const auto run = runCtl(args << QStringLiteral("status"));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("refused the session: the user name or password was not accepted")),
                 qPrintable(run.err));
    }

    void operatorMayNotDisable()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto run = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("disable") << QStringLiteral("kakao")
                                                                 << QStringLiteral("--reason") << QStringLiteral("slow"));
        QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("refused")), qPrintable(run.err));
    }

    void supervisorDisableNeedsSecondSupervisor()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto request = runCtl(server.as(QStringLiteral("sup1")) << QStringLiteral("disable") << QStringLiteral("kakao")
                                                                       << QStringLiteral("--reason") << QStringLiteral("errors at 40%")
                                                                       << QStringLiteral("--for") << QStringLiteral("10m"));
        QVERIFY2(request.exitCode == 0, qPrintable(describe(request)));
        static const QRegularExpression idLine(QStringLiteral("request id: (\\S+)"));
        const QString requestId = idLine.match(request.out).captured(1);
        QVERIFY2(!requestId.isEmpty(), qPrintable(request.out));

        const auto pending = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("pending"));
        QVERIFY2(pending.exitCode == 0, qPrintable(describe(pending)));
        QVERIFY2(pending.out.contains(requestId) && pending.out.contains(QStringLiteral("disable kakao for 10m"))
                     && pending.out.contains(QStringLiteral("sup1")),
                 qPrintable(pending.out));

        // An approval of a request that does not exist: expired, 6.
        const auto unknown = runCtl(server.as(QStringLiteral("sup2")) << QStringLiteral("approve") << QStringLiteral("no-such-request"));
        QVERIFY2(unknown.exitCode == 6, qPrintable(describe(unknown)));

        const auto own = runCtl(server.as(QStringLiteral("sup1")) << QStringLiteral("approve") << requestId);
        QVERIFY2(own.exitCode == 3, qPrintable(describe(own)));

        const auto approve = runCtl(server.as(QStringLiteral("sup2")) << QStringLiteral("approve") << requestId
                                                                       << QStringLiteral("--reason") << QStringLiteral("agreed"));
        QVERIFY2(approve.exitCode == 0, qPrintable(describe(approve)));
        QVERIFY2(approve.out.contains(QStringLiteral("applied")), qPrintable(approve.out));

        const QJsonObject status = statusJson(server.as(QStringLiteral("view")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(status.value(QStringLiteral("pending_count")).toInt(), 0);
        bool kakaoDisabled = false;
        for (const QJsonValue &p : status.value(QStringLiteral("control")).toObject().value(QStringLiteral("providers")).toArray()) {
            if (p.toObject().value(QStringLiteral("id")).toString() == QStringLiteral("kakao"))
                kakaoDisabled = !p.toObject().value(QStringLiteral("enabled")).toBool();
        }
        QVERIFY2(kakaoDisabled, QJsonDocument(status).toJson().constData());
    }

    void staleRevisionConflicts()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto first = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("throttle") << QStringLiteral("3000")
                                                                   << QStringLiteral("--reason") << QStringLiteral("first"));
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QJsonObject status = statusJson(server.as(QStringLiteral("op")), &error);
        const qint64 stale = status.value(QStringLiteral("revision")).toInteger() - 1;
        const auto run = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("throttle") << QStringLiteral("2900") << QStringLiteral("--reason")
                                                                 << QStringLiteral("second") << QStringLiteral("--revision")
                                                                 << QString::number(stale));
        QVERIFY2(run.exitCode == 4, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("conflict")), qPrintable(run.err));
        // Who changed it last: the first command's user and reason.
        QVERIFY2(run.out.contains(QStringLiteral("last change  op (seoul)")) && run.out.contains(QStringLiteral("\"first\"")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("in force     admission 3000/s")), qPrintable(run.out));
    }

    void auditVerifiesAndExportsCsv()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        // A reason with a comma, a quote and a line break exercises the quoting.
        const auto change = runCtl(server.as(QStringLiteral("op")) << QStringLiteral("throttle") << QStringLiteral("3000")
                                                                    << QStringLiteral("--reason")
                                                                    << QStringLiteral("surge, \"drill\"\nsecond line"));
        QVERIFY2(change.exitCode == 0, qPrintable(describe(change)));
        QCOMPARE(runCtl(server.as(QStringLiteral("op")) << QStringLiteral("disable") << QStringLiteral("kakao")
                                                         << QStringLiteral("--reason") << QStringLiteral("not mine"))
                     .exitCode,
                 3);

        const auto verify = runCtl(server.as(QStringLiteral("view")) << QStringLiteral("audit") << QStringLiteral("--verify"));
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
        QVERIFY2(verify.out.contains(QStringLiteral("audit chain ok")), qPrintable(verify.out));

        const auto csv = runCtl(server.as(QStringLiteral("view")) << QStringLiteral("audit") << QStringLiteral("--csv"));
        QVERIFY2(csv.exitCode == 0, qPrintable(describe(csv)));
        QList<QStringList> records;
        QVERIFY2(parseCsv(csv.out, &records), qPrintable(csv.out));
        // Header, the throttle and the refused disable (refusals are audited too).
        QVERIFY2(records.size() >= 3, qPrintable(csv.out));
        QCOMPARE(records.constFirst(), (QStringList{QStringLiteral("id"), QStringLiteral("time (live system, KST)"),
                                                    QStringLiteral("clock"), QStringLiteral("user"),
                                                    QStringLiteral("site"), QStringLiteral("action"), QStringLiteral("reason"),
                                                    QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("outcome")}));
        bool sawReason = false;
        for (const QStringList &r : records) {
            QCOMPARE(r.size(), 10);
            sawReason = sawReason || r.at(6) == QStringLiteral("surge, \"drill\"\nsecond line");
        }
        QVERIFY2(sawReason, qPrintable(csv.out));

        const auto limited = runCtl(server.as(QStringLiteral("view")) << QStringLiteral("--json") << QStringLiteral("audit")
                                                                       << QStringLiteral("--limit") << QStringLiteral("1"));
        // --json is a global option: it went after the user's options above,
        // which is still before the command.
        QVERIFY2(limited.exitCode == 0, qPrintable(describe(limited)));
        QCOMPARE(QJsonDocument::fromJson(limited.out.toUtf8()).object().value(QStringLiteral("entries")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSitroomCtlControls)
#include "tst_sitroomctlcontrols.moc"
