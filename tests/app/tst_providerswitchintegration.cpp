// A disabled provider's tile against the real simulator, in Korean: park
// (supervisor, Seoul) disables Kakao for ten minutes with a reason, choi
// approves, and the board of a third console shows who, why, until when on
// the live system's clock; when the timed disable ends the tile shows the
// ramp back and then nothing.
#include "tests/support/ConsoleData.h"
#include "tests/support/ConsoleLook.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/board/ProviderBoard.h"
#include "widgets/board/ProviderTile.h"
#include "models/control/ControlRequest.h"
#include "domain/LiveClock.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;

namespace {

constexpr int kWaitMs = 15000;

using testing::ConsoleData;
using testing::GatewayAddress;
using testing::signInAs;

} // namespace

class TestProviderSwitchIntegration final : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleCatalogue m_korean{QStringLiteral("ko")};

private slots:
    void initTestCase()
    {
        QVERIFY2(m_korean.isValid(), qPrintable(m_korean.errorString()));
    }

    void disabledTileSaysWhoWhyUntilThenRampsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const QString users = dir.filePath(QStringLiteral("users.json"));
        QVERIFY(testing::writeUsersFile(users, testing::standardTestUsers()));
        testing::SimulatorProcess sim;
        QString error;
        // 60x: ten minutes of the live system pass in ten seconds.
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls,
                            QStringLiteral("--users"), users, QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")),
                            QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                           &error),
                 qPrintable(error));

        const GatewayAddress gateway{sim.port(), tls};
        ConsoleData park(signInAs(gateway, QStringLiteral("park")));   // supervisor, Seoul
        ConsoleData choi(signInAs(gateway, QStringLiteral("choi")));   // supervisor, approves
        ConsoleData han(signInAs(gateway, QStringLiteral("han")));     // viewer, Osong: the board we read
        for (ConsoleData *c : {&park, &choi, &han})
            QTRY_VERIFY_WITH_TIMEOUT(c->isLive(), kWaitMs);

        models::ProviderModel &providers = han.providers;
        widgets::ProviderBoard board(&providers, han.store);
        board.show();
        const int row = providers.rowOf(QStringLiteral("kakao"));
        QVERIFY(row >= 0);
        widgets::ProviderTile *tile = board.tile(row);
        QVERIFY(tile->controlText().isEmpty());

        // park asks; disabling is hazardous, so choi approves.
        QSignalSpy parkResults(&park.store, &models::SituationStore::commandResult);
        const v1::Command disable = models::ControlRequest(park.store.control(), QStringLiteral("카카오 인증 오류 급증"))
                                        .setProviderEnabled(QStringLiteral("kakao"), false, 600);
        park.client.sendCommand(disable);
        QTRY_COMPARE_WITH_TIMEOUT(parkResults.size(), 1, kWaitMs);
        const auto asked = parkResults[0][0].value<v1::CommandResult>();
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        QTRY_COMPARE_WITH_TIMEOUT(choi.store.control().pending_size(), 1, kWaitMs);
        QSignalSpy choiResults(&choi.store, &models::SituationStore::commandResult);
        choi.client.sendCommand(models::ControlRequest(choi.store.control(), QStringLiteral("확인함"))
                                    .approve(QString::fromStdString(asked.request_id())));
        QTRY_COMPARE_WITH_TIMEOUT(choiResults.size(), 1, kWaitMs);
        QCOMPARE(choiResults[0][0].value<v1::CommandResult>().status(), v1::COMMAND_APPLIED);

        // On the wire: who, why, approved by whom, when on the live clock, until when.
        QTRY_VERIFY_WITH_TIMEOUT(!tile->controlText().isEmpty(), kWaitMs);
        const v1::ProviderControl *kakao = nullptr;
        for (const auto &p : han.store.control().providers()) {
            if (p.id() == "kakao")
                kakao = &p;
        }
        QVERIFY(kakao);
        QVERIFY(!kakao->enabled());
        QCOMPARE(kakao->switched_by().user(), std::string("park"));
        QCOMPARE(kakao->switched_by().reason(), std::string("카카오 인증 오류 급증"));
        QCOMPARE(kakao->approved_by().user(), std::string("choi"));
        QVERIFY(kakao->switched_at_ms() > 0);
        QCOMPARE(kakao->disabled_until_ms(), kakao->switched_at_ms() + 600'000);
        // On the tile, in Korean, the deadline on the live clock in KST.
        const domain::LiveClock clock(QString::fromStdString(han.store.configuration().timezone()));
        const QString until = clock.labelled(kakao->disabled_until_ms(), QStringLiteral("HH:mm"));
        const QString text = tile->controlText();
        QVERIFY2(text.contains(QStringLiteral("park (서울)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("choi")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("“카카오 인증 오류 급증”")), qPrintable(text));
        QVERIFY2(text.contains(until + QStringLiteral("까지")), qPrintable(text + QStringLiteral(" / ") + until));
        QVERIFY2(until.endsWith(QStringLiteral("KST")), qPrintable(until));
        QTRY_COMPARE_WITH_TIMEOUT(tile->lightWord(), QStringLiteral("중단"), kWaitMs);

        // The disable ends on the live clock; the provider ramps back in over the gateway's 300 s.
        QTRY_VERIFY_WITH_TIMEOUT(tile->controlText().contains(QStringLiteral("복귀 중")), 30000);
        const QString ramp = tile->controlText();
        QVERIFY2(ramp.contains(QStringLiteral("시간 지정 중단이 끝나 다시 켜짐")), qPrintable(ramp));
        QVERIFY(providers.index(row, 0).data(models::ProviderModel::RampProgressRole).toDouble() < 1.0);
        // And when the ramp is done the tile says nothing more.
        QTRY_VERIFY_WITH_TIMEOUT(tile->controlText().isEmpty(), 30000);
    }
};

QTEST_MAIN(TestProviderSwitchIntegration)
#include "tst_providerswitchintegration.moc"
