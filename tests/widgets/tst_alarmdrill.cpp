// In Korean, offscreen: the alarm-load meter says what starts, what stands
// and what nobody acknowledged, and never "안정" over an unacknowledged
// critical alert; a drill shows "훈련 상황" above everything on the desk,
// compact and wall layouts, and nothing when it is not a drill.
#include "tests/support/ConsoleLook.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/widgets/AlertFixtures.h"

#include "app/console/MainWindow.h"
#include "widgets/alerts/AlarmLoadMeter.h"
#include "widgets/common/DrillBanner.h"
#include "widgets/panels/AlertsPanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::console::Layout;
using sitroom::models::AlarmPicture;
using sitroom::models::AlarmVerdict;

namespace {

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The aftermath of a flood as issue 11 saw it: 14 unacknowledged, 10 critical.
std::vector<v1::Alert> aftermath(qint64 t)
{
    std::vector<v1::Alert> alerts;
    for (int i = 0; i < 14; ++i) {
        alerts.push_back(makeAlert("A" + std::to_string(i + 1), i < 10 ? v1::SEVERITY_CRITICAL : v1::SEVERITY_MAJOR,
                                   v1::ALERT_ACTIVE_UNACKED, t + 1000 * i));
    }
    return alerts;
}

using testing::ConsoleScreen;

// kim's console in Korean, live, the drill flag as the configuration says.
void feed(ConsoleScreen &c, bool drill)
{
    models::TelemetryBatch b = liveBatch(v1::ROLE_OPERATOR, {}, c.now);
    b.snapshot->mutable_configuration()->set_drill(drill);
    c.arrive(b);
}

widgets::DrillBanner *bannerOf(const ConsoleScreen &c)
{
    return c.window.findChild<widgets::DrillBanner *>(QStringLiteral("drillBanner"));
}

} // namespace

class tst_AlarmDrill : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Desktop};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-alarmdrill"));
        QSettings().clear();
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    void meterWords_data()
    {
        QTest::addColumn<uint>("started");
        QTest::addColumn<bool>("flood");
        QTest::addColumn<int>("standing");
        QTest::addColumn<int>("unacked");
        QTest::addColumn<int>("critical");
        QTest::addColumn<QString>("text");
        QTest::newRow("aftermath") << 0u << false << 14 << 14 << 10
                                   << QStringLiteral("시작 0건/10분 · 진행 14건 · 미확인 14건 (긴급 10) · 긴급 미확인: 즉시 확인");
        QTest::newRow("calm") << 1u << false << 1 << 0 << 0
                              << QStringLiteral("시작 1건/10분 · 진행 1건 · 미확인 0건 · 안정 (목표 2건 이하)");
        QTest::newRow("waiting") << 1u << false << 1 << 1 << 0
                                 << QStringLiteral("시작 1건/10분 · 진행 1건 · 미확인 1건 · 확인 대기: 경보를 확인하십시오");
        QTest::newRow("busy") << 5u << false << 5 << 0 << 0
                              << QStringLiteral("시작 5건/10분 · 진행 5건 · 미확인 0건 · 많음 (목표 초과)");
        QTest::newRow("flood") << 13u << true << 13 << 13 << 4
                               << QStringLiteral("시작 13건/10분 · 진행 13건 · 미확인 13건 (긴급 4) · 범람: 출처별로 묶음");
    }

    void meterWords()
    {
        QFETCH(uint, started);
        QFETCH(bool, flood);
        QFETCH(int, standing);
        QFETCH(int, unacked);
        QFETCH(int, critical);
        QFETCH(QString, text);
        AlarmPicture p;
        p.startedLast10min = started;
        p.flood = flood;
        p.standing = standing;
        p.unacknowledged = unacked;
        p.unacknowledgedCritical = critical;
        widgets::AlarmLoadMeter meter;
        meter.setPicture(p);
        QCOMPARE(meter.text(), text);
        if (critical > 0)
            QVERIFY(!meter.text().contains(QStringLiteral("안정")));
        meter.resize(meter.sizeHint());
        QVERIFY(!meter.grab().isNull());
    }

    // The panel counts the store's alerts: the meter follows acknowledgements.
    void meterFollowsTheStore()
    {
        FakeClock clock;
        models::SituationStore store(nullptr, clock.clock());
        models::AlertModel alerts(store);
        widgets::AlertsPanel panel(&alerts, store);
        panel.resize(1000, 600);
        const qint64 t = kSimStartMs;
        models::TelemetryBatch b = liveBatch(v1::ROLE_OPERATOR, aftermath(t), clock.now);
        b.snapshot->mutable_state()->set_alerts_last_10min(0);
        store.apply(b);
        widgets::AlarmLoadMeter *meter = panel.meter();
        QCOMPARE(meter->verdict(), AlarmVerdict::CriticalUnacknowledged);
        QVERIFY2(meter->text().contains(QStringLiteral("진행 14건 · 미확인 14건 (긴급 10)")), qPrintable(meter->text()));
        QVERIFY(!meter->text().contains(QStringLiteral("안정")));
        // Every critical acknowledged: the majors still wait.
        for (int i = 0; i < 10; ++i) {
            v1::Alert a = aftermath(t)[std::size_t(i)];
            a.set_state(v1::ALERT_ACTIVE_ACKED);
            store.apply(alertEventBatch(a, v1::TRANSITION_ACKNOWLEDGED, 0));
        }
        QCOMPARE(meter->verdict(), AlarmVerdict::Waiting);
        QVERIFY2(meter->text().contains(QStringLiteral("진행 14건 · 미확인 4건 ·")), qPrintable(meter->text()));
        QVERIFY(!meter->text().contains(QStringLiteral("안정")));
    }

    void drillBanner_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("drill");
        for (const auto &[name, layout] : {std::pair{"desk", Layout::Desktop}, std::pair{"compact", Layout::Compact},
                                           std::pair{"wall", Layout::Wall}}) {
            QTest::addRow("%s, drill", name) << int(layout) << true;
            QTest::addRow("%s, real operations", name) << int(layout) << false;
        }
    }

    void drillBanner()
    {
        QFETCH(int, layout);
        QFETCH(bool, drill);
        ConsoleScreen c({.language = QStringLiteral("ko"), .layout = Layout(layout)});
        QVERIFY(QTest::qWaitForWindowExposed(&c.window));
        feed(c, drill);
        widgets::DrillBanner *banner = bannerOf(c);
        QVERIFY(banner);
        QCOMPARE(banner->isDrill(), drill);
        QCOMPARE(banner->isVisible(), drill);
        if (!drill) {
            QCOMPARE(c.window.contentsMargins().top(), 0);
            QCOMPARE(c.window.menuWidget() ? c.window.menuWidget()->y() : 0, 0);
            return;
        }
        QVERIFY(banner->text().startsWith(QStringLiteral("훈련 상황")));
        // Across the top, above everything: nothing of the window starts above its foot.
        QCOMPARE(banner->geometry().topLeft(), QPoint(0, 0));
        QCOMPARE(banner->width(), c.window.width());
        const int foot = banner->geometry().bottom();
        QVERIFY(banner->height() >= (Layout(layout) == Layout::Wall ? 44 : 22));
        if (QWidget *menu = c.window.menuWidget(); menu && menu->isVisible())
            QVERIFY2(menu->y() > foot, qPrintable(QString::number(menu->y())));
        QVERIFY(c.window.centralWidget()->y() > foot);
        for (QDockWidget *dock : c.window.findChildren<QDockWidget *>()) {
            // Docks tabbed behind another sit outside the window until chosen.
            if (dock->isVisible() && !dock->isFloating() && c.window.rect().intersects(dock->geometry()))
                QVERIFY2(dock->y() > foot, qPrintable(QStringLiteral("%1 at %2,%3 %4x%5, banner foot %6").arg(dock->objectName()).arg(dock->x()).arg(dock->y()).arg(dock->width()).arg(dock->height()).arg(foot)));
        }
        // Not an alarm colour, and readable.
        QVERIFY(contrast(widgets::DrillBanner::foreground(), widgets::DrillBanner::background()) >= 4.5);
        const QImage shot = c.window.grab().toImage();
        QCOMPARE(shot.pixelColor(4, 4), widgets::DrillBanner::background());
        // No one can hide it.
        banner->hide();
        QVERIFY(banner->isVisible());
        // The drill ends (a new configuration says so): it goes, leaving no band.
        feed(c, false);
        QVERIFY(!banner->isVisible());
        QCOMPARE(c.window.contentsMargins().top(), 0);
    }
};

QTEST_MAIN(tst_AlarmDrill)
#include "tst_alarmdrill.moc"
