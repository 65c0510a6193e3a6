// Runbook steps: parsing sitroom: links, placeholders, and the precondition
// check against the live picture (accepting while it holds, refusing with the
// current value once it no longer does).
#include "tests/models/SituationFixtures.h"

#include "models/alerts/RunbookStep.h"

#include <QtTest>

using namespace sitroom;
using namespace sitroom::models;
using namespace sitroom::testing;

class tst_RunbookStep : public QObject
{
    Q_OBJECT

private slots:
    void parsesActions_data();
    void parsesActions();
    void refusesMalformed_data();
    void refusesMalformed();
    void durations_data();
    void durations();
    void summaryNamesTheStep();
    void placeholders();
    void runbookIds();
    void preconditionsOnLiveData();
    void alertProviderFromSourceOrSubject();
    void worstProviderNow();
};

void tst_RunbookStep::parsesActions_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<quint32>("forS");
    QTest::addColumn<double>("target");    // throttle target from a 1000/s limit, else -1
    QTest::addColumn<int>("preconditions");
    QTest::newRow("disable for 30m")
        << "sitroom:disable-provider?step=3&provider=kakao&for=30m&require=provider-red,provider-enabled"
        << int(RunbookAction::DisableProvider) << 3 << "kakao" << 1800u << -1.0 << 2;
    QTest::newRow("disable until enabled") << "sitroom:disable-provider?provider=pass"
                                           << int(RunbookAction::DisableProvider) << 0 << "pass" << 0u << -1.0 << 0;
    QTest::newRow("enable") << "sitroom:enable-provider?step=5&provider=naver&require=provider-disabled"
                            << int(RunbookAction::EnableProvider) << 5 << "naver" << 0u << -1.0 << 1;
    QTest::newRow("throttle percent") << "sitroom:throttle?step=2&percent=60&require=queue-wait-above:1800"
                                      << int(RunbookAction::Throttle) << 2 << "" << 0u << 600.0 << 1;
    QTest::newRow("throttle rate") << "sitroom:throttle?rate=450&require=backend-utilization-above:0.9"
                                   << int(RunbookAction::Throttle) << 0 << "" << 0u << 450.0 << 1;
    QTest::newRow("pause") << "sitroom:pause-admission?step=4&require=admission-running"
                           << int(RunbookAction::PauseAdmission) << 4 << "" << 0u << -1.0 << 1;
    QTest::newRow("resume") << "sitroom:resume-admission?step=6&require=admission-paused"
                            << int(RunbookAction::ResumeAdmission) << 6 << "" << 0u << -1.0 << 1;
}

void tst_RunbookStep::parsesActions()
{
    QFETCH(QString, link);
    QFETCH(int, action);
    QFETCH(int, step);
    QFETCH(QString, provider);
    QFETCH(quint32, forS);
    QFETCH(double, target);
    QFETCH(int, preconditions);
    const RunbookParse parsed = parseRunbookLink(QUrl(link));
    QVERIFY2(parsed.step, qPrintable(parsed.error));
    QCOMPARE(int(parsed.step->action), action);
    QCOMPARE(parsed.step->step, step);
    QCOMPARE(parsed.step->provider, provider);
    QCOMPARE(parsed.step->disableForS, forS);
    if (target >= 0)
        QCOMPARE(parsed.step->targetRatePerS(1000), target);
    QCOMPARE(parsed.step->require.size(), preconditions);
}

void tst_RunbookStep::refusesMalformed_data()
{
    QTest::addColumn<QString>("link");
    QTest::newRow("http") << "https://example.org/";
    QTest::newRow("unknown action") << "sitroom:reboot?step=1";
    QTest::newRow("no provider") << "sitroom:disable-provider?step=1";
    QTest::newRow("placeholder left") << "sitroom:disable-provider?provider={provider}";
    QTest::newRow("bad duration") << "sitroom:disable-provider?provider=kakao&for=soon";
    QTest::newRow("throttle without figure") << "sitroom:throttle?step=2";
    QTest::newRow("percent above 100") << "sitroom:throttle?percent=150";
    QTest::newRow("unknown precondition") << "sitroom:pause-admission?require=moon-full";
    QTest::newRow("unknown parameter") << "sitroom:pause-admission?colour=red";
    QTest::newRow("step zero") << "sitroom:pause-admission?step=0";
}

void tst_RunbookStep::refusesMalformed()
{
    QFETCH(QString, link);
    const RunbookParse parsed = parseRunbookLink(QUrl(link));
    QVERIFY(!parsed.step);
    QVERIFY(!parsed.error.isEmpty());
}

void tst_RunbookStep::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("seconds");   // -1: refused
    QTest::newRow("minutes") << "30m" << 1800;
    QTest::newRow("hours") << "2h" << 7200;
    QTest::newRow("mixed") << "1h30m" << 5400;
    QTest::newRow("seconds") << "90s" << 90;
    QTest::newRow("plain") << "45" << 45;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("words") << "half an hour" << -1;
}

void tst_RunbookStep::durations()
{
    QFETCH(QString, text);
    QFETCH(int, seconds);
    const auto d = parseDuration(text);
    QCOMPARE(d.has_value(), seconds >= 0);
    if (d)
        QCOMPARE(int(*d), seconds);
}

void tst_RunbookStep::summaryNamesTheStep()
{
    const auto disable = parseRunbookLink(QUrl(QStringLiteral("sitroom:disable-provider?step=3&provider=kakao&for=30m")));
    QCOMPARE(disable.step->summary(QStringLiteral("provider-failing")), QStringLiteral("provider-failing#3: disable kakao for 30m"));
    const auto throttle = parseRunbookLink(QUrl(QStringLiteral("sitroom:throttle?step=2&percent=60")));
    QCOMPARE(throttle.step->summary(QStringLiteral("queue-wait")), QStringLiteral("queue-wait#2: throttle to 60%"));
    const auto pause = parseRunbookLink(QUrl(QStringLiteral("sitroom:pause-admission")));
    QCOMPARE(pause.step->summary(QStringLiteral("backend-saturation")), QStringLiteral("backend-saturation: pause admission"));
}

void tst_RunbookStep::placeholders()
{
    const QString md = QStringLiteral("# {provider_name} 장애\n[중단](sitroom:disable-provider?provider={provider}&step=1)");
    const QString filled = fillRunbookPlaceholders(md, QStringLiteral("kakao"), QStringLiteral("카카오"));
    QCOMPARE(filled, QStringLiteral("# 카카오 장애\n[중단](sitroom:disable-provider?provider=kakao&step=1)"));
    // Without a provider the placeholders stay, and such a link is refused when clicked.
    QCOMPARE(fillRunbookPlaceholders(md, QString(), QString()), md);
    QCOMPARE(fillRunbookPlaceholders(QStringLiteral("{provider_name}"), QStringLiteral("pass"), QString()), QStringLiteral("pass"));
}

void tst_RunbookStep::runbookIds()
{
    QCOMPARE(runbookId(QStringLiteral("provider-failing")), QStringLiteral("provider-failing"));
    QCOMPARE(runbookId(QStringLiteral("runbooks/provider-failing.md")), QStringLiteral("provider-failing"));
    QCOMPARE(runbookId(QStringLiteral("resources/runbooks/queue-wait.ko.md")), QStringLiteral("queue-wait"));
    QCOMPARE(runbookResource(QStringLiteral("no-such-runbook"), QStringLiteral("ko")), QString());
}

void tst_RunbookStep::preconditionsOnLiveData()
{
    v1::SystemState state = makeState(kSimStartMs, {"kakao", "naver"});
    state.mutable_providers(0)->set_light(v1::LIGHT_RED);
    state.mutable_providers(0)->set_enabled(true);
    state.mutable_providers(1)->set_light(v1::LIGHT_GREEN);
    state.mutable_admission()->set_estimated_wait_s(2400);
    state.mutable_backend()->set_utilization(0.95);

    const auto disable = parseRunbookLink(QUrl(QStringLiteral(
        "sitroom:disable-provider?step=3&provider=kakao&for=30m&require=provider-red,provider-enabled")));
    QVERIFY(!failedPrecondition(*disable.step, state));

    // The provider recovered: the step no longer holds, and the check says why.
    state.mutable_providers(0)->set_light(v1::LIGHT_YELLOW);
    auto failure = failedPrecondition(*disable.step, state);
    QVERIFY(failure);
    QCOMPARE(failure->precondition.kind, PreconditionKind::ProviderRed);
    QCOMPARE(failure->precondition.text, QStringLiteral("provider-red"));
    QCOMPARE(failure->light, v1::LIGHT_YELLOW);
    QCOMPARE(failure->provider, QStringLiteral("kakao"));

    // Red again but already disabled by someone else.
    state.mutable_providers(0)->set_light(v1::LIGHT_RED);
    state.mutable_providers(0)->set_enabled(false);
    failure = failedPrecondition(*disable.step, state);
    QVERIFY(failure);
    QCOMPARE(failure->precondition.kind, PreconditionKind::ProviderEnabled);
    QVERIFY(!failure->enabled);

    // A provider the live system does not know.
    const auto unknown = parseRunbookLink(QUrl(QStringLiteral("sitroom:disable-provider?provider=toss&require=provider-red")));
    failure = failedPrecondition(*unknown.step, state);
    QVERIFY(failure);
    QVERIFY(!failure->providerKnown);

    const auto throttle = parseRunbookLink(QUrl(QStringLiteral("sitroom:throttle?percent=60&require=queue-wait-above:30m,admission-running")));
    QVERIFY(!failedPrecondition(*throttle.step, state));
    state.mutable_admission()->set_estimated_wait_s(900);
    failure = failedPrecondition(*throttle.step, state);
    QVERIFY(failure);
    QCOMPARE(failure->precondition.kind, PreconditionKind::QueueWaitAbove);
    QCOMPARE(failure->precondition.threshold, 1800.0);
    QCOMPARE(failure->value, 900.0);

    const auto backend = parseRunbookLink(QUrl(QStringLiteral("sitroom:throttle?rate=400&require=backend-utilization-above:90%")));
    QVERIFY(!failedPrecondition(*backend.step, state));
    state.mutable_backend()->set_utilization(0.7);
    failure = failedPrecondition(*backend.step, state);
    QVERIFY(failure);
    QCOMPARE(failure->value, 0.7);

    // Provider conditions without provider= are about the alert's provider.
    const auto pause = parseRunbookLink(QUrl(QStringLiteral("sitroom:pause-admission?step=4&require=provider-red,admission-running")));
    QVERIFY(pause.step);
    QVERIFY(!failedPrecondition(*pause.step, state, QStringLiteral("kakao")));
    failure = failedPrecondition(*pause.step, state, QStringLiteral("naver"));
    QVERIFY(failure);
    QCOMPARE(failure->provider, QStringLiteral("naver"));
    QCOMPARE(failure->light, v1::LIGHT_GREEN);
    failure = failedPrecondition(*pause.step, state);
    QVERIFY(failure);
    QVERIFY(!failure->providerKnown);

    const auto resume = parseRunbookLink(QUrl(QStringLiteral("sitroom:resume-admission?require=admission-paused")));
    failure = failedPrecondition(*resume.step, state);
    QVERIFY(failure);
    QVERIFY(!failure->paused);
    state.mutable_admission()->set_paused(true);
    QVERIFY(!failedPrecondition(*resume.step, state));
}

void tst_RunbookStep::alertProviderFromSourceOrSubject()
{
    const v1::Configuration config = makeConfiguration({"kakao", "naver"});
    v1::Alert a;
    a.set_source("provider/naver");
    QCOMPARE(alertProvider(a, config), QStringLiteral("naver"));
    a.set_source("queue");
    a.set_subject("kakao");
    QCOMPARE(alertProvider(a, config), QStringLiteral("kakao"));
    a.set_subject("");
    QCOMPARE(alertProvider(a, config), QString());
}

void tst_RunbookStep::worstProviderNow()
{
    v1::SystemState state = makeState(kSimStartMs, {"kakao", "naver", "pass"});
    for (auto &p : *state.mutable_providers()) {
        p.set_light(v1::LIGHT_GREEN);
        p.set_enabled(true);
        p.set_error_rate(0.01);
    }
    QCOMPARE(worstProvider(state), QString());
    state.mutable_providers(1)->set_light(v1::LIGHT_YELLOW);
    QCOMPARE(worstProvider(state), QStringLiteral("naver"));
    state.mutable_providers(2)->set_light(v1::LIGHT_RED);
    state.mutable_providers(0)->set_light(v1::LIGHT_RED);
    state.mutable_providers(0)->set_error_rate(0.4);
    QCOMPARE(worstProvider(state), QStringLiteral("kakao"));
    state.mutable_providers(0)->set_enabled(false);   // already out: not the one to act on
    QCOMPARE(worstProvider(state), QStringLiteral("pass"));
}

QTEST_GUILESS_MAIN(tst_RunbookStep)
#include "tst_runbookstep.moc"
