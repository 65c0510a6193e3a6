// Changes waiting for a second supervisor, offscreen: every console lists
// them as they come and go, with who asked, why and the gateway's deadline
// counting down; a supervisor other than the requester gets an Approve
// button that asks for that request; the requester is told another
// supervisor approves; operators, and anyone while the link is down, get none.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"

#include "widgets/controls/PendingApprovalsPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::widgets::PendingApprovalsPanel;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver"};
// 20:15:00 KST on 9 August 2021, on the live system's clock and the gateway's.
constexpr qint64 kNow = 1'628'507'700'000;

v1::PendingApproval request(const std::string &id, const std::string &user, v1::Site site, qint64 expiresMs,
                            const std::string &provider = "kakao")
{
    v1::PendingApproval p;
    p.set_request_id(id);
    p.mutable_command()->set_command_id("cmd-" + id);
    p.mutable_command()->set_reason("verification errors at 40 %");
    p.mutable_command()->mutable_set_provider_enabled()->set_provider_id(provider);
    p.mutable_command()->mutable_set_provider_enabled()->set_enabled(false);
    p.mutable_requested_by()->set_user(user);
    p.mutable_requested_by()->set_site(site);
    p.mutable_requested_by()->set_time_ms(kNow);
    p.set_expires_ms(expiresMs);
    return p;
}

// The console of `user` with `role`, live at kNow, nothing pending.
void signedIn(ConsoleData &c, v1::Role role, const std::string &user = "choi")
{
    c.store.apply(linkBatch(models::LinkState::Live));
    v1::Configuration config = makeConfiguration(kProviders, {}, "cascade-drill", 7, kNow - 15 * kMinuteMs);
    config.set_timezone("Asia/Seoul");
    models::TelemetryBatch b = snapshotBatch(config, makeState(kNow, kProviders), makeHistory(kNow - 60'000, 60), c.now);
    b.snapshot->mutable_control()->set_revision(1);
    v1::Welcome welcome;
    welcome.set_user(user);
    welcome.set_role(role);
    welcome.set_site(v1::SITE_MINISTRY);
    b.welcome = welcome;
    b.lastServerTimeMs = kNow;
    c.arrive(b);
}

// A ControlEvent with exactly these requests pending.
void pending(ConsoleData &c, const std::vector<v1::PendingApproval> &requests)
{
    models::TelemetryBatch b;
    v1::Envelope env;
    v1::ControlState *control = env.mutable_control_event()->mutable_control();
    *control = c.store.control();
    control->set_revision(c.store.control().revision() + 1);
    control->clear_pending();
    for (const auto &r : requests)
        *control->add_pending() = r;
    b.events.push_back(env);
    b.lastServerTimeMs = kNow;
    c.arrive(b);
}

QString providerName(const QString &id)
{
    return id == u"kakao" ? QStringLiteral("Kakao") : id == u"naver" ? QStringLiteral("Naver") : id;
}

// The Approve buttons in the table, by name, row by row.
QStringList approveButtons(const PendingApprovalsPanel &panel)
{
    QStringList names;
    for (int row = 0; row < panel.table()->rowCount(); ++row) {
        if (const QWidget *button = panel.table()->cellWidget(row, 4))
            names << button->objectName();
    }
    return names;
}

QString cell(const PendingApprovalsPanel &panel, int row, int column)
{
    const QTableWidgetItem *item = panel.table()->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class tst_PendingApprovalsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void rowsComeAndGoWithTheRequests()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_SUPERVISOR);
        auto *empty = panel.findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(empty->isVisible());
        QVERIFY(!panel.table()->isVisible());

        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 4 * kMinuteMs + 12'000),
                    request("r2", "lee", v1::SITE_OSONG, kNow + 2 * kMinuteMs, "naver")});
        QVERIFY(!empty->isVisible());
        QVERIFY(panel.table()->isVisible());
        QCOMPARE(panel.table()->rowCount(), 2);
        QCOMPARE(approveButtons(panel), (QStringList{QStringLiteral("approve-r1"), QStringLiteral("approve-r2")}));
        QCOMPARE(cell(panel, 0, 0), QStringLiteral("Disable Kakao"));
        QCOMPARE(cell(panel, 0, 1), QStringLiteral("park (Seoul)"));
        QCOMPARE(cell(panel, 0, 2), QStringLiteral("verification errors at 40 %"));
        QVERIFY2(cell(panel, 0, 3).contains(QStringLiteral("20:19:12 KST")) && cell(panel, 0, 3).contains(QStringLiteral("4 min 12 s left")),
                 qPrintable(cell(panel, 0, 3)));
        QCOMPARE(cell(panel, 1, 0), QStringLiteral("Disable Naver"));
        QCOMPARE(cell(panel, 1, 1), QStringLiteral("lee (Osong)"));
        QCOMPARE(panel.approvableCount(), 2);

        // r1 is decided: its row goes, r2's stays with its button.
        pending(c, {request("r2", "lee", v1::SITE_OSONG, kNow + 2 * kMinuteMs, "naver")});
        QCOMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(cell(panel, 0, 1), QStringLiteral("lee (Osong)"));
        QCOMPARE(approveButtons(panel), QStringList{QStringLiteral("approve-r2")});
        QCOMPARE(panel.approvableCount(), 1);

        pending(c, {});
        QCOMPARE(panel.table()->rowCount(), 0);
        QVERIFY(empty->isVisible());
        QCOMPARE(panel.approvableCount(), 0);
    }

    void approveAsksForThatRequest()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_SUPERVISOR);
        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 4 * kMinuteMs),
                    request("r2", "lee", v1::SITE_OSONG, kNow + 2 * kMinuteMs, "naver")});
        QSignalSpy asked(&panel, &PendingApprovalsPanel::approveRequested);
        auto *approve = panel.findChild<QPushButton *>(QStringLiteral("approve-r2"));
        QVERIFY(approve);
        approve->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toString(), QStringLiteral("r2"));
        QVERIFY2(asked[0][1].toString().startsWith(QStringLiteral("Disable Naver, requested by lee (Osong)")),
                 qPrintable(asked[0][1].toString()));
    }

    void theRequesterIsToldAnotherSupervisorApproves()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_SUPERVISOR, "park");
        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 4 * kMinuteMs)});
        QVERIFY(approveButtons(panel).isEmpty());
        QCOMPARE(panel.approvableCount(), 0);
        QCOMPARE(cell(panel, 0, 4), QStringLiteral("yours: another supervisor approves"));
    }

    void operatorsSeeTheRequestButCannotApprove()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_OPERATOR, "kim");
        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 4 * kMinuteMs)});
        QCOMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(panel.approvableCount(), 0);
        QVERIFY(cell(panel, 0, 4).isEmpty());
    }

    void noApprovingWhileTheLinkIsDown()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_SUPERVISOR);
        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 4 * kMinuteMs)});
        QCOMPARE(panel.approvableCount(), 1);
        c.store.apply(linkBatch(models::LinkState::Failed));
        QCOMPARE(panel.table()->rowCount(), 1);   // still listed: it is still pending for all we know
        QCOMPARE(panel.approvableCount(), 0);
        c.store.apply(linkBatch(models::LinkState::Live));
        QCOMPARE(panel.approvableCount(), 1);
    }

    void theDeadlineCountsDown()
    {
        ConsoleData c;
        PendingApprovalsPanel panel(c.store, providerName);
        panel.show();
        signedIn(c, v1::ROLE_SUPERVISOR);
        pending(c, {request("r1", "park", v1::SITE_SEOUL, kNow + 10'000)});
        QVERIFY2(cell(panel, 0, 3).endsWith(QStringLiteral("10 s left")), qPrintable(cell(panel, 0, 3)));
        // Three seconds on the gateway's clock with no event: the panel's own tick says so.
        c.now += 3000;
        QTRY_VERIFY2(cell(panel, 0, 3).endsWith(QStringLiteral("7 s left")), qPrintable(cell(panel, 0, 3)));
        c.now += 8000;
        QTRY_VERIFY2(cell(panel, 0, 3).endsWith(QStringLiteral("deadline passed")), qPrintable(cell(panel, 0, 3)));
    }
};

QTEST_MAIN(tst_PendingApprovalsPanel)
#include "tst_pendingapprovalspanel.moc"
