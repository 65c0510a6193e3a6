// Closed-loop verification: what counts as the effect of each change, the
// bound, a late effect, stale figures and a newer change on the same control.
#include "server/gateway/EffectVerifier.h"

#include <QTest>

using namespace sitroom;
using gateway::EffectVerifier;

namespace {

v1::ControlState controls(double rate, bool paused = false, bool kakaoEnabled = true)
{
    v1::ControlState c;
    c.set_admission_rate_per_s(rate);
    c.set_admission_paused(paused);
    for (const char *id : {"kakao", "naver"}) {
        auto *p = c.add_providers();
        p->set_id(id);
        p->set_enabled(std::string(id) != "kakao" || kakaoEnabled);
    }
    return c;
}

v1::SystemState state(double rateLimit, double admitted = 500, bool paused = false,
                      v1::Light kakaoLight = v1::LIGHT_GREEN, double kakaoRps = 200)
{
    v1::SystemState s;
    s.mutable_admission()->set_rate_limit_per_s(rateLimit);
    s.mutable_admission()->set_admitted_per_s(admitted);
    s.mutable_admission()->set_paused(paused);
    auto *k = s.add_providers();
    k->set_id("kakao");
    k->set_light(kakaoLight);
    k->set_requests_per_s(kakaoRps);
    auto *n = s.add_providers();
    n->set_id("naver");
    n->set_light(v1::LIGHT_GREEN);
    n->set_requests_per_s(400);
    return s;
}

std::vector<v1::CommandStage> stages(const std::vector<v1::CommandProgress> &progress)
{
    std::vector<v1::CommandStage> out;
    for (const auto &p : progress)
        out.push_back(p.stage());
    return out;
}

} // namespace

class tst_EffectVerifier final : public QObject
{
    Q_OBJECT

private slots:
    void throttleSeenWhenTheLimitInForceMatches();
    void notSeenPastTheBoundThenSeenLate();
    void staleFiguresNeverCountAsSeen();
    void pauseNeedsNobodyAdmitted();
    void disableNeedsSuspendedAndNearZero();
    void newerChangeReplacesTheOlder();
    void bookKeepingChangesAreNotWatched();
};

void tst_EffectVerifier::throttleSeenWhenTheLimitInForceMatches()
{
    EffectVerifier v(30000);
    QVERIFY(v.expect(QStringLiteral("c1"), 2, QStringLiteral("set rate"), QStringLiteral("kim"), controls(700), controls(500), 1000));
    QCOMPARE(EffectVerifier::expectationText(controls(700), controls(500)), QStringLiteral("admission.rate_limit_per_s = 500"));
    QVERIFY(v.observe(state(700), 2000).empty());
    const auto seen = v.observe(state(500), 3500);
    QCOMPARE(stages(seen), std::vector<v1::CommandStage>{v1::COMMAND_STAGE_EFFECT_SEEN});
    QCOMPARE(seen.front().after_ms(), 2500u);
    QCOMPARE(seen.front().command_id(), "c1");
    QCOMPARE(seen.front().revision(), 2u);
    QCOMPARE(v.watching(), std::size_t(0));
}

void tst_EffectVerifier::notSeenPastTheBoundThenSeenLate()
{
    EffectVerifier v(10000);
    v.expect(QStringLiteral("c1"), 2, {}, {}, controls(700), controls(500), 0);
    QVERIFY(v.tick(9999).empty());
    QCOMPARE(stages(v.tick(10000)), std::vector<v1::CommandStage>{v1::COMMAND_STAGE_EFFECT_NOT_SEEN});
    QCOMPARE(v.notSeenCount(), 1u);
    QVERIFY(v.tick(20000).empty());   // said once
    const auto late = v.observe(state(500), 25000);
    QCOMPARE(stages(late), std::vector<v1::CommandStage>{v1::COMMAND_STAGE_EFFECT_SEEN});
    QVERIFY(QString::fromStdString(late.front().detail()).contains(QStringLiteral("late")));
    QCOMPARE(v.notSeenCount(), 0u);
}

void tst_EffectVerifier::staleFiguresNeverCountAsSeen()
{
    EffectVerifier v(30000);
    v.expect(QStringLiteral("c1"), 2, {}, {}, controls(700), controls(500), 0);
    v1::SystemState s = state(500);
    auto *stale = s.add_stale();
    stale->set_figure("rate_limit_per_s");
    stale->set_reason(v1::STALE_SOURCE_UNREACHABLE);
    QVERIFY(v.observe(s, 1000).empty());
    s.clear_stale();
    QCOMPARE(v.observe(s, 2000).size(), std::size_t(1));
}

void tst_EffectVerifier::pauseNeedsNobodyAdmitted()
{
    EffectVerifier v(30000);
    v.expect(QStringLiteral("p"), 3, {}, {}, controls(700), controls(700, true), 0);
    QVERIFY(v.observe(state(700, 300, true), 1000).empty());   // paused flag, still admitting
    QCOMPARE(v.observe(state(700, 0, true), 2000).size(), std::size_t(1));
}

void tst_EffectVerifier::disableNeedsSuspendedAndNearZero()
{
    EffectVerifier v(30000);
    v.expect(QStringLiteral("d"), 4, {}, {}, controls(700), controls(700, false, false), 0);
    QVERIFY(v.observe(state(700, 500, false, v1::LIGHT_SUSPENDED, 150), 1000).empty());   // still 150/s
    QVERIFY(v.observe(state(700, 500, false, v1::LIGHT_RED, 0), 2000).empty());           // not 중단
    QCOMPARE(v.observe(state(700, 500, false, v1::LIGHT_SUSPENDED, 3), 3000).size(), std::size_t(1)); // 3 of 403: under 1 %
    // Re-enabling: the light leaves 중단.
    v.expect(QStringLiteral("e"), 5, {}, {}, controls(700, false, false), controls(700), 4000);
    QVERIFY(v.observe(state(700, 500, false, v1::LIGHT_SUSPENDED, 0), 5000).empty());
    QCOMPARE(v.observe(state(700, 500, false, v1::LIGHT_GREEN, 10), 6000).size(), std::size_t(1));
}

void tst_EffectVerifier::newerChangeReplacesTheOlder()
{
    EffectVerifier v(5000);
    v.expect(QStringLiteral("a"), 2, {}, {}, controls(700), controls(500), 0);
    v.expect(QStringLiteral("b"), 3, {}, {}, controls(500), controls(600), 1000);
    QCOMPARE(v.watching(), std::size_t(1));
    const auto seen = v.observe(state(600), 2000);
    QCOMPARE(seen.size(), std::size_t(1));
    QCOMPARE(seen.front().command_id(), "b");
}

void tst_EffectVerifier::bookKeepingChangesAreNotWatched()
{
    EffectVerifier v;
    v1::ControlState withPending = controls(700);
    withPending.add_pending()->set_request_id("r");
    QVERIFY(!v.expect(QStringLiteral("x"), 2, {}, {}, controls(700), withPending, 0));
    QCOMPARE(v.watching(), std::size_t(0));
}

QTEST_GUILESS_MAIN(tst_EffectVerifier)
#include "tst_effectverifier.moc"
