// Two rooms' gateways as real processes on one PostgreSQL (issue 13; the
// TwoRooms rig): one sitroom-sim as the live system, Debian's Prometheus
// scraping it, and two sitroom-gateway processes (Seoul's and Osong's)
// reading it through that Prometheus, steering it through its one control
// webhook, and keeping their state in one private cluster (--state
// postgresql://…). A command through Seoul's gateway shows on a console of
// Osong's within a second; the same command_id sent to Osong's is answered
// with its first result and the live system moved once.
#include "tests/support/TestTlsClient.h"
#include "tests/support/TwoRooms.h"

#include <QtTest>

#include <QElapsedTimer>

using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kFreshMs = 30000;   // Prometheus's first samples reach every rate() window

// The last Tick's state, or null.
const sitroom::v1::SystemState *lastState(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it)
        if (it->has_tick())
            return &it->tick().state();
    return nullptr;
}

bool fresh(const TestTlsClient &client)
{
    const auto *state = lastState(client);
    return state && state->stale_size() == 0;
}

// The control revision the client was last told (snapshot, event or result).
std::uint64_t revisionSeen(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
        if (it->has_control_event())
            return it->control_event().control().revision();
        if (it->has_command_result())
            return it->command_result().control().revision();
        if (it->has_snapshot())
            return it->snapshot().control().revision();
    }
    return 0;
}

} // namespace

class TestGatewayTwoRooms final : public QObject
{
    Q_OBJECT

private:
    using Room = TwoRooms::Room;
    TwoRooms m_rooms;

    sitroom::v1::CommandResult send(TestTlsClient &client, const Envelope &command)
    {
        const int from = int(client.received().size());
        client.send(command);
        const int at = client.waitForBody(Envelope::kCommandResult, 30000, from);
        return at < 0 ? sitroom::v1::CommandResult() : client.received().at(std::size_t(at)).command_result();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rooms.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_rooms.stop(); }

    void aCommandThroughSeoulShowsOnOsongWithinASecond()
    {
        TestTlsClient kim, watcher;
        QVERIFY(kim.signInAs(m_rooms.port(Room::Seoul), m_rooms.caPath(), QStringLiteral("kim"), QStringLiteral("tst_gatewaytworooms")));
        QVERIFY(watcher.signInAs(m_rooms.port(Room::Osong), m_rooms.caPath(), QStringLiteral("han"), QStringLiteral("tst_gatewaytworooms")));
        // The stale-figure interlock refuses controls until the figures are fresh.
        QVERIFY(kim.waitFor([&] { return fresh(kim); }, kFreshMs));
        QCOMPARE(revisionSeen(watcher), revisionSeen(kim));
        const std::uint64_t revision = revisionSeen(kim);

        Envelope command;
        command.mutable_command()->set_command_id("two-rooms-1");
        command.mutable_command()->set_expected_revision(revision);
        command.mutable_command()->set_reason("drill: one command, two rooms");
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(640);
        QElapsedTimer sent;
        sent.start();
        const sitroom::v1::CommandResult applied = send(kim, command);
        const qint64 answeredMs = sent.elapsed();
        QVERIFY2(applied.status() == sitroom::v1::COMMAND_APPLIED, applied.message().c_str());
        QCOMPARE(applied.control().revision(), revision + 1);
        // Within a second of Seoul's answer (the answer waits for the live system).
        QVERIFY(watcher.waitFor([&] { return revisionSeen(watcher) == revision + 1; }, 1000));
        qInfo("Seoul answered %lld ms after the command was sent; Osong's console had it by %lld ms", answeredMs,
              sent.elapsed());
        // The live system took it, at the revision the gateways agree on.
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));

        // The console moved to Osong's gateway and sent it again: the first answer, the live system moved once.
        TestTlsClient kimAtOsong;
        QVERIFY(kimAtOsong.signInAs(m_rooms.port(Room::Osong), m_rooms.caPath(), QStringLiteral("kim"), QStringLiteral("tst_gatewaytworooms")));
        const sitroom::v1::CommandResult again = send(kimAtOsong, command);
        QCOMPARE(again.status(), sitroom::v1::COMMAND_APPLIED);
        QCOMPARE(again.control().revision(), revision + 1);
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));
        QVERIFY(m_rooms.gateway(Room::Seoul).isRunning() && m_rooms.gateway(Room::Osong).isRunning());
    }
};

QTEST_GUILESS_MAIN(TestGatewayTwoRooms)
#include "tst_gatewaytworooms.moc"
