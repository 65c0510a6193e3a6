// The alerts dock in a flood, with the grouped view and the runbook pane:
// hand-made telemetry (twenty minutes after the 20:00 opening, kakao's
// verification collapsing), so each language and size shows the same alerts.
// docs/screenshots/alerts-flood-{ko,en}-{1920x1080,1366x768}.png (the wall
// shows no alerts dock: its own design is the console's screenshots').
#include "tests/app/screenshots/AlertFloodShots.h"

#include "tests/app/screenshots/ShotStudio.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/widgets/AlertFixtures.h"

#include "widgets/panels/AlertsPanel.h"

#include <QSettings>

namespace sitroom::shots {

using namespace sitroom::testing;

namespace {

// Twenty minutes after the 20:00 opening, kakao's verification collapsing:
// fourteen alerts in ten minutes, grouped by the engine, kakao's first out.
models::TelemetryBatch floodBatch(qint64 arrivedMs)
{
    struct Spec { const char *id, *source, *group, *ko, *en; v1::Severity severity; v1::AlertState state; int minute; const char *runbook; };
    const Spec specs[] = {
        {"k1", "provider/kakao", "provider/kakao", "카카오 인증 오류율 42 % (기준 20 %)", "Kakao verification error rate 42 % (threshold 20 %)", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, 0, "provider-failing"},
        {"k2", "provider/kakao", "provider/kakao", "카카오 인증 p95 지연 14.2초 (기준 8초)", "Kakao verification p95 14.2 s (threshold 8 s)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 1, "provider-failing"},
        {"k3", "provider/kakao", "provider/kakao", "카카오 3분 넘게 혼잡", "Kakao congested for over 3 minutes", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_ACKED, 3, "provider-failing"},
        {"v1", "bookings", "provider/kakao", "예약 1건당 인증 시도 7.8회 (평소 2.5회)", "Verification attempts per booking 7.8x (usually 2.5x)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 4, "verification-collapse"},
        {"n1", "provider/naver", "provider/naver", "네이버 인증 p95 지연 6.1초 (기준 5초)", "Naver verification p95 6.1 s (threshold 5 s)", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 5, "provider-failing"},
        {"n2", "provider/naver", "provider/naver", "네이버 인증 오류율 9 % (기준 8 %)", "Naver verification error rate 9 % (threshold 8 %)", v1::SEVERITY_MINOR, v1::ALERT_RTN_UNACKED, 6, "provider-failing"},
        {"p1", "provider/pass", "provider/pass", "PASS 인증 p95 지연 5.4초 (기준 5초)", "PASS verification p95 5.4 s (threshold 5 s)", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 6, "provider-failing"},
        {"q1", "queue", "queue", "대기열 예상 대기 38분 (기준 30분)", "Estimated wait in the queue 38 min (threshold 30 min)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 7, "queue-wait"},
        {"q2", "queue", "queue", "대기열 120만 명 초과", "Queue above 1.2 million people", v1::SEVERITY_MINOR, v1::ALERT_SHELVED, 7, "queue-wait"},
        {"b1", "backend", "backend", "예약 시스템 사용률 97 % (기준 90 %)", "Booking backend at 97 % of capacity (threshold 90 %)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 8, "backend-saturation"},
        {"b2", "backend", "backend", "예약 실패 초당 35건", "Booking failures 35 per second", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 8, "backend-saturation"},
        {"e1", "bookings", "bookings", "예약 속도가 예상 곡선의 62 %", "Bookings at 62 % of the expected surge envelope", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 9, "bookings-below-envelope"},
        {"m1", "provider/mobile", "provider/mobile", "휴대폰 인증 p95 지연 5.2초 (기준 5초)", "Mobile verification p95 5.2 s (threshold 5 s)", v1::SEVERITY_INFO, v1::ALERT_ACTIVE_UNACKED, 9, "provider-failing"},
        {"c1", "provider/certificate", "provider/certificate", "공동인증서 요청 급증 (평소의 3배)", "Certificate requests 3x the usual", v1::SEVERITY_INFO, v1::ALERT_ACTIVE_ACKED, 9, "provider-failing"},
    };
    std::vector<v1::Alert> alerts;
    for (const Spec &s : specs) {
        v1::Alert a = makeAlert(s.id, s.severity, s.state, kSimStartMs + 20 * kMinuteMs + s.minute * kMinuteMs + 17'000,
                                s.source, s.runbook);
        a.mutable_message()->set_ko(s.ko);
        a.mutable_message()->set_en(s.en);
        a.set_flood_group(s.group);
        a.set_first_out(std::string(s.id) == "k1");
        if (s.state == v1::ALERT_ACTIVE_ACKED) {
            a.mutable_acknowledged_by()->set_user("park");
            a.mutable_acknowledged_by()->set_site(v1::SITE_OSONG);
            a.mutable_acknowledged_by()->set_time_ms(a.raised_ms() + 40'000);
            a.set_comment("카카오 측 통화 중");
        }
        if (s.state == v1::ALERT_SHELVED) {
            a.set_shelved_until_ms(a.raised_ms() + 3600'000);
            a.mutable_shelved_by()->set_user("lee");
            a.mutable_shelved_by()->set_reason("q1이 같은 상황을 본다");
        }
        alerts.push_back(std::move(a));
    }
    const std::vector<std::string> providers{"kakao", "naver", "pass", "mobile", "certificate"};
    models::TelemetryBatch b = liveBatch(v1::ROLE_SUPERVISOR, std::move(alerts), arrivedMs, providers);
    const char *ko[] = {"카카오", "네이버", "PASS", "휴대폰", "공동인증서"};
    const char *en[] = {"Kakao", "Naver", "PASS", "Mobile", "Certificate"};
    const v1::Light lights[] = {v1::LIGHT_RED, v1::LIGHT_YELLOW, v1::LIGHT_YELLOW, v1::LIGHT_GREEN, v1::LIGHT_GREEN};
    for (int i = 0; i < 5; ++i) {
        b.snapshot->mutable_configuration()->mutable_providers(i)->mutable_name()->set_ko(ko[i]);
        b.snapshot->mutable_configuration()->mutable_providers(i)->mutable_name()->set_en(en[i]);
        b.snapshot->mutable_state()->mutable_providers(i)->set_light(lights[i]);
        b.state.mutable_providers(i)->set_light(lights[i]);
    }
    b.snapshot->mutable_configuration()->mutable_scenario_name()->set_ko("2021년 7월 18–49세 예약 개시");
    b.snapshot->mutable_configuration()->mutable_scenario_name()->set_en("July 2021: the 18–49 opening");
    b.snapshot->mutable_state()->set_alerts_last_10min(14);
    b.snapshot->mutable_state()->set_alert_flood(true);
    b.state.set_alerts_last_10min(14);
    b.state.set_alert_flood(true);
    return b;
}

} // namespace

bool takeAlertFloodShots(const QString &dir, QString *error)
{
    using console::Layout;
    struct Shot
    {
        QString language;
        QSize size;
        Layout layout;
    };
    const Shot shots[] = {
        {QStringLiteral("ko"), {1920, 1080}, Layout::Desktop}, {QStringLiteral("en"), {1920, 1080}, Layout::Desktop},
        {QStringLiteral("ko"), {1366, 768}, Layout::Compact},  {QStringLiteral("en"), {1366, 768}, Layout::Compact},
    };
    for (const Shot &shot : shots) {
        const ConsoleLook look(shot.language, shot.layout);
        if (!look.isValid()) {
            *error = look.errorString();
            return false;
        }
        QSettings().clear();   // the layout's own docks, not a saved arrangement
        ConsoleScreen c({.user = QStringLiteral("kim"), .language = shot.language, .layout = shot.layout, .size = shot.size});
        // A supervisor's console with one alert standing, then the flood's snapshot.
        c.arrive(liveBatch(v1::ROLE_SUPERVISOR, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 30'000)}, c.now));
        c.arrive(floodBatch(c.now));
        if (!drawn(c.window, error))
            return false;
        c.window.alertsPanel()->selectAlert(QStringLiteral("k1"));
        if (shot.layout != Layout::Desktop)
            c.window.resetLayout();
        c.window.alertsPanel()->parentWidget()->raise();
        if (!drawn(c.window, error))
            return false;
        const QString name = QStringLiteral("alerts-flood-%1-%2x%3.png").arg(shot.language).arg(shot.size.width()).arg(shot.size.height());
        if (!save(c.window.grab().toImage(), dir, name, error))
            return false;
    }
    return true;
}

} // namespace sitroom::shots
