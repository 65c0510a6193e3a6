// What the confirmation says will happen once the command is sent
// (ControlRouteWords, through the control desk), in Korean: it never promises
// what the gateway is about to refuse. While the gateway cannot reach its
// state store it says the gateway will refuse (and the button says "send
// anyway"); a control from a room not in command waits for that room's
// supervisor; an approval from it is refused; not connected, nothing can be
// sent and the button waits. It follows the state while the dialog is open.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using widgets::ControlConfirmDialog;
using widgets::ControlDesk;
using widgets::RouteTone;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver"};
constexpr qint64 kNow = 1'628'507'700'000;   // 20:15:00 KST, 9 August 2021
const QString kAtOnce = QStringLiteral("즉시 적용됩니다. 추가 승인이 필요 없습니다.");
const QString kStoreDown = QStringLiteral("■ 게이트웨이가 거부합니다: 공유 상태 저장소에 연결할 수 없어 저장소가 돌아올 때까지 "
                                          "어떤 명령도 결정하지 않습니다. 아무것도 바뀌지 않습니다.");

// A supervisor of `site`, live at kNow, `commandSite` in command; a request
// of kim's waiting.
void signedIn(ConsoleData &c, v1::Site site, quint32 commandSite = v1::SITE_SEOUL)
{
    v1::Configuration config = makeConfiguration(kProviders, {}, "cascade-drill", 7, kNow - 15 * kMinuteMs);
    config.set_timezone("Asia/Seoul");
    config.set_admission_rate_min_per_s(50);
    config.set_admission_rate_max_per_s(3000);
    config.set_hazardous_rate_cut_fraction(0.3);
    models::TelemetryBatch b = snapshotBatch(config, makeState(kNow, kProviders), makeHistory(kNow - 60'000, 60), c.now);
    b.link.push_back(linkEvent(models::LinkState::Live));
    v1::ControlState *control = b.snapshot->mutable_control();
    control->set_revision(4);
    control->set_admission_rate_per_s(700);
    control->set_command_site(commandSite);
    v1::PendingApproval *p = control->add_pending();
    p->set_request_id("r-1");
    p->mutable_command()->mutable_resume_admission();
    p->mutable_requested_by()->set_user("kim");
    p->mutable_requested_by()->set_site(v1::SITE_SEOUL);
    p->set_expires_ms(kNow + 4 * kMinuteMs);
    v1::Welcome welcome;
    welcome.set_user("lee");
    welcome.set_role(v1::ROLE_SUPERVISOR);
    welcome.set_site(site);
    welcome.set_service_level(255);
    b.welcome = welcome;
    b.lastServerTimeMs = kNow;
    c.arrive(b);
}

// The gateway's level on its next tick.
void tickAt(ConsoleData &c, quint32 level)
{
    models::TelemetryBatch b = tickBatch(makeState(kNow + 1000, kProviders), {}, c.now);
    b.serviceLevel = models::ServiceLevelNews{level, true};
    c.arrive(b);
}

void commandMovesTo(ConsoleData &c, v1::Site room)
{
    models::TelemetryBatch b;
    v1::Envelope env;
    v1::ControlState *control = env.mutable_control_event()->mutable_control();
    *control = c.store.control();
    control->set_revision(c.store.control().revision() + 1);
    control->set_command_site(room);
    env.mutable_control_event()->mutable_actor()->set_user("park");
    b.events.push_back(env);
    c.arrive(b);
}

} // namespace

class TestControlRoute final : public QObject
{
    Q_OBJECT

private:
    ConsoleLook m_look{QStringLiteral("ko")};

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    // The console knows the gateway's state store is out of reach: no "at once".
    void theStoreOutOfReachIsSaidAndFollowed()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        parent.show();
        signedIn(c, v1::SITE_SEOUL);
        desk.proposeRate(650);
        ControlConfirmDialog *dialog = desk.activeDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->routeText(), kAtOnce);
        QCOMPARE(dialog->routeTone(), RouteTone::Plain);
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("적용"));

        // PostgreSQL goes while the dialog is open.
        tickAt(c, 100);
        QCOMPARE(dialog->routeText(), kStoreDown);
        QCOMPARE(dialog->routeTone(), RouteTone::Refused);
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("그래도 보내기"));
        dialog->reasonEdit()->setPlainText(QStringLiteral("대기열 증가"));
        QVERIFY(dialog->okButton()->isEnabled());   // the operator may still try

        // A hazardous change and an approval, opened now, say the same.
        desk.proposePause();
        QCOMPARE(desk.activeDialog()->routeText(), kStoreDown);
        desk.proposeApproval(QStringLiteral("r-1"), QStringLiteral("재개"));
        QCOMPARE(desk.activeDialog()->routeText(), kStoreDown);
        QVERIFY2(!desk.activeDialog()->effectText().contains(QStringLiteral("즉시")), qPrintable(desk.activeDialog()->effectText()));
        desk.proposeHandover();
        QCOMPARE(desk.activeDialog()->routeText(), kStoreDown);

        // Back: as it was.
        desk.proposeRate(650);
        dialog = desk.activeDialog();
        tickAt(c, 240);
        QCOMPARE(dialog->routeText(), kAtOnce);
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("적용"));
        dialog->reject();
    }

    // Command moves to the other room while the dialog is open: the change
    // now waits for that room's supervisor, and an approval is refused.
    void theRoomInCommandIsFollowed()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        parent.show();
        signedIn(c, v1::SITE_SEOUL);
        desk.proposeRate(650);
        ControlConfirmDialog *dialog = desk.activeDialog();
        QCOMPARE(dialog->routeText(), kAtOnce);
        commandMovesTo(c, v1::SITE_OSONG);
        QCOMPARE(dialog->routeText(), QStringLiteral("■ 오송 상황실이 지휘 중: 오송 감독자의 승인이 필요합니다. "
                                                     "승인되어야 적용되며, 승인 마감은 서버가 요청을 받을 때 정합니다."));
        QCOMPARE(dialog->routeTone(), RouteTone::Waits);
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("승인 요청"));

        desk.proposeApproval(QStringLiteral("r-1"), QStringLiteral("재개"));
        dialog = desk.activeDialog();
        QCOMPARE(dialog->routeText(), QStringLiteral("■ 게이트웨이가 거부합니다: 오송 상황실이 지휘 중이며, 오송 감독자만 승인할 수 있습니다."));
        QCOMPARE(dialog->routeTone(), RouteTone::Refused);
        commandMovesTo(c, v1::SITE_SEOUL);
        QCOMPARE(dialog->routeText(), kAtOnce);
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("승인"));
        // What approving it does, without promising when.
        QCOMPARE(dialog->effectText(), QStringLiteral("승인되면 요청된 변경이 요청대로 적용됩니다."));
        dialog->reject();
    }

    void aHazardousChangeWaitsForASecondSupervisor()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        parent.show();
        signedIn(c, v1::SITE_SEOUL);
        desk.proposePause();
        QCOMPARE(desk.activeDialog()->routeText(),
                 QStringLiteral("■ 위험 조치: 다른 감독자가 승인해야 적용됩니다. 마감 시각은 서버가 요청을 받을 때 정합니다."));
        QCOMPARE(desk.activeDialog()->routeTone(), RouteTone::Waits);
        QCOMPARE(desk.activeDialog()->okButton()->text(), QStringLiteral("승인 요청"));
        desk.activeDialog()->reject();
    }

    // The link goes while the dialog is open: nothing can be sent, the
    // button waits for the link (the reason and the dialog stay).
    void notConnectedTheButtonWaits()
    {
        ConsoleData c;
        QWidget parent;
        ControlDesk desk(c.store, &parent);
        QSignalSpy issued(&desk, &ControlDesk::commandIssued);
        parent.show();
        signedIn(c, v1::SITE_SEOUL);
        desk.proposeRate(650);
        ControlConfirmDialog *dialog = desk.activeDialog();
        dialog->reasonEdit()->setPlainText(QStringLiteral("대기열 증가"));
        QVERIFY(dialog->okButton()->isEnabled());
        c.arrive(linkBatch(models::LinkState::Failed));
        QCOMPARE(dialog->routeText(), QStringLiteral("■ 게이트웨이에 연결되어 있지 않아 지금은 보낼 수 없습니다. "
                                                     "다시 연결되면 이 창에서 보내십시오."));
        QCOMPARE(dialog->routeTone(), RouteTone::CannotSend);
        QVERIFY(!dialog->okButton()->isEnabled());
        signedIn(c, v1::SITE_SEOUL);
        QCOMPARE(dialog->routeText(), kAtOnce);
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();
        QCOMPARE(issued.size(), 1);
    }
};

QTEST_MAIN(TestControlRoute)
#include "tst_controlroute.moc"
