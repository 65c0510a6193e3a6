// The selected alert's runbook on its own, offscreen: shown in the console's
// language (English here) with the alert's provider filled in; an alert without a runbook, or
// with one the console lacks, says so; every step link in the shown runbook,
// clicked, either asks for its action (named as the confirmation and the
// acknowledgement record it) or is refused in words naming the condition and
// what the picture says now; steps are refused on a console that cannot act
// and while the data is stale; showing the same runbook again keeps the
// reader's place.
#include "tests/support/ConsoleData.h"
#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/RunbookPane.h"

#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::widgets::RunbookPane;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver"};

QString providerName(const QString &id)
{
    return id == u"kakao" ? QStringLiteral("Kakao") : id == u"naver" ? QStringLiteral("Naver") : id;
}

// Every link the shown document holds, in order.
QList<QUrl> linksIn(const QTextDocument *document)
{
    QList<QUrl> links;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && (links.isEmpty() || links.back() != QUrl(href)))
                links << QUrl(href);
        }
    }
    return links;
}

struct Pane
{
    Pane()
        : pane(data.store)
    {
        pane.setNamer(providerName);
        pane.setStepsEnabled(true);
        pane.resize(600, 400);
        pane.show();
        // kakao red and enabled, admission running at 700/s.
        data.arrive(liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs)},
                              data.now, kProviders));
        pane.showAlert(data.store.alert(QStringLiteral("a1")));
    }

    ConsoleData data;
    RunbookPane pane;
};

} // namespace

class tst_RunbookPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void shownWithTheAlertsProviderFilledIn()
    {
        Pane p;
        QCOMPARE(p.pane.alertId(), QStringLiteral("a1"));
        QCOMPARE(p.pane.runbookId(), QStringLiteral("provider-failing"));
        QCOMPARE(p.pane.findChild<QLabel *>()->text(), QStringLiteral("Runbook: provider-failing"));
        QVERIFY(!p.pane.markdown().contains(QStringLiteral("{provider")));
        QVERIFY(p.pane.markdown().contains(QStringLiteral("provider=kakao")));
        QVERIFY(p.pane.browser()->toPlainText().contains(QStringLiteral("Kakao")));
        QVERIFY(!p.pane.browser()->openLinks());   // a click is a step, never navigation
    }

    void withoutAnAlertOrARunbookItSaysSo()
    {
        Pane p;
        p.pane.showAlert(nullptr);
        QVERIFY(p.pane.markdown().isEmpty());
        QVERIFY(p.pane.browser()->toPlainText().contains(QStringLiteral("Select an alert")));

        v1::Alert none = makeAlert("a2", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, "queue", "");
        p.pane.showAlert(&none);
        QVERIFY2(p.pane.browser()->toPlainText().contains(QStringLiteral("names no runbook")), qPrintable(p.pane.browser()->toPlainText()));

        v1::Alert missing = makeAlert("a3", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, "queue", "no-such-runbook");
        p.pane.showAlert(&missing);
        QVERIFY2(p.pane.browser()->toPlainText().contains(QStringLiteral("“no-such-runbook” is not in this console")),
                 qPrintable(p.pane.browser()->toPlainText()));
    }

    void everyStepLinkAsksOrIsRefusedInWords()
    {
        Pane p;
        QSignalSpy requested(&p.pane, &RunbookPane::stepRequested);
        QSignalSpy notices(&p.pane, &RunbookPane::noticeChanged);
        QList<QUrl> steps;
        for (const QUrl &url : linksIn(p.pane.browser()->document())) {
            if (url.scheme() == u"sitroom")
                steps << url;
        }
        QCOMPARE(steps.size(), 4);   // provider-failing's steps 7, 8, 12 and 13
        for (const QUrl &url : steps)
            emit p.pane.browser()->anchorClicked(url);   // as a click on the link does
        QStringList asked;
        for (const QList<QVariant> &call : requested) {
            QCOMPARE(call[0].toString(), QStringLiteral("a1"));
            asked << call[2].toString();
        }
        QCOMPARE(asked, (QStringList{QStringLiteral("provider-failing#7: throttle to 80 % of the current rate"),
                                     QStringLiteral("provider-failing#8: disable Kakao for 30 min"),
                                     QStringLiteral("provider-failing#13: throttle to 700/s")}));
        // Step 12 re-enables a provider that is enabled: refused, saying why.
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices[0][0].toString(), QStringLiteral("Step 12 not taken: it requires Kakao to be disabled; it is now enabled."));
        QCOMPARE(notices[0][1].toBool(), true);
    }

    void refusedWhenTheLightNoLongerHolds()
    {
        Pane p;
        QSignalSpy requested(&p.pane, &RunbookPane::stepRequested);
        QSignalSpy notices(&p.pane, &RunbookPane::noticeChanged);
        v1::SystemState now = p.data.store.state();
        now.mutable_providers(0)->set_light(v1::LIGHT_YELLOW);
        p.data.arrive(tickBatch(now, makeHistory(now.sim_time_ms(), 1), p.data.now));
        p.pane.activate(QUrl(QStringLiteral("sitroom:disable-provider?step=8&provider=kakao&for=30m&require=provider-red,provider-enabled")));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices[0][0].toString(), QStringLiteral("Step 8 not taken: it requires Kakao to be congested (red); it is now Delayed."));
    }

    void aConsoleThatCannotActRefusesEveryStep()
    {
        Pane p;
        p.pane.setStepsEnabled(false, QStringLiteral("this console is read-only"));
        QSignalSpy requested(&p.pane, &RunbookPane::stepRequested);
        QSignalSpy notices(&p.pane, &RunbookPane::noticeChanged);
        p.pane.activate(QUrl(QStringLiteral("sitroom:throttle?step=13&rate=700&require=admission-running")));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices[0][0].toString(), QStringLiteral("Step 13 not taken: this console is read-only"));
    }

    void staleDataRefusesEveryStep()
    {
        Pane p;
        QSignalSpy requested(&p.pane, &RunbookPane::stepRequested);
        QSignalSpy notices(&p.pane, &RunbookPane::noticeChanged);
        p.data.now += 10'000;   // ten seconds without a message
        p.data.store.checkFreshness();
        QVERIFY(p.data.store.isStale());
        p.pane.activate(QUrl(QStringLiteral("sitroom:throttle?step=13&rate=700&require=admission-running")));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices[0][0].toString().contains(QStringLiteral("stale")), qPrintable(notices[0][0].toString()));
    }

    void aLinkThatIsNoStepIsSaid()
    {
        Pane p;
        QSignalSpy requested(&p.pane, &RunbookPane::stepRequested);
        QSignalSpy notices(&p.pane, &RunbookPane::noticeChanged);
        p.pane.activate(QUrl(QStringLiteral("sitroom:reboot-the-gateway?step=3")));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices[0][0].toString().startsWith(QStringLiteral("This runbook link is not a step the console knows")),
                 qPrintable(notices[0][0].toString()));
        // A link within the page only scrolls: no step, no notice.
        p.pane.activate(QUrl(QStringLiteral("#escalation")));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(notices.size(), 1);
    }

    void theSameRunbookAgainKeepsTheReadersPlace()
    {
        Pane p;
        p.pane.resize(400, 200);   // short, so the runbook scrolls
        QScrollBar *bar = p.pane.browser()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2);
        const int place = bar->value();
        QVERIFY(place > 0);
        // Each tick re-selects the alert: the text is not reset under the reader.
        p.pane.showAlert(p.data.store.alert(QStringLiteral("a1")));
        QCOMPARE(bar->value(), place);
    }
};

QTEST_MAIN(tst_RunbookPane)
#include "tst_runbookpane.moc"
