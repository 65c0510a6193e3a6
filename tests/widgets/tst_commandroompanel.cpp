// The room in command on the console, offscreen: the control desk's panel
// and the status bar's mark say which room is in command and what that means
// for this console; a waiting handover shows who asked, from where and why,
// with Accept and Decline for a supervisor of the room that answers (through
// the confirmation, with a reason) and Withdraw for the room that asked;
// a supervisor may ask for command or take it; a control of the room not in
// command says in its confirmation, its result and the approvals list whose
// approval it waits for, and only the room in command gets Approve. A
// gateway that says nothing of rooms shows nothing. In Korean first.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/controls/CommandRoomPanel.h"
#include "widgets/controls/CommandSiteMark.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::widgets::CommandRoomPanel;
using sitroom::widgets::CommandSiteMark;
using sitroom::widgets::ControlDesk;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver"};
constexpr qint64 kNow = 1'628'507'700'000;   // 20:15:00 KST, 9 August 2021

// The console of `user`, `role` at `site`, live at kNow; `commandSite` in
// command (0: a gateway that does not say).
void signedIn(ConsoleData &c, v1::Role role, v1::Site site, quint32 commandSite = v1::SITE_SEOUL,
              const std::string &user = "jung")
{
    c.store.apply(linkBatch(models::LinkState::Live));
    v1::Configuration config = makeConfiguration(kProviders, {}, "cascade-drill", 7, kNow - 15 * kMinuteMs);
    config.set_timezone("Asia/Seoul");
    config.set_admission_rate_min_per_s(50);
    config.set_admission_rate_max_per_s(3000);
    models::TelemetryBatch b = snapshotBatch(config, makeState(kNow, kProviders), makeHistory(kNow - 60'000, 60), c.now);
    b.snapshot->mutable_control()->set_revision(4);
    b.snapshot->mutable_control()->set_admission_rate_per_s(700);
    b.snapshot->mutable_control()->set_command_site(commandSite);
    v1::Welcome welcome;
    welcome.set_user(user);
    welcome.set_role(role);
    welcome.set_site(site);
    b.welcome = welcome;
    b.lastServerTimeMs = kNow;
    c.arrive(b);
}

// A ControlEvent: the state as it is, changed by `change`.
template<typename Change>
void controlEvent(ConsoleData &c, Change change, const std::string &actor = "park")
{
    models::TelemetryBatch b;
    v1::Envelope env;
    v1::ControlState *control = env.mutable_control_event()->mutable_control();
    *control = c.store.control();
    control->set_revision(c.store.control().revision() + 1);
    change(*control);
    env.mutable_control_event()->mutable_actor()->set_user(actor);
    env.mutable_control_event()->mutable_actor()->set_site(v1::SITE_SEOUL);
    env.mutable_control_event()->mutable_actor()->set_time_ms(kNow);
    *control->mutable_last_changed_by() = env.control_event().actor();
    b.events.push_back(env);
    b.lastServerTimeMs = kNow;
    c.arrive(b);
}

// Seoul offers command to Osong (asker Seoul), or Osong asks for it.
void handoverWaits(ConsoleData &c, v1::Site asking, const std::string &id = "h-1")
{
    controlEvent(c, [&](v1::ControlState &s) {
        v1::HandoverRequest *h = s.mutable_handover();
        h->set_request_id(id);
        h->set_from_site(v1::SITE_SEOUL);
        h->set_to_site(v1::SITE_OSONG);
        h->mutable_requested_by()->set_user(asking == v1::SITE_SEOUL ? "park" : "jung");
        h->mutable_requested_by()->set_site(asking);
        h->mutable_requested_by()->set_time_ms(kNow);
        h->mutable_requested_by()->set_reason("night shift runs from Osong");
        h->set_expires_ms(kNow + 4 * kMinuteMs + 12'000);
    });
}

QString visibleButtons(const CommandRoomPanel &panel)
{
    QStringList names;
    for (const QPushButton *b : {panel.requestButton(), panel.takeButton(), panel.acceptButton(), panel.declineButton(),
                                 panel.withdrawButton()}) {
        if (b->isVisibleTo(&panel))
            names << b->objectName();
    }
    return names.join(u',');
}

// The panel wired to a desk as the main window wires them.
struct Desk
{
    explicit Desk(ConsoleData &c)
        : panel(c.store, &parent)
        , desk(c.store, &parent)
    {
        QObject::connect(&panel, &CommandRoomPanel::handoverRequested, &desk, &ControlDesk::proposeHandover);
        QObject::connect(&panel, &CommandRoomPanel::handoverAnswered, &desk, &ControlDesk::proposeHandoverAnswer);
        QObject::connect(&panel, &CommandRoomPanel::takeCommandRequested, &desk, &ControlDesk::proposeTakeCommand);
        parent.show();
    }
    QWidget parent;
    CommandRoomPanel panel;
    ControlDesk desk;
};

// Confirms the desk's open dialog with a reason; the command it issued.
bool confirmWith(ControlDesk &desk, const QString &reason, v1::Command *issued)
{
    QSignalSpy spy(&desk, &ControlDesk::commandIssued);
    widgets::ControlConfirmDialog *dialog = desk.activeDialog();
    if (!dialog)
        return false;
    if (dialog->okButton()->isEnabled())
        return false;   // nothing goes without a reason
    dialog->reasonEdit()->setPlainText(reason);
    dialog->okButton()->click();
    if (spy.size() != 1)
        return false;
    *issued = spy.at(0).at(0).value<v1::Command>();
    return true;
}

QString dialogText(const widgets::ControlConfirmDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}

} // namespace

class tst_CommandRoomPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qRegisterMetaType<v1::Command>();
    }

    void saysWhichRoomIsInCommand_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("site");
        QTest::addColumn<QString>("note");
        QTest::newRow("Seoul, in command") << int(v1::ROLE_OPERATOR) << int(v1::SITE_SEOUL)
                                           << "This console's room steers: controls take effect as decided here.";
        QTest::newRow("Osong") << int(v1::ROLE_OPERATOR) << int(v1::SITE_OSONG)
                               << "Controls from this console wait for approval by a supervisor of Seoul room.";
        QTest::newRow("the ministry") << int(v1::ROLE_SUPERVISOR) << int(v1::SITE_MINISTRY)
                                      << "Controls from this console wait for approval by Seoul room.";
        QTest::newRow("a viewer") << int(v1::ROLE_VIEWER) << int(v1::SITE_OSONG) << "";
    }

    void saysWhichRoomIsInCommand()
    {
        QFETCH(int, role);
        QFETCH(int, site);
        QFETCH(QString, note);
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        CommandSiteMark mark(c.store, &parent);
        parent.show();
        signedIn(c, v1::Role(role), v1::Site(site));
        QVERIFY(panel.isVisible());
        QCOMPARE(panel.commandLabel()->text(), QStringLiteral("In command: Seoul room"));
        QCOMPARE(panel.noteLabel()->text(), note);
        QCOMPARE(panel.noteLabel()->isVisible(), !note.isEmpty());
        QVERIFY(mark.isVisible());
        QCOMPARE(mark.text(), QStringLiteral("In command: Seoul"));
        QVERIFY(!panel.handoverBox()->isVisible());
        // Command moves: both follow.
        controlEvent(c, [](v1::ControlState &s) { s.set_command_site(v1::SITE_OSONG); });
        QCOMPARE(panel.commandLabel()->text(), QStringLiteral("In command: Osong room"));
        QCOMPARE(mark.text(), QStringLiteral("In command: Osong"));
    }

    // The gateway cannot reach its state store: no room's controls take effect,
    // and the desk says so instead of "take effect as decided here".
    void aGatewayWithoutItsStoreRefusesEveryRoom()
    {
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        parent.show();
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_SEOUL);
        QCOMPARE(panel.noteLabel()->text(), QStringLiteral("This console's room steers: controls take effect as decided here."));
        models::TelemetryBatch down = tickBatch(makeState(kNow + 1000, kProviders), {}, c.now);
        down.serviceLevel = models::ServiceLevelNews{100, true};
        c.arrive(down);
        QCOMPARE(panel.noteLabel()->text(), QStringLiteral("The gateway cannot reach its shared state store: it refuses "
                                                           "every control, from either room, until the store is back."));
        QVERIFY(panel.noteLabel()->isVisible());
        models::TelemetryBatch back = tickBatch(makeState(kNow + 2000, kProviders), {}, c.now);
        back.serviceLevel = models::ServiceLevelNews{250, true};
        c.arrive(back);
        QCOMPARE(panel.noteLabel()->text(), QStringLiteral("This console's room steers: controls take effect as decided here."));
    }

    void aGatewayThatSaysNothingShowsNothing()
    {
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        CommandSiteMark mark(c.store, &parent);
        parent.show();
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_OSONG, 0);
        QVERIFY(!panel.isVisible());
        QVERIFY(!mark.isVisible());
    }

    // Who gets which button, as the gateway would allow it.
    void buttonsFollowTheRules_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("site");
        QTest::addColumn<int>("asking");   // the room that asked for a waiting handover; 0: none waits
        QTest::addColumn<bool>("live");
        QTest::addColumn<QString>("buttons");
        const int sup = v1::ROLE_SUPERVISOR, op = v1::ROLE_OPERATOR, seoul = v1::SITE_SEOUL, osong = v1::SITE_OSONG;
        QTest::newRow("Seoul supervisor") << sup << seoul << 0 << true << "requestHandover";
        QTest::newRow("Osong supervisor") << sup << osong << 0 << true << "requestHandover,takeCommand";
        QTest::newRow("Osong operator") << op << osong << 0 << true << "";
        QTest::newRow("ministry supervisor") << sup << int(v1::SITE_MINISTRY) << 0 << true << "";
        QTest::newRow("Osong supervisor, link down") << sup << osong << 0 << false << "";
        QTest::newRow("Seoul offered: Osong answers") << sup << osong << seoul << true << "acceptHandover,declineHandover";
        QTest::newRow("Seoul offered: Seoul withdraws") << sup << seoul << seoul << true << "withdrawHandover";
        QTest::newRow("Osong asked: Seoul answers") << sup << seoul << osong << true << "acceptHandover,declineHandover";
        QTest::newRow("Osong asked: Osong withdraws") << sup << osong << osong << true << "withdrawHandover";
        QTest::newRow("Osong asked: an operator reads") << op << seoul << osong << true << "";
    }

    void buttonsFollowTheRules()
    {
        QFETCH(int, role);
        QFETCH(int, site);
        QFETCH(int, asking);
        QFETCH(bool, live);
        QFETCH(QString, buttons);
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        parent.show();
        signedIn(c, v1::Role(role), v1::Site(site));
        if (asking)
            handoverWaits(c, v1::Site(asking));
        if (!live)
            c.store.apply(linkBatch(models::LinkState::Failed));
        QCOMPARE(visibleButtons(panel), buttons);
        QCOMPARE(panel.handoverBox()->isVisible(), asking != 0);
        if (buttons.contains(QLatin1String("requestHandover")))
            QCOMPARE(panel.requestButton()->text(),
                     site == v1::SITE_SEOUL ? QStringLiteral("Offer command to Osong room…") : QStringLiteral("Ask for command…"));
    }

    void aWaitingHandoverIsShownWithItsDeadline()
    {
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        CommandSiteMark mark(c.store, &parent);
        parent.show();
        signedIn(c, v1::ROLE_OPERATOR, v1::SITE_OSONG);
        handoverWaits(c, v1::SITE_SEOUL);
        QVERIFY(panel.handoverBox()->isVisible());
        QVERIFY2(panel.handoverLabel()->text().startsWith(QStringLiteral("Handover waiting: Seoul room → Osong room · asked by park (Seoul)")),
                 qPrintable(panel.handoverLabel()->text()));
        QVERIFY2(panel.handoverLabel()->text().contains(QStringLiteral("night shift runs from Osong")), qPrintable(panel.handoverLabel()->text()));
        const QString answer = panel.handoverBox()->findChildren<QLabel *>().at(1)->text();
        QVERIFY2(answer.contains(QStringLiteral("A supervisor of Osong room accepts or declines.")) && answer.contains(QStringLiteral("20:19:12 KST"))
                     && answer.contains(QStringLiteral("4 min 12 s left")),
                 qPrintable(answer));
        QCOMPARE(mark.text(), QStringLiteral("In command: Seoul · handover waiting"));
        // Answered elsewhere: it goes.
        controlEvent(c, [](v1::ControlState &s) {
            s.clear_handover();
            s.set_command_site(v1::SITE_OSONG);
        });
        QVERIFY(!panel.handoverBox()->isVisible());
        QCOMPARE(mark.text(), QStringLiteral("In command: Osong"));
    }

    void acceptingAndDecliningGoThroughTheConfirmation_data()
    {
        QTest::addColumn<int>("answer");
        QTest::newRow("accept") << int(v1::HANDOVER_ACCEPT);
        QTest::newRow("decline") << int(v1::HANDOVER_DECLINE);
    }

    void acceptingAndDecliningGoThroughTheConfirmation()
    {
        QFETCH(int, answer);
        ConsoleData c;
        Desk d(c);
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_OSONG);
        handoverWaits(c, v1::SITE_SEOUL, "h-7");
        (answer == v1::HANDOVER_ACCEPT ? d.panel.acceptButton() : d.panel.declineButton())->click();
        widgets::ControlConfirmDialog *dialog = d.desk.activeDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), answer == v1::HANDOVER_ACCEPT ? QStringLiteral("Accept the handover") : QStringLiteral("Decline the handover"));
        QCOMPARE(dialog->okButton()->text(), answer == v1::HANDOVER_ACCEPT ? QStringLiteral("Accept") : QStringLiteral("Decline"));
        QVERIFY2(dialogText(*dialog).contains(QStringLiteral("Seoul room → Osong room · asked by park (Seoul)")), qPrintable(dialogText(*dialog)));
        v1::Command issued;
        QVERIFY(confirmWith(d.desk, QStringLiteral("Osong is staffed"), &issued));
        QVERIFY(issued.has_answer_handover());
        QCOMPARE(issued.answer_handover().request_id(), std::string("h-7"));
        QCOMPARE(int(issued.answer_handover().answer()), answer);
        QCOMPARE(issued.reason(), std::string("Osong is staffed"));
        QVERIFY(!issued.command_id().empty());
    }

    void askingForCommandAndTakingItGoThroughTheConfirmation()
    {
        ConsoleData c;
        Desk d(c);
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_OSONG);
        d.panel.requestButton()->click();
        QVERIFY(d.desk.activeDialog());
        QCOMPARE(d.desk.activeDialog()->windowTitle(), QStringLiteral("Ask Seoul room for command"));
        QCOMPARE(d.desk.activeDialog()->okButton()->text(), QStringLiteral("Request handover"));
        QVERIFY2(dialogText(*d.desk.activeDialog()).contains(QStringLiteral("A supervisor of Seoul room must accept the handover.")),
                 qPrintable(dialogText(*d.desk.activeDialog())));
        v1::Command asked;
        QVERIFY(confirmWith(d.desk, QStringLiteral("night shift"), &asked));
        QVERIFY(asked.has_request_handover());
        QCOMPARE(asked.expected_revision(), 4u);

        d.panel.takeButton()->click();
        QVERIFY(d.desk.activeDialog());
        QCOMPARE(d.desk.activeDialog()->windowTitle(), QStringLiteral("Take command without a handover"));
        QCOMPARE(d.desk.activeDialog()->okButton()->text(), QStringLiteral("Take command"));
        v1::Command taken;
        QVERIFY(confirmWith(d.desk, QStringLiteral("Seoul's gateway is gone"), &taken));
        QVERIFY(taken.has_take_command());
        QCOMPARE(taken.expected_revision(), 4u);
    }

    // "서울 상황실이 지휘 중: 서울 감독자의 승인이 필요합니다", in English here.
    void theOtherRoomsControlSaysWhoseApprovalItWaitsFor()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        widgets::PendingApprovalsPanel list(c.store, {}, &parent);
        parent.show();
        signedIn(c, v1::ROLE_OPERATOR, v1::SITE_OSONG, v1::SITE_SEOUL, "lee");
        desk.proposeRate(650);
        widgets::ControlConfirmDialog *dialog = desk.activeDialog();
        QVERIFY(dialog);
        QVERIFY2(dialogText(*dialog).contains(QStringLiteral("■ Seoul room is in command: a supervisor of Seoul must approve.")),
                 qPrintable(dialogText(*dialog)));
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("Request approval"));
        v1::Command sent;
        QVERIFY(confirmWith(desk, QStringLiteral("room in Osong"), &sent));

        // The gateway's answer: it waits for Seoul.
        models::TelemetryBatch b;
        v1::CommandResult result;
        result.set_command_id(sent.command_id());
        result.set_status(v1::COMMAND_PENDING_APPROVAL);
        result.set_request_id("r-9");
        *result.mutable_control() = c.store.control();
        v1::PendingApproval *p = result.mutable_control()->add_pending();
        p->set_request_id("r-9");
        *p->mutable_command() = sent;
        p->mutable_requested_by()->set_user("lee");
        p->mutable_requested_by()->set_site(v1::SITE_OSONG);
        p->set_expires_ms(kNow + 5 * kMinuteMs);
        p->set_from_room_not_in_command(true);
        b.commandResults.push_back(result);
        v1::Envelope event;
        *event.mutable_control_event()->mutable_control() = result.control();
        event.mutable_control_event()->mutable_control()->set_revision(5);
        b.events.push_back(event);
        b.lastServerTimeMs = kNow;
        c.arrive(b);
        QVERIFY2(desk.lastNotice().startsWith(QStringLiteral("Waiting: Seoul room is in command: a supervisor of Seoul must approve.")),
                 qPrintable(desk.lastNotice()));
        // The list: no Approve for Osong, and why it waits.
        QCOMPARE(list.table()->rowCount(), 1);
        QVERIFY(!list.table()->cellWidget(0, 4));
        QCOMPARE(list.table()->item(0, 4)->text(), QStringLiteral("yours: waits for a supervisor of Seoul"));
        QCOMPARE(list.table()->item(0, 4)->toolTip(), QStringLiteral("Seoul room is in command: a supervisor of Seoul must approve"));
    }

    void onlyTheRoomInCommandGetsApprove_data()
    {
        QTest::addColumn<int>("site");
        QTest::addColumn<bool>("approves");
        QTest::newRow("Seoul supervisor") << int(v1::SITE_SEOUL) << true;
        QTest::newRow("Osong supervisor") << int(v1::SITE_OSONG) << false;
        QTest::newRow("ministry supervisor") << int(v1::SITE_MINISTRY) << false;
    }

    void onlyTheRoomInCommandGetsApprove()
    {
        QFETCH(int, site);
        QFETCH(bool, approves);
        ConsoleData c;
        QWidget parent;
        widgets::PendingApprovalsPanel list(c.store, {}, &parent);
        parent.show();
        signedIn(c, v1::ROLE_SUPERVISOR, v1::Site(site), v1::SITE_SEOUL, "choi");
        controlEvent(c, [](v1::ControlState &s) {
            v1::PendingApproval *p = s.add_pending();
            p->set_request_id("r-1");
            p->mutable_command()->mutable_pause_admission();
            p->mutable_requested_by()->set_user("park");
            p->mutable_requested_by()->set_site(v1::SITE_SEOUL);
            p->set_expires_ms(kNow + 5 * kMinuteMs);
        });
        QCOMPARE(list.approvableCount(), approves ? 1 : 0);
    }

    void theDeskSaysWhenCommandMoves()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_SEOUL, v1::SITE_OSONG, "park");
        // Osong asked for... no: Seoul is not in command; Osong offers it to Seoul.
        controlEvent(c, [](v1::ControlState &s) {
            v1::HandoverRequest *h = s.mutable_handover();
            h->set_request_id("h-2");
            h->set_from_site(v1::SITE_OSONG);
            h->set_to_site(v1::SITE_SEOUL);
            h->mutable_requested_by()->set_user("jung");
            h->mutable_requested_by()->set_site(v1::SITE_OSONG);
            h->set_expires_ms(kNow + 5 * kMinuteMs);
        }, "jung");
        QVERIFY2(desk.lastNotice().startsWith(QStringLiteral("Handover waiting for your room: Osong room → Seoul room")),
                 qPrintable(desk.lastNotice()));
        controlEvent(c, [](v1::ControlState &s) {
            s.clear_handover();
            s.set_command_site(v1::SITE_SEOUL);
        }, "choi");
        QVERIFY2(desk.lastNotice().startsWith(QStringLiteral("Command has moved: Seoul room is in command now (choi")),
                 qPrintable(desk.lastNotice()));
    }

    void inKoreanFirst()
    {
        ConsoleCatalogue korean;
        QVERIFY2(korean.isValid(), qPrintable(korean.errorString()));
        ConsoleData c;
        QWidget parent;
        CommandRoomPanel panel(c.store, &parent);
        CommandSiteMark mark(c.store, &parent);
        ControlDesk desk(c.store, &parent);
        parent.show();
        signedIn(c, v1::ROLE_SUPERVISOR, v1::SITE_OSONG, v1::SITE_SEOUL, "jung");
        QCOMPARE(panel.commandLabel()->text(), QStringLiteral("지휘: 서울 상황실"));
        QCOMPARE(mark.text(), QStringLiteral("지휘: 서울"));
        desk.proposeRate(650);
        QVERIFY(desk.activeDialog());
        QVERIFY2(dialogText(*desk.activeDialog()).contains(QStringLiteral("서울 상황실이 지휘 중: 서울 감독자의 승인이 필요합니다")),
                 qPrintable(dialogText(*desk.activeDialog())));
        desk.activeDialog()->reject();
        handoverWaits(c, v1::SITE_SEOUL);
        QCOMPARE(panel.acceptButton()->text(), QStringLiteral("수락…"));
        QCOMPARE(panel.declineButton()->text(), QStringLiteral("거절…"));
        QVERIFY2(panel.handoverLabel()->text().startsWith(QStringLiteral("인계 대기: 서울 상황실 → 오송 상황실")),
                 qPrintable(panel.handoverLabel()->text()));
        QCOMPARE(mark.text(), QStringLiteral("지휘: 서울 · 인계 대기"));
    }
};

QTEST_MAIN(tst_CommandRoomPanel)
#include "tst_commandroompanel.moc"
