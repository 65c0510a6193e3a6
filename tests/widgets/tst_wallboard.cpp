// The wall and the ministry briefing in the console's window, offscreen, in
// Korean, at 1920×1080: the wall shows the five lights, the queue, the wait,
// the bookings against the envelope, the standing critical alerts with the
// worst one's title and the drill banner; no tables, no controls, no text
// under 28 px, nothing overlapping. The briefing leads with its summary,
// above the figures and charts, and holds nothing that acts.
#include "tests/support/ConsoleLook.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/widgets/AlertFixtures.h"

#include "app/console/MainWindow.h"
#include "widgets/board/ProviderBoard.h"
#include "widgets/briefing/BriefingView.h"
#include "widgets/common/DrillBanner.h"
#include "widgets/common/StaleOverlay.h"
#include "widgets/status/StaleBanner.h"
#include "widgets/wall/WallAlarm.h"
#include "widgets/wall/WallBoard.h"
#include "widgets/wall/WallFigure.h"
#include "widgets/wall/WallLight.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextEdit>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::console::Layout;

namespace {

const std::vector<std::string> kFive{"kakao", "naver", "pass", "mobile", "certificate"};

using testing::ConsoleScreen;
using testing::Seat;

// The wall's screen, in Korean.
Seat wallSeat(Layout layout)
{
    return {.user = QStringLiteral("wall"), .language = QStringLiteral("ko"), .layout = layout};
}

// Kakao red, the rest smooth; 12,345 waiting for 40 minutes; the 18-49
// window open since the session start, 2,500 booked of 500 forecast.
void feed(ConsoleScreen &c, std::vector<v1::Alert> alertList = {}, bool drill = false, const QStringList &stale = {})
{
    models::TelemetryBatch b = liveBatch(v1::ROLE_OPERATOR, std::move(alertList), c.now, kFive);
    v1::Configuration *config = b.snapshot->mutable_configuration();
    *config = makeConfiguration(kFive, {{"18-49", -5, 1320}});
    config->set_drill(drill);
    v1::SystemState *state = b.snapshot->mutable_state();
    state->mutable_admission()->set_queue_depth(12'345);
    v1::CohortState *cohort = state->add_cohorts();
    cohort->set_id("18-49");
    cohort->set_booked(2'500);
    cohort->set_window_open(true);
    for (const QString &figure : stale) {
        v1::StaleFigure *f = state->add_stale();
        f->set_figure(figure.toStdString());
        f->set_reason(v1::STALE_SOURCE_UNREACHABLE);
    }
    b.state = *state;   // the batch's newest state, after the snapshot's
    c.arrive(b);
}

// Every widget the window shows.
QList<QWidget *> shown(QWidget *window)
{
    QList<QWidget *> out;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->isVisible() && !w->isWindow())
            out << w;
    }
    return out;
}

double pixelHeight(const QWidget *w)
{
    const QFont f = w->font();
    return f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * w->logicalDpiY() / 72.0;
}

// What can act: buttons, editors, boxes, sliders, menus with entries.
QStringList controlsIn(QMainWindow &window)
{
    QStringList found;
    for (QWidget *w : shown(&window)) {
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSlider *>(w)
            || (qobject_cast<QTextEdit *>(w) && !static_cast<QTextEdit *>(w)->isReadOnly())
            || (qobject_cast<QPlainTextEdit *>(w) && !static_cast<QPlainTextEdit *>(w)->isReadOnly()))
            found << QString::fromLatin1(w->metaObject()->className()) + u'#' + w->objectName();
    }
    if (!window.menuBar()->actions().isEmpty())
        found << QStringLiteral("menu bar");
    return found;
}

} // namespace

class tst_WallBoard : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Wall};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-wallboard"));
        QSettings().clear();
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    void wallShowsLightsAndFigures()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c);
        widgets::WallBoard *wall = c.window.wallBoard();
        QVERIFY(wall && wall->isVisible());
        QVERIFY(!c.window.providerBoard()->isVisible());
        QCOMPARE(wall->lightCount(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(wall->light(i)->nameText(), QStringLiteral("공급자-%1").arg(QString::fromStdString(kFive[std::size_t(i)])));
            QCOMPARE(wall->light(i)->wordText(), i == 0 ? QStringLiteral("혼잡") : QStringLiteral("원활"));
            QCOMPARE(wall->light(i)->light(), i == 0 ? int(v1::LIGHT_RED) : int(v1::LIGHT_GREEN));
        }
        QCOMPARE(wall->queueFigure()->valueText(), QStringLiteral("12,345명"));
        QCOMPARE(wall->waitFigure()->valueText(), QStringLiteral("40분"));
        QCOMPARE(wall->bookingsFigure()->valueText(), QStringLiteral("2,500건"));
        QVERIFY2(wall->bookingsFigure()->detailText().startsWith(QStringLiteral("지금까지 예상 ")), qPrintable(wall->bookingsFigure()->detailText()));
        QCOMPARE(wall->alarm()->countText(), QStringLiteral("진행 중인 긴급 경보 없음"));
        // The wall is its own design: no docks, no status bar of small print.
        for (QDockWidget *dock : c.window.findChildren<QDockWidget *>())
            QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
        QVERIFY(!c.window.statusBar()->isVisible());
    }

    void wallCountsStandingCriticalAlerts()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        const qint64 t = kSimStartMs;
        feed(c, {makeAlert("acked", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_ACKED, t),
                makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t + 1000),
                makeAlert("major", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t - 1000),
                makeAlert("gone", v1::SEVERITY_CRITICAL, v1::ALERT_RTN_UNACKED, t - 2000)});
        widgets::WallAlarm *alarm = c.window.wallBoard()->alarm();
        QCOMPARE(alarm->standing(), 2);
        QCOMPARE(alarm->countText(), QStringLiteral("■ 긴급 경보 진행 2건 (미확인 1건)"));
        // The worst: unacknowledged before acknowledged, though younger.
        QCOMPARE(alarm->titleText(), QStringLiteral("인증 오류율 높음 open"));
        const QImage shot = alarm->grab().toImage();
        QCOMPARE(shot.pixelColor(alarm->width() / 2, alarm->height() - 6), widgets::WallAlarm::alarmBackground());
        // Acknowledged: still standing, the count says so.
        v1::Alert acked = makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_ACKED, t + 1000);
        c.store.apply(alertEventBatch(acked, v1::TRANSITION_ACKNOWLEDGED));
        QCOMPARE(alarm->countText(), QStringLiteral("■ 긴급 경보 진행 2건"));
        QCOMPARE(alarm->titleText(), QStringLiteral("인증 오류율 높음 acked"));   // the older of two acknowledged
    }

    void wallShowsTheDrill_data()
    {
        QTest::addColumn<bool>("drill");
        QTest::newRow("drill") << true;
        QTest::newRow("real operations") << false;
    }

    void wallShowsTheDrill()
    {
        QFETCH(bool, drill);
        ConsoleScreen c(wallSeat(Layout::Wall));
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c, {}, drill);
        auto *banner = c.window.findChild<widgets::DrillBanner *>(QStringLiteral("drillBanner"));
        QVERIFY(banner);
        QCOMPARE(banner->isVisible(), drill);
        if (drill) {
            QVERIFY(banner->text().startsWith(QStringLiteral("훈련 상황")));
            QVERIFY(c.window.wallBoard()->mapTo(&c.window, QPoint(0, 0)).y() > banner->geometry().bottom());
        }
    }

    void wallHasNoTablesNoControls()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        feed(c, {makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs)}, true);
        for (QWidget *w : shown(&c.window))
            QVERIFY2(!qobject_cast<QAbstractItemView *>(w), qPrintable(w->objectName()));
        QVERIFY2(controlsIn(c.window).isEmpty(), qPrintable(controlsIn(c.window).join(u' ')));
    }

    // Read from across the room: every text at least 28 px, in every state
    // the wall can be in (a drill, a critical alert, stale figures, stale data).
    void wallTextIsAtLeast28px()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c, {makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs)}, true,
               {QStringLiteral("queue_depth"), QStringLiteral("provider.naver.light")});
        c.now += 10'000;
        c.store.checkFreshness();   // the whole picture stale too: the overlay's caption
        QTRY_VERIFY(c.window.wallBoard()->staleOverlay()->isVisible());
        QTRY_VERIFY(c.window.staleBanner()->isVisible());
        int checked = 0;
        for (QWidget *w : shown(&c.window)) {
            QVERIFY2(pixelHeight(w) >= 28.0, qPrintable(QStringLiteral("%1#%2: %3 px").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()).arg(pixelHeight(w))));
            ++checked;
        }
        QVERIFY(checked > 20);
    }

    void wallStaleFiguresReadDash()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        feed(c, {}, false, {QStringLiteral("queue_depth"), QStringLiteral("provider.naver.light")});
        widgets::WallBoard *wall = c.window.wallBoard();
        QCOMPARE(wall->queueFigure()->valueText(), QStringLiteral("–"));
        QCOMPARE(wall->waitFigure()->valueText(), QStringLiteral("–"));
        QVERIFY2(wall->queueFigure()->staleText().startsWith(QStringLiteral("멈춤")), qPrintable(wall->queueFigure()->staleText()));
        QVERIFY(wall->light(1)->isStale());
        QCOMPARE(wall->light(1)->wordText(), QStringLiteral("–"));
        QCOMPARE(wall->light(0)->wordText(), QStringLiteral("혼잡"));
    }

    // Nothing overlaps: siblings apart (the stale hatching is laid over on
    // purpose), and all of the wall on the screen.
    void wallNothingOverlaps()
    {
        ConsoleScreen c(wallSeat(Layout::Wall));
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c, {makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs)}, true,
               {QStringLiteral("queue_depth")});
        QVERIFY(c.settle());
        const QRect screen = c.window.rect();
        int pairs = 0;
        for (QWidget *w : shown(c.window.wallBoard())) {
            if (qobject_cast<widgets::StaleOverlay *>(w))
                continue;
            QVERIFY2(screen.contains(QRect(w->mapTo(&c.window, QPoint(0, 0)), w->size())), qPrintable(w->objectName()));
            for (QObject *o : w->parent()->children()) {
                auto *other = qobject_cast<QWidget *>(o);
                if (!other || other == w || !other->isVisible() || qobject_cast<widgets::StaleOverlay *>(other))
                    continue;
                QVERIFY2(!w->geometry().intersects(other->geometry()),
                         qPrintable(QStringLiteral("%1 and %2").arg(w->objectName(), other->objectName())));
                ++pairs;
            }
            // Text fits: a label no narrower or lower than it needs.
            if (auto *label = qobject_cast<QLabel *>(w); label && !label->wordWrap()) {
                QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->objectName() + u' ' + label->text()));
                QVERIFY2(label->height() >= label->sizeHint().height() - 2, qPrintable(label->objectName() + u' ' + label->text()));
            }
        }
        QVERIFY(pairs > 20);
    }

    void briefingLeadsWithTheSummaryAndDoesNotAct()
    {
        ConsoleScreen c(wallSeat(Layout::Briefing));
        c.window.resize(1366, 768);
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c, {makeAlert("open", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs)});
        widgets::BriefingView *view = c.window.briefingView();
        QVERIFY(view && view->isVisible());
        QVERIFY(!c.window.controlDesk());
        QVERIFY(!c.window.alertDesk());
        QVERIFY2(controlsIn(c.window).isEmpty(), qPrintable(controlsIn(c.window).join(u' ')));
        for (QDockWidget *dock : c.window.findChildren<QDockWidget *>())
            QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
        view->refreshSummary();
        const QString summary = view->summaryText();
        QVERIFY(!view->storySentences().isEmpty());
        QVERIFY(!view->nowSentences().isEmpty());
        QVERIFY(summary.startsWith(view->storySentences().constFirst()));
        QVERIFY2(summary.contains(QStringLiteral("12,345명이 입장을 기다리고 있으며")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("지금 혼잡한 인증 수단: 공급자-kakao.")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("긴급 경보 1건이 진행 중이며, 가장 먼저 볼 경보는 \"인증 오류율 높음 open\"입니다.")),
                 qPrintable(summary));
        // First on the page: the summary above the figures and the charts.
        auto *summaryLabel = view->findChild<QLabel *>(QStringLiteral("briefingSummary"));
        auto *lights = view->findChild<QLabel *>(QStringLiteral("briefingLights"));
        QVERIFY(summaryLabel && lights);
        QVERIFY(summaryLabel->geometry().bottom() < lights->geometry().top());
        QVERIFY2(view->figuresText().contains(QStringLiteral("공급자-kakao ■ 혼잡")), qPrintable(view->figuresText()));
        QVERIFY(c.window.statusBar()->isVisible());   // the link's state matters over a VPN
    }
};

QTEST_MAIN(tst_WallBoard)
#include "tst_wallboard.moc"
