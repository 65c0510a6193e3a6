// The console's window, offscreen, fed hand-made telemetry: freshness, lights,
// layouts and their persistence.
#include "app/console/MainWindow.h"
#include "widgets/wall/WallBoard.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SyntheticTelemetry.h"

#include "widgets/board/ProviderBoard.h"
#include "widgets/board/ProviderTile.h"
#include "widgets/common/LiveClockLabel.h"
#include "widgets/common/StaleOverlay.h"
#include "widgets/panels/AdmissionPanel.h"
#include "widgets/panels/CohortPanel.h"
#include "widgets/status/ConnectionStatus.h"
#include "widgets/status/StaleBanner.h"

#include <QtTest>

#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>

using namespace sitroom;
using sitroom::console::Layout;

namespace {

using testing::ConsoleScreen;

// The synthetic system's picture at 20:15, as its snapshot arrives: the link
// live, ten minutes of history, the lights given (green otherwise).
void feedSnapshot(ConsoleScreen &c, const QList<v1::Light> &lights = {})
{
    const testing::SyntheticSystem system;
    models::TelemetryBatch batch;
    models::LinkEvent live;
    live.state = models::LinkState::Live;
    batch.link.push_back(live);
    batch.snapshot = system.snapshot(system.openMs + 15 * 60 * 1000, 600, lights);
    c.arrive(batch);
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test"));
        QSettings().clear();
    }

    void noDataIsNeverShownAsFresh()
    {
        ConsoleScreen c;
        QVERIFY(c.store.isStale());
        QVERIFY(c.window.staleBanner()->isVisible());
        QVERIFY(c.window.staleBanner()->text().contains(QStringLiteral("No data yet")));
        for (auto *overlay : c.window.staleOverlays())
            QVERIFY(overlay->isStale());
    }

    // The live system's clock at the right of the status bar; a simulation
    // at 30x shows its clock and the wall clock, both named, in KST.
    void statusBarShowsTheLiveSystemsClock()
    {
        qputenv("TZ", QByteArrayLiteral("America/New_York"));
        ConsoleScreen c;
        auto *clock = c.window.findChild<widgets::LiveClockLabel *>();
        QVERIFY(clock);
        QVERIFY(clock->isVisible());
        models::TelemetryBatch batch;
        models::LinkEvent live;
        live.state = models::LinkState::Live;
        batch.link.push_back(live);
        const testing::SyntheticSystem system;
        batch.snapshot = system.snapshot(system.openMs + 13 * 60 * 1000 + 5000, 60);  // 20:13:05 KST
        batch.snapshot->mutable_configuration()->set_speed(30);
        batch.snapshot->mutable_configuration()->set_source("sim:synthetic");
        batch.lastServerTimeMs = 1628486531000;  // 14:22:11 KST on the wall clock
        c.arrive(batch);
        QVERIFY(clock->showsBothClocks());
        QCOMPARE(clock->text(), QStringLiteral("Simulation 20:13:05 KST · Wall clock 14:22:11 KST · 30×"));
    }

    void staleAfterThreeSecondsOfSilence()
    {
        ConsoleScreen c;
        feedSnapshot(c);
        QVERIFY(!c.store.isStale());
        QVERIFY(!c.window.staleBanner()->isVisible());
        QVERIFY(!c.window.windowTitle().contains(QStringLiteral("STALE")));
        for (auto *overlay : c.window.staleOverlays())
            QVERIFY(!overlay->isVisible());

        c.now += 2900;
        c.store.checkFreshness();
        QVERIFY(!c.window.staleBanner()->isVisible());

        c.now += 200;
        c.store.checkFreshness();
        QVERIFY(c.window.staleBanner()->isVisible());
        QVERIFY2(c.window.staleBanner()->text().contains(QStringLiteral("Data is stale: last update 3 s ago")),
                 qPrintable(c.window.staleBanner()->text()));
        QVERIFY(c.window.windowTitle().startsWith(QStringLiteral("[STALE]")));
        for (auto *overlay : c.window.staleOverlays()) {
            QVERIFY(overlay->isVisible());
            QVERIFY(overlay->caption().contains(QStringLiteral("3 s ago")));
        }
        QVERIFY(c.window.connectionStatus()->ageLabelText().contains(QStringLiteral("3 s ago")));

        // Fresh data clears it at once.
        const testing::SyntheticSystem system;
        models::TelemetryBatch tick;
        tick.hasState = true;
        tick.state = system.state(system.openMs + 15 * 60 * 1000 + 3000);
        c.arrive(tick);
        QVERIFY(!c.window.staleBanner()->isVisible());
        QVERIFY(!c.window.windowTitle().contains(QStringLiteral("STALE")));
    }

    void linkFailureIsSaidInPlainWords()
    {
        ConsoleScreen c;
        feedSnapshot(c);
        models::TelemetryBatch batch;
        models::LinkEvent failed;
        failed.state = models::LinkState::Failed;
        failed.detail = QStringLiteral("Connection refused");
        failed.attempt = 2;
        failed.retryInMs = 1600;
        batch.link.push_back(failed);
        c.store.apply(batch);
        QVERIFY(c.store.isStale());
        const QString text = c.window.staleBanner()->text();
        QVERIFY2(text.contains(QStringLiteral("Cannot reach the server: Connection refused.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Trying again in 2 s (attempt 3)")), qPrintable(text));
    }

    void lightsAreShapeColourAndWord()
    {
        ConsoleScreen c;
        feedSnapshot(c, {v1::LIGHT_RED, v1::LIGHT_GREEN, v1::LIGHT_YELLOW, v1::LIGHT_SUSPENDED, v1::LIGHT_GREEN});
        widgets::ProviderBoard *board = c.window.providerBoard();
        QCOMPARE(board->tileCount(), 5);
        const struct
        {
            int row;
            const char *word;
            const char *state;
        } expected[] = {{0, "Congested", "red"}, {1, "Smooth", "normal"}, {2, "Delayed", "yellow"},
                        {3, "Suspended", "suspended"}, {4, "Smooth", "normal"}};
        for (const auto &e : expected) {
            widgets::ProviderTile *tile = board->tile(e.row);
            QCOMPARE(tile->lightWord(), QLatin1String(e.word));
            QCOMPARE(tile->property("lightState").toString(), QLatin1String(e.state));
        }
        QCOMPARE(board->tile(0)->data().name, QStringLiteral("Auth kakao"));
        QCOMPARE(board->tile(0)->data().p95Ms, 5200.0);
    }

    void panelsShowTheFigures()
    {
        ConsoleScreen c;
        feedSnapshot(c);
        QCOMPARE(c.window.admissionPanel()->queueText(), QStringLiteral("12,345 people"));
        QVERIFY2(c.window.cohortPanel()->todayText().startsWith(QStringLiteral("Booking now: Ages 18-49 (birth date ending 9)")),
                 qPrintable(c.window.cohortPanel()->todayText()));
        QVERIFY2(c.window.cohortPanel()->projectionText().contains(QStringLiteral("forecast 700,000")),
                 qPrintable(c.window.cohortPanel()->projectionText()));
    }

    void layoutsFitTheirScreens_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<QSize>("size");
        QTest::newRow("wall display 1920x1080") << int(Layout::Wall) << QSize(1920, 1080);
        QTest::newRow("desktop 1920x1080") << int(Layout::Desktop) << QSize(1920, 1080);
        QTest::newRow("laptop 1366x768") << int(Layout::Compact) << QSize(1366, 768);
    }

    void layoutsFitTheirScreens()
    {
        QFETCH(int, layout);
        QFETCH(QSize, size);
        ConsoleScreen c({.layout = Layout(layout), .size = size});
        feedSnapshot(c);
        QVERIFY(c.settle());
        QVERIFY2(c.window.minimumSizeHint().width() <= size.width() && c.window.minimumSizeHint().height() <= size.height(),
                 qPrintable(QStringLiteral("%1x%2").arg(c.window.minimumSizeHint().width()).arg(c.window.minimumSizeHint().height())));
        // Every tile whole and on screen, none squeezed below what it needs.
        const QRect screen(QPoint(0, 0), c.window.size());
        // The wall is a design of its own (tst_wallboard): the desk's board is not shown.
        QCOMPARE(c.window.providerBoard()->isVisible(), Layout(layout) != Layout::Wall);
        if (Layout(layout) == Layout::Wall)
            QVERIFY(screen.contains(QRect(c.window.wallBoard()->mapTo(&c.window, QPoint(0, 0)), c.window.wallBoard()->size())));
        for (int i = 0; Layout(layout) != Layout::Wall && i < c.window.providerBoard()->tileCount(); ++i) {
            widgets::ProviderTile *tile = c.window.providerBoard()->tile(i);
            const QRect r(tile->mapTo(&c.window, QPoint(0, 0)), tile->size());
            QVERIFY2(screen.contains(r), qPrintable(QStringLiteral("tile %1 at %2,%3 %4x%5").arg(i).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
            QVERIFY2(tile->width() >= tile->minimumSizeHint().width(), qPrintable(QStringLiteral("tile %1: %2 < %3").arg(i).arg(tile->width()).arg(tile->minimumSizeHint().width())));
            QVERIFY(tile->height() >= tile->minimumSizeHint().height());
        }
        const auto docks = c.window.findChildren<QDockWidget *>();
        // Waiting room, cohorts, alerts; and, where there are controls, pending approvals and the audit.
        QCOMPARE(docks.size(), Layout(layout) == Layout::Wall ? 3 : 5);
        for (QDockWidget *dock : docks) {
            if (!dock->isVisible() || dock->visibleRegion().isEmpty())
                continue; // tabbed behind another
            const QRect r(dock->mapTo(&c.window, QPoint(0, 0)), dock->size());
            QVERIFY2(screen.contains(r), qPrintable(dock->objectName()));
            QVERIFY2(r.height() >= 150, qPrintable(dock->objectName()));
        }
        if (Layout(layout) == Layout::Compact) {
            // Laptop: alerts are a tab beside the cohorts, their count in the tab's title.
            auto *alerts = c.window.findChild<QDockWidget *>(QStringLiteral("alertsDock"));
            QVERIFY(c.window.tabifiedDockWidgets(alerts).contains(c.window.findChild<QDockWidget *>(QStringLiteral("cohortDock"))));
        }
        if (Layout(layout) == Layout::Wall) {
            QVERIFY(c.window.menuBar()->actions().isEmpty());
            for (QDockWidget *dock : docks)
                QCOMPARE(dock->features(), QDockWidget::NoDockWidgetFeatures);
        } else {
            QVERIFY(!c.window.menuBar()->actions().isEmpty());
        }
    }

    void dockLayoutIsSavedAndRestored()
    {
        QSettings().clear();
        {
            ConsoleScreen c;
            auto *alerts = c.window.findChild<QDockWidget *>(QStringLiteral("alertsDock"));
            QVERIFY(alerts);
            alerts->close();
            c.window.close();
        }
        ConsoleScreen again;
        QVERIFY(again.settle());
        auto *alerts = again.window.findChild<QDockWidget *>(QStringLiteral("alertsDock"));
        QVERIFY(!alerts->isVisible());
        // Reset brings everything back.
        again.window.resetLayout();
        QVERIFY(alerts->isVisible());
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
