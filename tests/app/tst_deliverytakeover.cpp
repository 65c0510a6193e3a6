// A gateway killed between deciding a change and the live system's answer
// (issue 13; the TwoRooms rig): two sitroom-gateway processes, Seoul's and
// Osong's, on one private PostgreSQL, one sitroom-sim behind Prometheus and
// its control webhook. Seoul's webhook goes through a relay the test holds, so
// the moment after Seoul has decided the command (applied, its outbox row
// written) and sent it, before any answer, is the test's: Seoul is killed
// there (SIGKILL). The held request then reaches the live system, whose
// answer is lost with Seoul; Osong takes the row over once Seoul's lease runs
// out and sends it again under the same Idempotency-Key. The live system
// applies it once, the command's result says accepted, and the audit says who
// decided it and who delivered it.
#include "tests/support/TestTlsClient.h"
#include "tests/support/TwoRooms.h"
#include "tests/support/WebhookRelay.h"

#include <QtTest>

#include <QElapsedTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kFreshMs = 30000;   // Prometheus's first samples reach every rate() window
constexpr int kLeaseMs = 5000;    // sitroom-gateway's delivery lease (GatewayOptions::deliveryLeaseMs)

bool fresh(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it)
        if (it->has_tick())
            return it->tick().state().stale_size() == 0;
    return false;
}

std::uint64_t revisionSeen(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
        if (it->has_control_event())
            return it->control_event().control().revision();
        if (it->has_snapshot())
            return it->snapshot().control().revision();
    }
    return 0;
}

// An audit row the client was sent about the command whose outcome starts so.
bool told(const TestTlsClient &client, const std::string &commandId, const QString &outcomeStart)
{
    for (const Envelope &e : client.received())
        if (e.has_audit_event() && e.audit_event().entry().command_id() == commandId
            && QString::fromStdString(e.audit_event().entry().outcome()).startsWith(outcomeStart))
            return true;
    return false;
}

} // namespace

class TestDeliveryTakeover final : public QObject
{
    Q_OBJECT

private:
    using Room = TwoRooms::Room;
    TwoRooms m_rooms;
    std::unique_ptr<WebhookRelay> m_relay;

    // The audit rows about a command, read through a gateway, and whether the chain verifies.
    std::vector<sitroom::v1::AuditEntry> auditOf(quint16 port, const std::string &commandId, bool *chainOk)
    {
        std::vector<sitroom::v1::AuditEntry> rows;
        TestTlsClient auditor;
        if (!auditor.signInAs(port, m_rooms.caPath(), QStringLiteral("park"), QStringLiteral("tst_deliverytakeover")))
            return rows;
        Envelope request;
        request.mutable_audit_request()->set_request_id("takeover-audit");
        request.mutable_audit_request()->set_limit(5000);
        request.mutable_audit_request()->set_verify(true);
        const int from = int(auditor.received().size());
        auditor.send(request);
        const int at = auditor.waitForBody(Envelope::kAuditResponse, 10000, from);
        if (at < 0)
            return rows;
        const auto &response = auditor.received().at(std::size_t(at)).audit_response();
        *chainOk = response.chain_ok();
        for (const sitroom::v1::AuditEntry &e : response.entries())
            if (e.command_id() == commandId)
                rows.push_back(e);
        return rows;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rooms.startSystem(&error), qPrintable(error));
        m_relay = std::make_unique<WebhookRelay>(m_rooms.liveSystem().controlPort());
        QVERIFY2(m_relay->listen(&error), qPrintable(error));
        // Seoul's changes go through the relay; Osong's straight to the live system.
        m_rooms.setControlWebhook(Room::Seoul, m_relay->controlUrl());
        for (Room room : TwoRooms::kRooms)
            QVERIFY2(m_rooms.startGateway(room, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_rooms.stop();
        m_relay.reset();
    }

    void killedBeforeTheAnswerTheOtherDeliversItOnce()
    {
        TestTlsClient kim, watcher;
        QVERIFY(kim.signInAs(m_rooms.port(Room::Seoul), m_rooms.caPath(), QStringLiteral("kim"), QStringLiteral("tst_deliverytakeover")));
        QVERIFY(watcher.signInAs(m_rooms.port(Room::Osong), m_rooms.caPath(), QStringLiteral("han"), QStringLiteral("tst_deliverytakeover")));
        // Both gateways' stale-figure interlocks refuse controls until the figures are fresh.
        QVERIFY(kim.waitFor([&] { return fresh(kim); }, kFreshMs));
        QVERIFY(watcher.waitFor([&] { return fresh(watcher); }, kFreshMs));
        const std::uint64_t revision = revisionSeen(kim);
        const int liveBefore = m_rooms.liveRevision();
        QVERIFY(liveBefore >= 0 && liveBefore <= int(revision));

        // Decided and sent by Seoul; the answer held.
        m_relay->setHolding(true);
        QSignalSpy held(m_relay.get(), &WebhookRelay::held);
        Envelope command;
        command.mutable_command()->set_command_id("takeover-1");
        command.mutable_command()->set_expected_revision(revision);
        command.mutable_command()->set_reason("drill: Seoul dies before the live system answers");
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(630);
        kim.send(command);
        QVERIFY(held.wait(10000));
        QCOMPARE(held.first().first().toByteArray(), QByteArray("takeover-1"));
        // The decision is in force, its row pending under Seoul's lease.
        QCOMPARE(m_rooms.sql(QStringLiteral("SELECT status || ' ' || lease_holder || ' ' || revision FROM control_outbox "
                                    "WHERE command_id = 'takeover-1'")),
                 QStringLiteral("0 seoul-gw %1").arg(revision + 1));
        QVERIFY(watcher.waitFor([&] { return revisionSeen(watcher) == revision + 1; }, 5000));

        m_rooms.kill(Room::Seoul);
        QElapsedTimer sinceKill;
        sinceKill.start();
        // The live system gets Seoul's request after all, and applies it; its
        // answer is lost with Seoul.
        m_relay->setHolding(false);
        m_relay->releaseHeld();
        QTRY_COMPARE_WITH_TIMEOUT(m_rooms.liveRevision(), int(revision + 1), 10000);

        // Osong takes the row over once the lease runs out, and sends it again.
        QVERIFY(watcher.waitFor([&] { return told(watcher, "takeover-1", QStringLiteral("accepted by the live system")); },
                                kLeaseMs + 10000));
        const qint64 retriedMs = sinceKill.elapsed();
        qInfo("Osong's gateway delivered Seoul's command %lld ms after Seoul was killed (lease %d ms)", retriedMs, kLeaseMs);
        QVERIFY2(retriedMs >= kLeaseMs / 2, qPrintable(QString::number(retriedMs)));

        // Applied once by the live system: the same revision, one application
        // of it in its log, under the one key sent twice.
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));
        QTRY_COMPARE_WITH_TIMEOUT(m_rooms.liveSystem().standardError().count(QStringLiteral("control request key takeover-1 ")), 2, 5000);
        QCOMPARE(m_rooms.liveSystem().standardError().count(QStringLiteral("control applied: revision %1 ").arg(revision + 1)), 1);
        QCOMPARE(m_rooms.sql(QStringLiteral("SELECT status || ' ' || lease_holder || ' ' || attempts FROM control_outbox "
                                    "WHERE command_id = 'takeover-1'")),
                 QStringLiteral("1 osong-gw 2"));

        // The audit: decided in Seoul by kim, delivered by Osong's gateway; the chain whole.
        bool chainOk = false;
        const auto rows = auditOf(m_rooms.port(Room::Osong), "takeover-1", &chainOk);
        QVERIFY(chainOk);
        const auto rowsThat = [&rows](const std::function<bool(const sitroom::v1::AuditEntry &)> &that) {
            return int(std::count_if(rows.begin(), rows.end(), that));
        };
        QCOMPARE(rowsThat([](const auto &e) {
                     return e.user() == "kim" && QString::fromStdString(e.outcome()).startsWith(QStringLiteral("applied"));
                 }),
                 1);
        QCOMPARE(rowsThat([](const auto &e) {
                     return QString::fromStdString(e.reason()).contains(QStringLiteral("delivered by gateway osong-gw, attempt 2"))
                         && QString::fromStdString(e.outcome()).startsWith(QStringLiteral("accepted by the live system"));
                 }),
                 1);
        // Besides those, only the closed-loop check of its effect (by Osong, which delivered it).
        QCOMPARE(rowsThat([](const auto &e) { return QString::fromStdString(e.action()).startsWith(QStringLiteral("verify")); }),
                 int(rows.size()) - 2);

        // kim's console, moved to Osong, sends it again: its one result, nothing delivered again.
        TestTlsClient kimAtOsong;
        QVERIFY(kimAtOsong.signInAs(m_rooms.port(Room::Osong), m_rooms.caPath(), QStringLiteral("kim"), QStringLiteral("tst_deliverytakeover")));
        const int from = int(kimAtOsong.received().size());
        kimAtOsong.send(command);
        const int at = kimAtOsong.waitForBody(Envelope::kCommandResult, 10000, from);
        QVERIFY(at >= 0);
        const sitroom::v1::CommandResult again = kimAtOsong.received().at(std::size_t(at)).command_result();
        QCOMPARE(again.status(), sitroom::v1::COMMAND_APPLIED);
        QCOMPARE(again.stage(), sitroom::v1::COMMAND_STAGE_ACCEPTED);
        QCOMPARE(again.control().revision(), revision + 1);
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));
        QCOMPARE(m_rooms.liveSystem().standardError().count(QStringLiteral("control request key takeover-1 ")), 2);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryTakeover)
#include "tst_deliverytakeover.moc"
