#include "tests/app/screenshots/ApprovalShots.h"

#include "tests/app/screenshots/ShotStudio.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace sitroom::shots {

using testing::ConsoleScreen;

namespace {

constexpr int kWaitMs = 30000;

bool startSimulator(testing::SimulatorProcess &sim, const QTemporaryDir &dir, QString *error)
{
    const QString users = dir.filePath(QStringLiteral("users.json"));
    if (!testing::writeUsersFile(users, testing::standardTestUsers())) {
        *error = QStringLiteral("cannot write ") + users;
        return false;
    }
    // The 20:00 rush, 32 minutes in, at twice the live pace; approvals time out after 100 s.
    return sim.start({QStringLiteral("--tls-dir"), dir.filePath(QStringLiteral("tls")), QStringLiteral("--users"), users,
                      QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")), QStringLiteral("--approval-timeout"),
                      QStringLiteral("100s"), QStringLiteral("--fast-forward"), QStringLiteral("32m"), QStringLiteral("--speed"),
                      QStringLiteral("2"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                     error);
}

bool waitFor(const std::function<bool()> &condition, const QString &what, QString *error)
{
    if (QTest::qWaitFor(condition, kWaitMs))
        return true;
    *error = QStringLiteral("%1: not within %2 s").arg(what).arg(kWaitMs / 1000);
    return false;
}

} // namespace

bool takeApprovalShots(const QString &dir, QString *error)
{
    const ConsoleLook look(QStringLiteral("ko"), console::Layout::Desktop);
    if (!look.isValid()) {
        *error = look.errorString();
        return false;
    }
    QSettings().clear();
    QTemporaryDir work;
    testing::SimulatorProcess sim;
    if (!work.isValid() || !startSimulator(sim, work, error))
        return false;
    const testing::GatewayAddress gateway{sim.port(), work.filePath(QStringLiteral("tls"))};
    ConsoleScreen park({.user = QStringLiteral("park"), .language = QStringLiteral("ko")}, gateway);
    // The title bar drawn above the grab takes 32 of the screen's 1080.
    ConsoleScreen choi({.user = QStringLiteral("choi"), .language = QStringLiteral("ko"), .size = {1920, 1080 - 32}}, gateway);
    if (!waitFor([&] { return park.isLive() && choi.isLive() && choi.store.state().providers_size() > 0; },
                 QStringLiteral("signed in"), error))
        return false;

    // park asks, in his console, to disable kakao; choi is asked to approve.
    park.window.controlDesk()->proposeProviderEnabled(QStringLiteral("kakao"), false);
    widgets::ControlConfirmDialog *ask = park.window.controlDesk()->activeDialog();
    if (!ask) {
        *error = QStringLiteral("park's console opened no confirmation");
        return false;
    }
    ask->reasonEdit()->setPlainText(QStringLiteral("카카오 인증 오류율 상승, 런북 4단계"));
    ask->okButton()->click();
    if (!waitFor([&] { return choi.window.approvalNotifier()->waiting() == 1; }, QStringLiteral("choi told of the request"), error))
        return false;
    // A while later, so today's figures have moved on from those of the request.
    const qint64 askedAt = choi.store.state().sim_time_ms();
    if (!waitFor([&] { return choi.store.state().sim_time_ms() >= askedAt + 20'000; }, QStringLiteral("20 s on the live clock"), error)
        || !drawn(choi.window, error)
        || !save(withTitleBar(choi.window), dir, QStringLiteral("approval-pending-ko-1920x1080.png"), error))
        return false;

    const std::string id = choi.store.control().pending(0).request_id();
    auto *approve = choi.window.pendingPanel()->findChild<QPushButton *>(QStringLiteral("approve-") + QString::fromStdString(id));
    if (!approve) {
        *error = QStringLiteral("choi's console offers no Approve button");
        return false;
    }
    approve->click();
    widgets::ControlConfirmDialog *dialog = choi.window.controlDesk()->activeDialog();
    if (!dialog) {
        *error = QStringLiteral("choi's console opened no approval dialog");
        return false;
    }
    dialog->reasonEdit()->setPlainText(QStringLiteral("박 감독자와 통화로 확인"));
    // Its countdown and today's effect as a tick of the live system leaves them.
    const qint64 openedAt = choi.store.state().sim_time_ms();
    if (!waitFor([&] { return choi.store.state().sim_time_ms() > openedAt; }, QStringLiteral("a tick with the dialog open"), error))
        return false;
    dialog->adjustSize();
    if (!drawn(*dialog, error) || !drawn(choi.window, error))
        return false;
    const bool saved = save(withDialog(choi.window, *dialog), dir, QStringLiteral("approval-dialog-ko-1920x1080.png"), error);
    dialog->reject();
    return saved;
}

} // namespace sitroom::shots
