#include "models/control/ControlEffect.h"

#include <QtTest>

using namespace sitroom;
using namespace sitroom::models;

namespace {

// Three providers: kakao 50 % (300/s), naver 30 % (180/s), pass 20 % (120/s);
// capacities 400, 250 and 1000 per second.
struct Picture
{
    Picture()
    {
        const char *ids[] = {"kakao", "naver", "pass"};
        const double shares[] = {0.5, 0.3, 0.2};
        const double capacity[] = {400, 250, 1000};
        for (int i = 0; i < 3; ++i) {
            auto *c = config.add_providers();
            c->set_id(ids[i]);
            c->set_capacity_per_s(capacity[i]);
            c->set_popularity(1.0 + i);
            auto *p = state.add_providers();
            p->set_id(ids[i]);
            p->set_enabled(true);
            p->set_share(shares[i]);
            p->set_requests_per_s(600 * shares[i]);
        }
        config.set_hazardous_rate_cut_fraction(0.25);
        control.set_admission_rate_per_s(800);
        auto *a = state.mutable_admission();
        a->set_arrivals_per_s(900);
        a->set_rate_limit_per_s(800);
        a->set_queue_depth(24000);
    }
    v1::Configuration config;
    v1::SystemState state;
    v1::ControlState control;
};

} // namespace

class tst_ControlEffect : public QObject
{
    Q_OBJECT

private slots:
    void disableRedistributesByShare()
    {
        const Picture p;
        const DisableEffect e = disableEffect(p.config, p.state, QStringLiteral("kakao"));
        QCOMPARE(e.movedShare, 0.5);
        QCOMPARE(e.movedRequestsPerS, 300.0);
        QCOMPARE(int(e.receivers.size()), 2);
        // naver gets 0.3 / 0.5 of the moved traffic, pass 0.2 / 0.5.
        QCOMPARE(e.receivers[0].id, QStringLiteral("naver"));
        QCOMPARE(e.receivers[0].newShare, 0.6);
        QCOMPARE(e.receivers[0].newRequestsPerS, 360.0);
        QCOMPARE(e.receivers[0].newLoad, 360.0 / 250.0);
        QVERIFY(e.receivers[0].overWarning);
        QCOMPARE(e.receivers[1].id, QStringLiteral("pass"));
        QCOMPARE(e.receivers[1].newShare, 0.4);
        QCOMPARE(e.receivers[1].newRequestsPerS, 240.0);
        QVERIFY(!e.receivers[1].overWarning);
        QVERIFY(e.anyOverWarning);
        QVERIFY(!e.noneLeft);
    }

    void disabledProvidersReceiveNothing()
    {
        Picture p;
        p.state.mutable_providers(2)->set_enabled(false);
        p.state.mutable_providers(2)->set_share(0);
        const DisableEffect e = disableEffect(p.config, p.state, QStringLiteral("kakao"));
        QCOMPARE(int(e.receivers.size()), 1);
        QCOMPARE(e.receivers[0].newShare, 0.8);
    }

    void withoutTrafficPopularityDecides()
    {
        Picture p;
        for (auto &s : *p.state.mutable_providers()) {
            s.set_share(0);
            s.set_requests_per_s(0);
        }
        const DisableEffect e = disableEffect(p.config, p.state, QStringLiteral("kakao"));
        QCOMPARE(e.receivers[0].newShare, 0.0);  // nothing moves when nothing flows
        p.state.mutable_providers(0)->set_share(0.9);
        const DisableEffect f = disableEffect(p.config, p.state, QStringLiteral("kakao"));
        QCOMPARE(f.receivers[0].newShare, 0.9 * 2.0 / 5.0);
        QCOMPARE(f.receivers[1].newShare, 0.9 * 3.0 / 5.0);
    }

    void lastProviderHasNowhereToGo()
    {
        Picture p;
        p.state.mutable_providers(1)->set_enabled(false);
        p.state.mutable_providers(2)->set_enabled(false);
        QVERIFY(disableEffect(p.config, p.state, QStringLiteral("kakao")).noneLeft);
    }

    void throttleCutGrowsTheQueue()
    {
        const Picture p;
        const ThrottleEffect e = throttleEffect(p.state, p.control, 500);
        QCOMPARE(e.currentRatePerS, 800.0);
        QCOMPARE(e.queueChangePerMin, (900.0 - 500.0) * 60.0);
        QCOMPARE(e.shownWaitS, 24000.0 / 500.0);
        QCOMPARE(e.currentShownWaitS, 24000.0 / 800.0);
    }

    void throttleRaiseDrains()
    {
        const Picture p;
        const ThrottleEffect e = throttleEffect(p.state, p.control, 1200);
        QCOMPARE(e.queueChangePerMin, -300.0 * 60.0);
        QCOMPARE(e.shownWaitS, 20.0);
    }

    void emptyQueueDoesNotDrainBelowZero()
    {
        Picture p;
        p.state.mutable_admission()->set_queue_depth(0);
        const ThrottleEffect e = throttleEffect(p.state, p.control, 2000);
        QCOMPARE(e.queueChangePerMin, 0.0);
        QCOMPARE(e.shownWaitS, 0.0);
    }

    void pauseStopsAdmission()
    {
        const Picture p;
        const ThrottleEffect e = throttleEffect(p.state, p.control, 0, true);
        QVERIFY(e.paused);
        QCOMPARE(e.queueChangePerMin, 900.0 * 60.0);
        QCOMPARE(e.shownWaitS, -1.0);
    }

    void hazardous_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("hazardous");
        QTest::newRow("small cut") << 0 << 700.0 << false;
        QTest::newRow("cut at the limit") << 0 << 600.0 << false;
        QTest::newRow("cut beyond") << 0 << 599.0 << true;
        QTest::newRow("raise") << 0 << 2000.0 << false;
        QTest::newRow("pause") << 1 << 0.0 << true;
        QTest::newRow("resume") << 2 << 0.0 << false;
        QTest::newRow("disable") << 3 << 0.0 << true;
        QTest::newRow("enable") << 4 << 0.0 << false;
    }

    void hazardous()
    {
        QFETCH(int, kind);
        QFETCH(double, rate);
        QFETCH(bool, hazardous);
        const Picture p;
        v1::Command c;
        switch (kind) {
        case 0: c.mutable_set_admission_rate()->set_rate_per_s(rate); break;
        case 1: c.mutable_pause_admission(); break;
        case 2: c.mutable_resume_admission(); break;
        case 3: c.mutable_set_provider_enabled()->set_enabled(false); break;
        default: c.mutable_set_provider_enabled()->set_enabled(true); break;
        }
        QCOMPARE(isHazardous(c, p.config, p.control), hazardous);
    }
};

QTEST_GUILESS_MAIN(tst_ControlEffect)
#include "tst_controleffect.moc"
