// The console's data path against the real simulator over TLS on loopback:
// the models match what the server sends, a killed and restarted simulator is
// followed by a resync, and silence raises the stale banner within 3 s.
#include "app/console/MainWindow.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"

#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "widgets/status/StaleBanner.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <csignal>

using namespace sitroom;
using Body = sitroom::v1::Envelope::BodyCase;

namespace {

using testing::ConsoleData;
using testing::ConsoleScreen;
using testing::GatewayAddress;
using testing::signInAs;

} // namespace

class TestConsoleIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_tls = m_dir.filePath(QStringLiteral("tls-%1").arg(++m_counter));
    }

    void modelsMatchTheServerAfterSnapshotAndTicks()
    {
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
                            QStringLiteral("--speed"), QStringLiteral("120"), QStringLiteral("--tick-hz"), QStringLiteral("4")},
                           &error),
                 qPrintable(error));
        // A protocol-level witness of what the server sends.
        testing::TestTlsClient witness;
        QVERIFY2(witness.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        witness.sendHello();

        ConsoleData console(signInAs({sim.port(), m_tls}, QStringLiteral("integration")));
        QTRY_VERIFY_WITH_TIMEOUT(console.store.hasSnapshot(), 10000);
        QCOMPARE(console.store.configuration().scenario_id(), std::string("opening-18-49"));
        QCOMPARE(console.providers.rowCount(), 5);
        QCOMPARE(console.cohorts.rowCount(), 10);
        QTRY_VERIFY_WITH_TIMEOUT(!console.store.history().isEmpty(), 5000);

        // Let a few ticks through, then compare the models with the witness's
        // tick of the same simulated second.
        const qint64 firstTime = console.store.state().sim_time_ms();
        QTRY_VERIFY_WITH_TIMEOUT(console.store.state().sim_time_ms() > firstTime + 60'000, 10000);
        const v1::SystemState seen = console.store.state();
        v1::SystemState sent;
        QVERIFY(witness.waitFor([&] {
            for (const v1::Envelope &e : witness.received()) {
                if (e.body_case() == Body::kTick && e.tick().state().sim_time_ms() == seen.sim_time_ms()) {
                    sent = e.tick().state();
                    return true;
                }
            }
            return false;
        }, 5000));
        QCOMPARE(sent.SerializeAsString(), seen.SerializeAsString());
        for (int row = 0; row < console.providers.rowCount(); ++row) {
            const QString id = console.providers.index(row, 0).data(models::ProviderModel::IdRole).toString();
            const auto it = std::find_if(sent.providers().begin(), sent.providers().end(),
                                         [&id](const v1::ProviderState &p) { return QString::fromStdString(p.id()) == id; });
            QVERIFY(it != sent.providers().end());
            QCOMPARE(console.providers.index(row, models::ProviderModel::P95Latency).data(models::ProviderModel::RawValueRole).toDouble(),
                     it->p95_latency_ms());
            QCOMPARE(console.providers.index(row, 0).data(models::ProviderModel::LightRole).toInt(), int(it->light()));
            QCOMPARE(console.providers.index(row, models::ProviderModel::RequestsPerSecond).data(models::ProviderModel::RawValueRole).toDouble(),
                     it->requests_per_s());
        }
        // The history ends where the state is: every second arrived.
        QVERIFY(std::abs(console.store.history().lastTimeMs() - seen.sim_time_ms()) <= 1000);
        console.client.stop();
        QCOMPARE(sim.stop(), 0);
    }

    void restartedSimulatorIsFollowedByAResync()
    {
        testing::SimulatorProcess first;
        QString error;
        QVERIFY2(first.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
                              QStringLiteral("--speed"), QStringLiteral("600")},
                             &error),
                 qPrintable(error));
        const quint16 port = first.port();
        ConsoleData console(signInAs({port, m_tls}, QStringLiteral("integration")));
        QTRY_VERIFY_WITH_TIMEOUT(console.store.hasSnapshot() && !console.store.isStale(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(console.store.state().sim_time_ms() - console.store.sessionOriginMs() > 600'000, 10000);
        const qint64 before = console.store.state().sim_time_ms();

        first.kill(); // SIGKILL: no goodbye
        QTRY_VERIFY_WITH_TIMEOUT(console.store.isStale(), 5000);
        QVERIFY(console.store.link().state != models::LinkState::Live);

        testing::SimulatorProcess second;
        QVERIFY2(second.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--tls-dir"), m_tls,
                               QStringLiteral("--speed"), QStringLiteral("60")},
                              &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(console.store.link().state == models::LinkState::Live && !console.store.isStale(), 20000);
        // A new run: its clock started again, so the console's picture did too.
        QVERIFY(console.store.state().sim_time_ms() < before);
        QVERIFY(console.store.history().lastTimeMs() <= console.store.state().sim_time_ms() + 1000);
        QCOMPARE(console.store.sessionOriginMs() <= console.store.state().sim_time_ms(), true);
        console.client.stop();
        QCOMPARE(second.stop(), 0);
    }

    void silenceRaisesTheStaleBannerWithinThreeSeconds()
    {
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
                            QStringLiteral("--speed"), QStringLiteral("30")},
                           &error),
                 qPrintable(error));
        ConsoleScreen console({.user = QStringLiteral("integration"), .size = {1366, 768}}, GatewayAddress{sim.port(), m_tls});
        const console::MainWindow &window = console.window;
        QTRY_VERIFY_WITH_TIMEOUT(console.store.hasSnapshot() && !window.staleBanner()->isVisible(), 10000);

        const auto pid = sim.process().processId();
        ::kill(pid_t(pid), SIGSTOP); // the live system goes silent, the connection stays up
        QElapsedTimer silence;
        silence.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.staleBanner()->isVisible(), 4000);
        const qint64 took = silence.elapsed();
        ::kill(pid_t(pid), SIGCONT);
        QVERIFY2(took >= 2000 && took <= 3600, qPrintable(QStringLiteral("stale after %1 ms").arg(took)));
        QVERIFY(window.staleBanner()->text().contains(QStringLiteral("Data is stale")));
        // Data flows again: the banner goes.
        QTRY_VERIFY_WITH_TIMEOUT(!window.staleBanner()->isVisible(), 5000);
        console.client.stop();
        QCOMPARE(sim.stop(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_tls;
    int m_counter = 0;
};

QTEST_MAIN(TestConsoleIntegration)
#include "tst_consoleintegration.moc"
