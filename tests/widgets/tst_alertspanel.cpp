// The alerts dock offscreen, fed hand-made telemetry: buttons by role and
// state, the acknowledge and shelve dialogs building the right Command, the
// server's refusal said inline, the flood's grouped view with the first-out
// alert, the alarm-load meter's bands, the critical-alert announcement, and
// the runbooks: every shipped link parses, placeholders are filled, a step is
// refused when its precondition no longer holds.
#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/AlarmLoadMeter.h"
#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/alerts/RunbookPane.h"
#include "models/alerts/RunbookStep.h"
#include "models/itemmodels/AlertGroupModel.h"
#include "models/itemmodels/AlertModel.h"
#include "widgets/panels/AlertsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::AlertModel;
using sitroom::models::SituationStore;
using sitroom::widgets::AlertsPanel;

namespace {

struct CountingAnnouncer final : widgets::AlarmAnnouncer
{
    int count = 0;
    int sounds = 0;
    QString lastText;
    void announce(const QString &, const QString &text, bool sound) override
    {
        ++count;
        sounds += sound ? 1 : 0;
        lastText = text;
    }
};

struct Dock
{
    Dock()
        : store(nullptr, clock.clock())
        , alerts(store)
        , panel(&alerts, store)
        , desk(store, &panel)
    {
        panel.setDesk(&desk);
        panel.resize(1200, 600);
        panel.show();
    }
    void feed(models::TelemetryBatch b)
    {
        b.messages = 1;
        b.lastMessageMonotonicMs = clock.now;
        store.apply(b);
    }
    FakeClock clock;
    SituationStore store;
    AlertModel alerts;
    AlertsPanel panel;
    widgets::AlertDesk desk;
};

const qint64 t0 = kSimStartMs + 30'000;

} // namespace

class tst_AlertsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void viewerGetsNoButtons();
    void buttonsFollowStateAndLink();
    void acknowledgeBuildsCommand();
    void shelveBuildsCommand();
    void unshelveAndRefusalSaidInline();
    void floodShowsGroupsWithFirstOut();
    void openedDuringAFloodStartsAtTheFirstOut();
    void meterBands_data();
    void meterBands();
    void criticalAnnouncedOnceAndMuted();
    void everyShippedRunbookLinkParses();
    void runbookShownWithPlaceholdersFilled();
    void runbookStepRefusedWhenPreconditionGone();
    void runbookStepsOffWhenReadOnly();
    void timesOnTheLiveSystemsClock();
};

void tst_AlertsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test"));
    QSettings().clear();
}

void tst_AlertsPanel::viewerGetsNoButtons()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_VIEWER, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    QCOMPARE(d.panel.selectedAlertId(), QStringLiteral("a1"));
    QVERIFY(!d.panel.ackButton()->isVisible());
    QVERIFY(!d.panel.shelveButton()->isVisible());
    QVERIFY(!d.panel.unshelveButton()->isVisible());
    QVERIFY(!d.desk.mayHandleAlerts());
}

void tst_AlertsPanel::buttonsFollowStateAndLink()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_OPERATOR,
                     {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0),
                      makeAlert("a2", v1::SEVERITY_MINOR, v1::ALERT_SHELVED, t0),
                      makeAlert("a3", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_ACKED, t0 - 1000),
                      makeAlert("a4", v1::SEVERITY_INFO, v1::ALERT_RTN_UNACKED, t0)},
                     d.clock.now));
    struct Expect { const char *id; bool ack, shelve, unshelve; };
    for (const Expect &e : {Expect{"a1", true, true, false}, Expect{"a2", false, false, true},
                            Expect{"a3", false, true, false}, Expect{"a4", true, true, false}}) {
        QVERIFY(d.panel.selectAlert(QString::fromLatin1(e.id)));
        QVERIFY(d.panel.ackButton()->isVisible());
        QCOMPARE(d.panel.ackButton()->isEnabled(), e.ack);
        QCOMPARE(d.panel.shelveButton()->isEnabled(), e.shelve);
        QCOMPARE(d.panel.unshelveButton()->isEnabled(), e.unshelve);
    }
    // An acknowledgement from elsewhere changes the row: the buttons follow.
    d.panel.selectAlert(QStringLiteral("a1"));
    v1::Alert acked = makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_ACKED, t0);
    acked.mutable_acknowledged_by()->set_user("park");
    acked.mutable_acknowledged_by()->set_site(v1::SITE_OSONG);
    acked.set_comment("카카오 확인 중");
    d.feed(alertEventBatch(acked, v1::TRANSITION_ACKNOWLEDGED, 1, false, "park"));
    QVERIFY(!d.panel.ackButton()->isEnabled());
    QVERIFY(d.panel.details()->text().contains(QStringLiteral("park")));
    QVERIFY(d.panel.details()->text().contains(QStringLiteral("카카오 확인 중")));
    // Not connected: nothing can be sent.
    d.feed(linkBatch(models::LinkState::Failed));
    QVERIFY(d.panel.ackButton()->isVisible());
    QVERIFY(!d.panel.shelveButton()->isEnabled());
}

void tst_AlertsPanel::acknowledgeBuildsCommand()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_OPERATOR, {makeAlert("a1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    QSignalSpy issued(&d.desk, &widgets::AlertDesk::commandIssued);
    d.desk.recordStep(QStringLiteral("a1"), QStringLiteral("provider-failing#8: disable kakao for 30 min"));
    d.panel.ackButton()->click();
    widgets::AlertAckDialog *dialog = d.desk.activeAckDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->okButton()->isEnabled());   // a comment is required
    QCOMPARE(dialog->stepEdit()->text(), QStringLiteral("provider-failing#8: disable kakao for 30 min"));
    dialog->commentEdit()->setPlainText(QStringLiteral("카카오 중단 요청함"));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->okButton()->click();
    QCOMPARE(issued.size(), 1);
    const auto command = issued[0][0].value<v1::Command>();
    QCOMPARE(command.action_case(), v1::Command::kAcknowledgeAlert);
    QCOMPARE(command.acknowledge_alert().alert_id(), std::string("a1"));
    QCOMPARE(QString::fromStdString(command.acknowledge_alert().comment()), QStringLiteral("카카오 중단 요청함"));
    QCOMPARE(command.acknowledge_alert().runbook_step(), std::string("provider-failing#8: disable kakao for 30 min"));
    QCOMPARE(command.expected_revision(), quint64(3));
    QVERIFY(d.panel.notice()->isVisible());
}

void tst_AlertsPanel::shelveBuildsCommand()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    QSignalSpy issued(&d.desk, &widgets::AlertDesk::commandIssued);
    d.panel.shelveButton()->click();
    widgets::AlertShelveDialog *dialog = d.desk.activeShelveDialog();
    QVERIFY(dialog);
    QComboBox *durations = dialog->durationBox();
    QCOMPARE(durations->itemData(0).toUInt(), 15u * 60);
    QCOMPARE(durations->itemData(durations->count() - 1).toUInt(), 12u * 3600);
    QVERIFY(!dialog->okButton()->isEnabled());   // a reason is required
    durations->setCurrentIndex(durations->findData(2 * 3600));
    dialog->reasonEdit()->setPlainText(QStringLiteral("known: naver maintenance until 22:00"));
    dialog->okButton()->click();
    QCOMPARE(issued.size(), 1);
    const auto command = issued[0][0].value<v1::Command>();
    QCOMPARE(command.shelve_alert().alert_id(), std::string("a1"));
    QCOMPARE(command.shelve_alert().duration_s(), 7200u);
    QCOMPARE(command.reason(), std::string("known: naver maintenance until 22:00"));
}

void tst_AlertsPanel::unshelveAndRefusalSaidInline()
{
    Dock d;
    v1::Alert shelved = makeAlert("a2", v1::SEVERITY_CRITICAL, v1::ALERT_SHELVED, t0);
    shelved.set_shelved_until_ms(t0 + 3600'000);
    d.feed(liveBatch(v1::ROLE_OPERATOR, {shelved}, d.clock.now));
    QSignalSpy issued(&d.desk, &widgets::AlertDesk::commandIssued);
    d.panel.unshelveButton()->click();
    QCOMPARE(issued.size(), 1);
    const auto command = issued[0][0].value<v1::Command>();
    QCOMPARE(command.unshelve_alert().alert_id(), std::string("a2"));
    QVERIFY(!command.reason().empty());

    models::TelemetryBatch answer;
    v1::CommandResult result;
    result.set_command_id(command.command_id());
    result.set_status(v1::COMMAND_REFUSED);
    result.set_message("operators may not shelve or unshelve critical alerts");
    *result.mutable_control() = d.store.control();   // as every gateway's answer: a decision, not "not sent"
    answer.commandResults.push_back(result);
    d.feed(answer);
    QVERIFY(d.panel.notice()->isVisible());
    QVERIFY(d.panel.notice()->text().contains(QStringLiteral("operators may not shelve")));
    QCOMPARE(d.panel.notice()->property("problem").toBool(), true);
    QVERIFY(!QApplication::activeModalWidget());
}

void tst_AlertsPanel::floodShowsGroupsWithFirstOut()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_OPERATOR, {makeAlert("k1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    QVERIFY(!d.panel.isGrouped());
    QVERIFY(d.panel.view()->isVisible());
    // Twelve alerts in ten minutes: the engine says flood and names the first out.
    v1::Alert first = makeAlert("k1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0);
    first.set_first_out(true);
    first.set_flood_group("provider/kakao");
    d.feed(alertEventBatch(first, v1::TRANSITION_FLOOD_CHANGED, 12, true));
    for (int i = 0; i < 11; ++i) {
        const std::string source = i % 3 == 0 ? "queue" : i % 3 == 1 ? "backend" : "provider/naver";
        v1::Alert a = makeAlert("x" + std::to_string(i), i == 4 ? v1::SEVERITY_CRITICAL : v1::SEVERITY_MINOR,
                                v1::ALERT_ACTIVE_UNACKED, t0 + 1000 * (i + 1), source, "queue-wait");
        a.set_flood_group(source);
        d.feed(alertEventBatch(a, v1::TRANSITION_RAISED, 12 + quint32(i), true));
    }
    QVERIFY(d.store.alertFlood());
    QVERIFY(d.panel.isGrouped());
    QVERIFY(d.panel.groupedView()->isVisible());
    QTreeView *tree = d.panel.groupedView();
    QAbstractItemModel *groups = tree->model();
    QCOMPARE(groups->rowCount(), 4);
    const QModelIndex top = groups->index(0, 0);
    QCOMPARE(top.data(AlertModel::GroupRole).toString(), QStringLiteral("provider/kakao"));
    QVERIFY(top.data(AlertModel::FirstOutRole).toBool());
    QCOMPARE(groups->index(0, 0, top).data(AlertModel::IdRole).toString(), QStringLiteral("k1"));
    QVERIFY(tree->isExpanded(top));
    // Then the groups in the order their first alert came: the queue's x0, the backend's x1, naver's x2.
    QCOMPARE(groups->index(1, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("queue"));
    QCOMPARE(groups->index(2, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("backend"));
    QCOMPARE(groups->index(2, 0).data(models::AlertGroupModel::CountRole).toInt(), 4);  // backend holds the critical x4
    QCOMPARE(groups->index(2, 0).data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_CRITICAL));
    QVERIFY(tree->isExpanded(groups->index(3, 0)));
    QCOMPARE(d.panel.meter()->band(), models::AlarmLoadBand::Flood);
    QCOMPARE(d.panel.meter()->load(), 22u);
    // The flood ends (a tick says so): the flat list again.
    v1::SystemState calm = d.store.state();
    calm.set_alerts_last_10min(4);
    calm.set_alert_flood(false);
    d.feed(tickBatch(calm, makeHistory(calm.sim_time_ms(), 1), d.clock.now));
    QVERIFY(!d.panel.isGrouped());
    QCOMPARE(d.panel.meter()->band(), models::AlarmLoadBand::Busy);
}

void tst_AlertsPanel::openedDuringAFloodStartsAtTheFirstOut()
{
    // Mid-flood: kakao's two alerts, a dozen others, the newest a critical far down the list.
    std::vector<v1::Alert> alerts;
    for (int i = -2; i < 12; ++i) {
        const std::string source = i < 0 ? "provider/kakao" : i % 2 == 0 ? "queue" : "provider/naver";
        v1::Alert a = makeAlert(i < 0 ? "k" + std::to_string(i + 2) : "x" + std::to_string(i),
                                i == 11 ? v1::SEVERITY_CRITICAL : v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED,
                                t0 + 1000 * (i + 1), source, "queue-wait");
        a.set_flood_group(source);
        alerts.push_back(a);
    }
    Dock d;
    d.panel.resize(1200, 320);
    // The snapshot before the flood's flag: the table, at its top (the most severe, newest).
    d.feed(liveBatch(v1::ROLE_OPERATOR, alerts, d.clock.now));
    QCOMPARE(d.panel.selectedAlertId(), QStringLiteral("x11"));
    // The next tick says flood: the grouped list, its first group's lead chosen, in sight.
    v1::SystemState flood = d.store.state();
    flood.set_alerts_last_10min(14), flood.set_alert_flood(true);
    d.feed(tickBatch(flood, makeHistory(flood.sim_time_ms(), 1), d.clock.now));
    QCOMPARE(d.panel.selectedAlertId(), QStringLiteral("k0"));   // in the table it would be x11
    // The engine names kakao's second alert the first out: the choice follows it.
    alerts[1].set_first_out(true);
    d.feed(alertEventBatch(alerts[1], v1::TRANSITION_FLOOD_CHANGED, 14, true));
    QCOMPARE(d.panel.selectedAlertId(), QStringLiteral("k1"));
    const QModelIndex top = d.panel.groupedView()->model()->index(0, 0);
    QCOMPARE(top.data(AlertModel::GroupRole).toString(), QStringLiteral("provider/kakao"));
    QVERIFY2(d.panel.groupedView()->visualRect(top).top() >= 0, "the first-out group is scrolled out of sight");
    QVERIFY(d.panel.selectAlert(QStringLiteral("x3")));   // the operator's choice stays theirs
    d.feed(alertEventBatch(alerts[1], v1::TRANSITION_FLOOD_CHANGED, 14, true));
    QCOMPARE(d.panel.selectedAlertId(), QStringLiteral("x3"));
}

void tst_AlertsPanel::meterBands_data()
{
    QTest::addColumn<uint>("load");
    QTest::addColumn<bool>("flood");
    QTest::addColumn<int>("band");
    QTest::addColumn<QString>("word");
    QTest::newRow("calm") << 1u << false << int(models::AlarmLoadBand::Calm) << "Calm";
    QTest::newRow("at target") << 2u << false << int(models::AlarmLoadBand::Calm) << "Calm";
    QTest::newRow("busy") << 7u << false << int(models::AlarmLoadBand::Busy) << "Busy";
    QTest::newRow("flood") << 11u << false << int(models::AlarmLoadBand::Flood) << "Flood";
    QTest::newRow("engine says flood") << 9u << true << int(models::AlarmLoadBand::Flood) << "Flood";
}

void tst_AlertsPanel::meterBands()
{
    QFETCH(uint, load);
    QFETCH(bool, flood);
    QFETCH(int, band);
    QFETCH(QString, word);
    widgets::AlarmLoadMeter meter;
    models::AlarmPicture picture;
    picture.startedLast10min = load;
    picture.flood = flood;
    meter.setPicture(picture);
    QCOMPARE(int(meter.band()), band);
    QVERIFY2(meter.text().contains(word), qPrintable(meter.text()));
    QVERIFY(meter.text().contains(QString::number(load)));
    QVERIFY(!meter.grab().isNull());
}

void tst_AlertsPanel::criticalAnnouncedOnceAndMuted()
{
    Dock d;
    CountingAnnouncer announcer;
    widgets::CriticalAlarm alarm(d.store, &announcer);
    alarm.setMuted(false);
    d.feed(liveBatch(v1::ROLE_OPERATOR, {makeAlert("old", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    QCOMPARE(announcer.count, 0);   // on screen already when we connected: not news
    const v1::Alert c1 = makeAlert("c1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0 + 1000);
    d.feed(alertEventBatch(c1, v1::TRANSITION_RAISED));
    QCOMPARE(announcer.count, 1);
    QCOMPARE(announcer.sounds, 1);
    QCOMPARE(announcer.lastText, QStringLiteral("인증 오류율 높음 c1"));
    d.feed(alertEventBatch(c1, v1::TRANSITION_RAISED));            // a repeat
    d.feed(alertEventBatch(c1, v1::TRANSITION_ACKNOWLEDGED));
    QCOMPARE(announcer.count, 1);
    d.feed(alertEventBatch(makeAlert("m1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0 + 2000), v1::TRANSITION_RAISED));
    QCOMPARE(announcer.count, 1);                                  // not critical
    d.feed(alertEventBatch(makeAlert("m1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0 + 2000), v1::TRANSITION_ESCALATED));
    QCOMPARE(announcer.count, 2);                                  // escalated to critical
    alarm.muteAction()->trigger();
    QVERIFY(alarm.isMuted());
    QVERIFY(QSettings().value(QStringLiteral("alerts/muted")).toBool());
    d.feed(alertEventBatch(makeAlert("c2", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0 + 3000), v1::TRANSITION_RAISED));
    QCOMPARE(announcer.count, 3);                                  // still marked…
    QCOMPARE(announcer.sounds, 2);                                 // …but silent
    // Cleared and raised again: news again.
    d.feed(alertEventBatch(makeAlert("c1", v1::SEVERITY_CRITICAL, v1::ALERT_CLEARED, t0 + 1000), v1::TRANSITION_CLEARED));
    alarm.setMuted(false);
    d.feed(alertEventBatch(c1, v1::TRANSITION_RAISED));
    QCOMPARE(announcer.count, 4);
    QCOMPARE(announcer.sounds, 3);
    QVERIFY(!QApplication::activeModalWidget());
    widgets::CriticalAlarm fresh(d.store, nullptr);
    QVERIFY(!fresh.isMuted());                            // the choice was saved
    fresh.setMuted(true);
    widgets::CriticalAlarm again(d.store, nullptr);
    QVERIFY(again.isMuted());
    again.setMuted(false);
}

void tst_AlertsPanel::everyShippedRunbookLinkParses()
{
    static const QRegularExpression link(QStringLiteral("\\]\\((sitroom:[^)\\s]+)\\)"));
    int files = 0;
    int links = 0;
    QDirIterator it(QStringLiteral(":/runbooks"), {QStringLiteral("*.md")});
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = models::fillRunbookPlaceholders(QString::fromUtf8(file.readAll()), QStringLiteral("kakao"),
                                                             QStringLiteral("카카오"));
        QVERIFY2(!text.contains(QStringLiteral("{provider")), qPrintable(path));
        ++files;
        for (auto m = link.globalMatch(text); m.hasNext();) {
            const QString url = m.next().captured(1);
            const models::RunbookParse parsed = models::parseRunbookLink(QUrl(url));
            QVERIFY2(parsed.step, qPrintable(path + QStringLiteral(": ") + url + QStringLiteral(": ") + parsed.error));
            QVERIFY2(parsed.step->step > 0, qPrintable(url));
            ++links;
        }
    }
    // The runbooks are in the tree and compiled in: none found is a broken build.
    QVERIFY2(files >= 8, qPrintable(QStringLiteral("%1 runbooks compiled in").arg(files)));
    QVERIFY(links >= 10);
    // Both languages for every runbook id the alert rules name.
    for (const char *id : {"provider-failing", "queue-wait", "backend-saturation", "verification-collapse"}) {
        QVERIFY(QFile::exists(QStringLiteral(":/runbooks/%1.ko.md").arg(QLatin1String(id))));
        QVERIFY(QFile::exists(QStringLiteral(":/runbooks/%1.en.md").arg(QLatin1String(id))));
    }
}

void tst_AlertsPanel::runbookShownWithPlaceholdersFilled()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/runbooks/provider-failing.ko.md")), "the runbooks are not compiled in");
    Dock d;
    d.panel.setNamer([](const QString &id) { return id == u"kakao" ? QStringLiteral("카카오") : id; });
    d.feed(liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    widgets::RunbookPane *pane = d.panel.runbookPane();
    QVERIFY(pane->isVisible());
    QCOMPARE(pane->runbookId(), QStringLiteral("provider-failing"));
    QVERIFY(!pane->markdown().isEmpty());
    QVERIFY(!pane->markdown().contains(QStringLiteral("{provider")));
    QVERIFY(pane->markdown().contains(QStringLiteral("카카오")));
    QVERIFY(pane->markdown().contains(QStringLiteral("provider=kakao")));
    QVERIFY(!pane->browser()->openLinks());
    QVERIFY(pane->browser()->toPlainText().contains(QStringLiteral("카카오")));
    // English console, English runbook.
    const ConsoleLanguage english(QStringLiteral("en"));
    d.panel.selectAlert(QString());
    pane->showAlert(nullptr);
    d.panel.selectAlert(QStringLiteral("a1"));
    QVERIFY(pane->markdown() != QString());
}

void tst_AlertsPanel::runbookStepRefusedWhenPreconditionGone()
{
    Dock d;
    d.feed(liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, d.clock.now));
    widgets::RunbookPane *pane = d.panel.runbookPane();
    QSignalSpy requested(pane, &widgets::RunbookPane::stepRequested);
    const QUrl disable(QStringLiteral("sitroom:disable-provider?step=8&provider=kakao&for=30m&require=provider-red,provider-enabled"));
    pane->activate(disable);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested[0][0].toString(), QStringLiteral("a1"));
    QCOMPARE(requested[0][2].toString(), QStringLiteral("provider-failing#8: disable kakao for 30 min"));
    // kakao recovers to yellow: the same click is refused, saying why.
    v1::SystemState now = d.store.state();
    now.mutable_providers(0)->set_light(v1::LIGHT_YELLOW);
    d.feed(tickBatch(now, makeHistory(now.sim_time_ms(), 1), d.clock.now));
    pane->activate(disable);
    QCOMPARE(requested.size(), 1);
    QVERIFY(d.panel.notice()->isVisible());
    QVERIFY2(d.panel.notice()->text().contains(QStringLiteral("Step 8")), qPrintable(d.panel.notice()->text()));
    QVERIFY(d.panel.notice()->text().contains(QStringLiteral("Delayed")));
    QCOMPARE(d.panel.notice()->property("problem").toBool(), true);
    // The wait fell below the step's threshold.
    pane->activate(QUrl(QStringLiteral("sitroom:throttle?step=5&rate=700&require=queue-wait-above:3600,admission-running")));
    QCOMPARE(requested.size(), 1);
    QVERIFY(d.panel.notice()->text().contains(QStringLiteral("Step 5")));
    QVERIFY(d.panel.notice()->text().contains(QStringLiteral("40 min")));
    QVERIFY(!QApplication::activeModalWidget());
}

void tst_AlertsPanel::runbookStepsOffWhenReadOnly()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    AlertModel alerts(store);
    AlertsPanel panel(&alerts, store);   // no desk: the laptop layout
    auto b = liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, clock.now);
    b.messages = 1;
    store.apply(b);
    panel.show();
    QVERIFY(!panel.ackButton()->isVisible());
    QSignalSpy requested(panel.runbookPane(), &widgets::RunbookPane::stepRequested);
    panel.runbookPane()->activate(QUrl(QStringLiteral("sitroom:pause-admission?step=4&require=admission-running")));
    QCOMPARE(requested.size(), 0);
    QVERIFY(panel.notice()->text().contains(QStringLiteral("read-only")));
}

// An alert raised at 20:01:30 in Seoul reads 20:01:30 whatever the console
// machine's own time zone (CI runs on UTC, where it is 11:01:30).
void tst_AlertsPanel::timesOnTheLiveSystemsClock()
{
    Dock d;
    constexpr qint64 kSeoul2001 = 1'628'506'890'000; // 2021-08-09T11:01:30Z
    models::TelemetryBatch b = liveBatch(v1::ROLE_VIEWER, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSeoul2001)},
                                         d.clock.now);
    b.snapshot->mutable_configuration()->set_timezone("Asia/Seoul");
    d.feed(std::move(b));
    QVERIFY(d.panel.selectAlert(QStringLiteral("a1")));
    QVERIFY2(d.panel.details()->text().contains(QStringLiteral("20:01:30")), qPrintable(d.panel.details()->text()));
}

QTEST_MAIN(tst_AlertsPanel)
#include "tst_alertspanel.moc"
