#include "tests/app/screenshots/ConfirmShots.h"

#include "tests/app/screenshots/ShotStudio.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SyntheticTelemetry.h"

#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"

#include <QPlainTextEdit>
#include <QSettings>

#include <map>
#include <string>
#include <utility>

namespace sitroom::shots {

using testing::ConsoleScreen;

namespace {

const testing::SyntheticSystem kSystem;
const qint64 kAtMs = kSystem.openMs + 15 * 60 * 1000;   // 20:15 KST

// The names operators know the providers by, and the booking system's load.
void dress(v1::Configuration &config, v1::SystemState &state)
{
    const std::map<std::string, std::pair<const char *, const char *>> names{
        {"kakao", {"카카오", "Kakao"}}, {"naver", {"네이버", "Naver"}}, {"pass", {"PASS", "PASS"}},
        {"mobile", {"휴대폰", "Mobile phone"}}, {"certificate", {"공동인증서", "Joint certificate"}}};
    for (v1::ProviderConfig &p : *config.mutable_providers()) {
        const auto it = names.find(p.id());
        if (it != names.end()) {
            p.mutable_name()->set_ko(it->second.first);
            p.mutable_name()->set_en(it->second.second);
        }
    }
    config.mutable_scenario_name()->set_ko("18~49세 사전예약 첫날");
    config.mutable_scenario_name()->set_en("Opening day, ages 18 to 49");
    state.mutable_backend()->set_capacity_per_s(900);
    state.mutable_backend()->set_requests_per_s(560);
    state.mutable_backend()->set_utilization(560.0 / 900.0);
    state.mutable_backend()->set_p95_latency_ms(480);
}

// lee, a supervisor of Seoul (in command), on Seoul's gateway at 20:15.
void feed(ConsoleScreen &c)
{
    models::TelemetryBatch b;
    models::LinkEvent live;
    live.state = models::LinkState::Live;
    live.server = QStringLiteral("seoul-gw:7600");
    b.link.push_back(live);
    b.snapshot = kSystem.snapshot(kAtMs, 600);
    dress(*b.snapshot->mutable_configuration(), *b.snapshot->mutable_state());
    b.snapshot->mutable_configuration()->set_source("sim:opening-18-49");
    b.snapshot->mutable_configuration()->set_speed(1.0);
    b.snapshot->mutable_control()->set_command_site(v1::SITE_SEOUL);
    v1::Welcome welcome;
    welcome.set_user("lee");
    welcome.set_role(v1::ROLE_SUPERVISOR);
    welcome.set_site(v1::SITE_SEOUL);
    welcome.set_server_site(v1::SITE_SEOUL);
    welcome.set_service_level(255);
    b.welcome = welcome;
    b.hasState = true;
    b.state = b.snapshot->state();
    b.messages = 1;
    b.lastMessageMonotonicMs = c.now;
    b.lastServerTimeMs = kAtMs;
    b.roundTripMs = 4;
    c.arrive(b);
}

// The next tick, at the gateway's level: 100, its state store out of reach.
void tickAt(ConsoleScreen &c, quint32 level)
{
    models::TelemetryBatch b;
    b.hasState = true;
    b.state = kSystem.state(kAtMs + 1000);
    v1::Configuration unused;
    dress(unused, b.state);
    b.messages = 1;
    b.lastMessageMonotonicMs = c.now;
    b.lastServerTimeMs = kAtMs + 1000;
    b.serviceLevel = models::ServiceLevelNews{level, true};
    c.arrive(b);
}

bool shoot(ConsoleScreen &c, const QString &reason, const QString &dir, const QString &name, QString *error)
{
    widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
    if (!dialog) {
        *error = QStringLiteral("no confirmation for %1").arg(name);
        return false;
    }
    dialog->reasonEdit()->setPlainText(reason);
    dialog->adjustSize();
    if (!drawn(*dialog, error) || !drawn(c.window, error))
        return false;
    const bool saved = save(withDialog(c.window, *dialog), dir, name, error);
    dialog->reject();
    return saved;
}

} // namespace

bool takeConfirmShots(const QString &dir, QString *error)
{
    for (const QSize screen : {QSize(1920, 1080), QSize(1366, 768)}) {
        QSettings().clear();
        // The title bar drawn above the grab takes 32 of the screen's height.
        // The laptop layout at 1366x768, as the console picks it there.
        const console::Layout layout = screen.width() < 1600 ? console::Layout::Compact : console::Layout::Desktop;
        const ConsoleLook look(QStringLiteral("ko"), layout);
        if (!look.isValid()) {
            *error = look.errorString();
            return false;
        }
        ConsoleScreen c({.user = QStringLiteral("lee"), .language = QStringLiteral("ko"), .layout = layout,
                         .size = screen - QSize(0, 32)});
        feed(c);
        const QString size = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
        if (screen.width() == 1920) {
            c.window.controlDesk()->proposeProviderEnabled(QStringLiteral("kakao"), false);
            if (!shoot(c, QStringLiteral("카카오 인증 오류율 42 %, 런북 4단계"), dir,
                       QStringLiteral("control-confirm-ko-1920x1080.png"), error))
                return false;
        }
        tickAt(c, 100);
        c.window.controlDesk()->proposeRate(600);
        if (!shoot(c, QStringLiteral("대기열 증가: 입장 속도를 낮춤"), dir,
                   QStringLiteral("control-confirm-refused-ko-%1.png").arg(size), error))
            return false;
    }
    return true;
}

} // namespace sitroom::shots
