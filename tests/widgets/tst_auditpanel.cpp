// The audit timeline on its own, offscreen: entries as they arrive, newest
// first, with who, where and why; the export writes every entry the console
// holds, oldest first, on the live system's clock; an export that cannot be
// written says why; the Export button asks where (without blocking the live
// console behind it) and says what it wrote.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"

#include "models/itemmodels/AuditModel.h"
#include "widgets/controls/AuditPanel.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::AuditModel;
using sitroom::widgets::AuditPanel;

namespace {

// 20:01:27 KST on 9 August 2021 on the live system's clock.
constexpr qint64 kLive = 1'628'506'887'000;

void live(ConsoleData &c)
{
    c.store.apply(linkBatch(models::LinkState::Live));
    v1::Configuration config = makeConfiguration({"kakao"}, {}, "cascade-drill", 7, kLive - 10 * kMinuteMs);
    config.set_timezone("Asia/Seoul");
    c.arrive(snapshotBatch(config, makeState(kLive, {"kakao"}), makeHistory(kLive - 10'000, 10), c.now));
}

void audited(ConsoleData &c, quint64 id, const std::string &user, v1::Site site, const std::string &reason, qint64 liveMs)
{
    models::TelemetryBatch b;
    v1::Envelope env;
    v1::AuditEntry *e = env.mutable_audit_event()->mutable_entry();
    e->set_id(id);
    e->set_user(user);
    e->set_site(site);
    e->set_action("throttle to 500/s");
    e->set_reason(reason);
    e->set_outcome("applied");
    e->set_time_ms(1'700'000'000'000 + qint64(id));   // the gateway's wall clock
    e->set_source_time_ms(liveMs);
    b.events.push_back(env);
    c.arrive(b);
}

QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class tst_AuditPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void entriesArriveNewestFirst()
    {
        ConsoleData c;
        AuditModel model(c.store);
        AuditPanel panel(&model, c.store);
        panel.show();
        live(c);
        QCOMPARE(panel.view()->model()->rowCount(), 0);
        audited(c, 1, "kim", v1::SITE_SEOUL, "backend at 97 %", kLive);
        audited(c, 2, "park", v1::SITE_OSONG, "queue above a million", kLive + 60'000);
        QCOMPARE(panel.view()->model()->rowCount(), 2);
        QCOMPARE(cell(panel.view(), 0, AuditModel::User), QStringLiteral("park"));
        QCOMPARE(cell(panel.view(), 0, AuditModel::Site), QStringLiteral("Osong"));
        QCOMPARE(cell(panel.view(), 0, AuditModel::Reason), QStringLiteral("queue above a million"));
        QCOMPARE(cell(panel.view(), 1, AuditModel::User), QStringLiteral("kim"));
        QVERIFY2(cell(panel.view(), 1, AuditModel::Time).contains(QStringLiteral("20:01:27")), qPrintable(cell(panel.view(), 1, AuditModel::Time)));
        // An entry that arrives late (an older id) takes its place, not the top.
        audited(c, 0, "lee", v1::SITE_OSONG, "sign-in", kLive - 60'000);
        QCOMPARE(cell(panel.view(), 2, AuditModel::User), QStringLiteral("lee"));
        // What did what reads in full: the outcome takes the room left, the rest a readable width.
        QVERIFY(panel.view()->horizontalHeader()->sectionSize(AuditModel::Action) >= 200);
        QCOMPARE(panel.view()->horizontalHeader()->sectionResizeMode(AuditModel::Outcome), QHeaderView::Stretch);
    }

    void exportWritesEveryEntryOldestFirstOnTheLiveClock()
    {
        ConsoleData c;
        AuditModel model(c.store);
        AuditPanel panel(&model, c.store);
        live(c);
        audited(c, 2, "park", v1::SITE_OSONG, "queue, then the backend", kLive + 60'000);
        audited(c, 1, "kim", v1::SITE_SEOUL, "backend at 97 %", kLive);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QString error;
        QVERIFY2(panel.exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QStringLiteral("id,\"time (live system, KST)\",clock,user,site")), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("1,2021-08-09T20:01:27")), qPrintable(lines[1]));
        QVERIFY2(lines[1].contains(QStringLiteral(",live system,kim,")), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("2,2021-08-09T20:02:27")), qPrintable(lines[2]));
        QVERIFY2(lines[2].contains(QStringLiteral("\"queue, then the backend\"")), qPrintable(lines[2]));
    }

    void exportThatCannotBeWrittenSaysWhy()
    {
        ConsoleData c;
        AuditModel model(c.store);
        AuditPanel panel(&model, c.store);
        live(c);
        audited(c, 1, "kim", v1::SITE_SEOUL, "backend at 97 %", kLive);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(!panel.exportTo(dir.filePath(QStringLiteral("no-such-folder/audit.csv")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("no-such-folder/audit.csv"))));
    }

    void exportButtonAsksWhereThenSaysWhatItWrote()
    {
        ConsoleData c;
        AuditModel model(c.store);
        AuditPanel panel(&model, c.store);
        panel.show();
        live(c);
        audited(c, 1, "kim", v1::SITE_SEOUL, "backend at 97 %", kLive);
        audited(c, 2, "park", v1::SITE_OSONG, "queue above a million", kLive + 60'000);
        panel.exportButton()->click();
        // Opened, not exec'd: the click returned while the console stays live behind it.
        auto *dialog = panel.findChild<QFileDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        QCOMPARE(dialog->defaultSuffix(), QStringLiteral("csv"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("night.csv"));
        emit dialog->fileSelected(path);
        dialog->close();
        QVERIFY(QFile::exists(path));
        auto *result = panel.findChild<QLabel *>(QStringLiteral("auditExportResult"));
        QVERIFY2(result->text().startsWith(QStringLiteral("Exported 2 entries to ")), qPrintable(result->text()));
        QVERIFY2(result->text().endsWith(QDir::toNativeSeparators(path)), qPrintable(result->text()));
    }
};

QTEST_MAIN(tst_AuditPanel)
#include "tst_auditpanel.moc"
