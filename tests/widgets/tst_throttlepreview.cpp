#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/ThrottleControl.h"
#include "widgets/controls/ThrottlePreview.h"
#include "widgets/panels/AdmissionPanel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QPushButton>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::SituationStore;
using sitroom::widgets::TimeSeriesChart;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver"};
const QColor kQueueColour(0x37, 0x47, 0x4f); // AdmissionPanel's queue line
constexpr qint64 kHalfHourMs = 30 * 60 * 1000;

v1::SystemState stateAt(qint64 ms)
{
    v1::SystemState s = makeState(ms, kProviders);
    auto *a = s.mutable_admission();
    a->set_queue_depth(41234);
    a->set_arrivals_per_s(812);
    a->set_admitted_per_s(500);
    a->set_rate_limit_per_s(500);
    a->set_estimated_wait_s(82);
    s.mutable_backend()->set_capacity_per_s(1000);
    s.mutable_backend()->set_requests_per_s(250);
    s.mutable_backend()->set_utilization(0.25);
    return s;
}

// Pixels of the colour in the rightmost fifth of the chart: only the
// projection can be there (the data ends at the window's right edge without one).
int futurePixels(TimeSeriesChart *chart, QColor colour)
{
    const QImage image = chart->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = image.width() * 4 / 5; x < image.width() - 10; ++x)
            n += (line[x] & 0xffffff) == (colour.rgb() & 0xffffff);
    }
    return n;
}

bool settled(TimeSeriesChart *chart)
{
    return chart->rebuildCount() > 0 && !chart->rebuildPending();
}

// The waiting room's panel with its throttle, the control desk and the
// preview over a console's data, wired as the main window wires them (the
// desk first, then the preview); live at kSimStartMs with ten minutes of queue.
struct WaitingRoomDesk
{
    WaitingRoomDesk()
        : store(data.store)
        , panel(store)
        , desk(store, &panel)
        , preview(store)
    {
        widgets::ThrottleControl *throttle = panel.throttleControl();
        QObject::connect(throttle, &widgets::ThrottleControl::rateRequested, &desk, &widgets::ControlDesk::proposeRate);
        QObject::connect(throttle, &widgets::ThrottleControl::pauseRequested, &desk, &widgets::ControlDesk::proposePause);
        panel.attachPreview(&preview);
        preview.follow(throttle, &desk);
        QObject::connect(&desk, &widgets::ControlDesk::commandIssued, &panel, [this](const v1::Command &) { ++issued; });

        store.apply(linkBatch(models::LinkState::Live));
        v1::Configuration config = makeConfiguration(kProviders);
        config.set_admission_rate_min_per_s(50);
        config.set_admission_rate_max_per_s(2000);
        config.set_admission_rate_step_per_s(50);
        config.set_timezone("Asia/Seoul");
        data.arrive(snapshotBatch(config, stateAt(kSimStartMs), makeHistory(kSimStartMs - 600'000, 600, 41000), data.now));
        panel.resize(900, 900);
        panel.throttleControl()->show();
        panel.show();
    }

    // A tick of the live system arriving now.
    void tick(const v1::SystemState &state, const v1::History &samples = {})
    {
        data.now += 1;
        data.arrive(tickBatch(state, samples, data.now));
    }

    testing::ConsoleData data;
    SituationStore &store;
    widgets::AdmissionPanel panel;
    widgets::ControlDesk desk;
    widgets::ThrottlePreview preview;
    int issued = 0;
};

} // namespace

// The throttle preview: a dashed 30-minute projection on the waiting room's
// charts while the confirmation is open, gone when it is cancelled or confirmed.
class tst_ThrottlePreview : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Desktop};

    void propose(WaitingRoomDesk &c, double rate)
    {
        c.panel.throttleControl()->rateBox()->setValue(rate);
        c.panel.throttleControl()->applyButton()->click();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    void projectionShownWhileConfirmingThenGoneOnCancel()
    {
        WaitingRoomDesk c;
        QVERIFY(QTest::qWaitForWindowExposed(&c.panel));
        TimeSeriesChart *queue = c.panel.queueChart();
        TimeSeriesChart *flow = c.panel.flowChart();
        QTRY_VERIFY(settled(queue));
        QVERIFY(!queue->hasProjection());
        const qint64 now = c.store.history().lastTimeMs();
        QCOMPARE(queue->displayedTimeWindow().second, now);
        const int before = futurePixels(queue, kQueueColour);

        propose(c, 400);
        QVERIFY(c.desk.activeDialog());
        QVERIFY(c.preview.isShowing());
        QVERIFY(c.preview.isDrawn());
        // The queue, arrival, admitted and throttle lines each continue for 30 minutes (61 points).
        QCOMPARE(queue->projectionPointCount(0), 61);
        QCOMPARE(flow->projectionPointCount(1), 61);
        QCOMPARE(flow->projectionPointCount(2), 61);
        QCOMPARE(flow->projectionPointCount(0), 61); // arrivals, held: the assumption on show
        // 812 arrive, 400 admitted: the queue grows by 412 a second.
        QCOMPARE(c.preview.projection().last().queueDepth, 41234.0 + 412.0 * 1800.0);
        // The window stretches to the projection's end, and it is drawn there, dashed, in the queue's colour.
        QTRY_COMPARE(queue->displayedTimeWindow().second, now + kHalfHourMs);
        QTRY_VERIFY(settled(queue));
        const int during = futurePixels(queue, kQueueColour);
        QVERIFY2(during > before + 20, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(during)));
        // Said as a projection, in Korean: the legend's word and the note with the wait and the backend.
        QVERIFY2(queue->projectionNote().startsWith(QStringLiteral("30분 후: 대기 ")), qPrintable(queue->projectionNote()));
        QVERIFY2(queue->projectionNote().contains(QStringLiteral("안내 대기 시간")), qPrintable(queue->projectionNote()));
        QVERIFY2(flow->projectionNote().contains(QStringLiteral("예약 시스템 사용률: 지금 25 %")), qPrintable(flow->projectionNote()));

        c.desk.activeDialog()->reject();
        QVERIFY(!c.preview.isShowing());
        QVERIFY(!queue->hasProjection());
        QVERIFY(!flow->hasProjection());
        QVERIFY(queue->projectionNote().isEmpty());
        QTRY_COMPARE(queue->displayedTimeWindow().second, now);
        QTRY_VERIFY(settled(queue));
        QCOMPARE(futurePixels(queue, kQueueColour), before);
        QCOMPARE(c.issued, 0);
    }

    void goneOnConfirm()
    {
        WaitingRoomDesk c;
        propose(c, 1000);
        widgets::ControlConfirmDialog *dialog = c.desk.activeDialog();
        QVERIFY(dialog);
        QVERIFY(c.panel.queueChart()->hasProjection());
        // 812 arrive, 1,000 admitted: the queue drains in 41234 / 188 s.
        QCOMPARE(c.preview.projection().drainsAtS, 41234.0 / 188.0);
        QVERIFY(c.panel.queueChart()->projectionNote().contains(QStringLiteral("후 대기열 비움")));
        dialog->setReason(QStringLiteral("대기열 해소"));
        dialog->okButton()->click();
        QCOMPARE(c.issued, 1);
        QVERIFY(!c.preview.isShowing());
        QVERIFY(!c.panel.queueChart()->hasProjection());
        QVERIFY(!c.panel.flowChart()->hasProjection());
    }

    void followsTheTicksAndANewerWish()
    {
        WaitingRoomDesk c;
        propose(c, 400);
        const qint64 firstEnd = c.store.history().lastTimeMs() + kHalfHourMs;
        // A tick moves "now": the projection starts again from it.
        c.tick(stateAt(kSimStartMs + 1000), makeHistory(kSimStartMs, 1, 41300));
        QCOMPARE(c.store.history().lastTimeMs(), kSimStartMs);
        QTRY_COMPARE(c.panel.queueChart()->displayedTimeWindow().second, kSimStartMs + kHalfHourMs);
        QVERIFY(kSimStartMs + kHalfHourMs > firstEnd);
        // The newest wish wins: the old dialog goes, the projection is the new rate's.
        propose(c, 600);
        QVERIFY(c.preview.isShowing());
        QCOMPARE(c.preview.projection().queueChangePerS, 812.0 - 600.0);
        c.desk.activeDialog()->reject();
        QVERIFY(!c.panel.queueChart()->hasProjection());
    }

    void pauseProjectsNoWait()
    {
        WaitingRoomDesk c;
        c.panel.throttleControl()->pauseButton()->click();
        QVERIFY(c.desk.activeDialog());
        QCOMPARE(c.preview.projection().last().admittedPerS, 0.0);
        QCOMPARE(c.preview.projection().last().queueDepth, 41234.0 + 812.0 * 1800.0);
        QVERIFY2(c.panel.queueChart()->projectionNote().contains(QStringLiteral("입장 중지")),
                 qPrintable(c.panel.queueChart()->projectionNote()));
        c.desk.activeDialog()->reject();
        QVERIFY(!c.panel.queueChart()->hasProjection());
    }

    void staleQueueDrawsNothing()
    {
        WaitingRoomDesk c;
        v1::SystemState s = stateAt(kSimStartMs + 1000);
        v1::StaleFigure *f = s.add_stale();
        f->set_figure("queue_depth");
        f->set_reason(v1::STALE_SOURCE_UNREACHABLE);
        c.tick(s);
        propose(c, 400);
        QVERIFY(c.desk.activeDialog());
        QVERIFY(c.preview.isShowing());
        QVERIFY(!c.preview.isDrawn());
        QVERIFY(!c.panel.queueChart()->hasProjection());
        c.desk.activeDialog()->reject();
    }
};

QTEST_MAIN(tst_ThrottlePreview)
#include "tst_throttlepreview.moc"
