// The room in command between two real gateways, Seoul's and Osong's, on one
// PostgreSQL (issue 13), in process over real TLS: a handover offered
// through one gateway and accepted through the other reaches both rooms'
// consoles; a takeover is refused while Seoul's gateway records its presence
// and goes ahead once it has been gone for the set time; a gateway alone
// (SQLite) has never seen the other room's, so it refuses a takeover unless
// it is set to allow one, and records its own presence in its state.
#include "tests/server/gateway/RoomsFixture.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::v1::Envelope;
using namespace sitroom::gateway::testing;
namespace v1 = sitroom::v1;

namespace {

v1::Command command(std::uint64_t revision, const char *reason)
{
    v1::Command c;
    c.set_command_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    c.set_expected_revision(revision);
    c.set_reason(reason);
    return c;
}

v1::Command requestHandover(std::uint64_t revision)
{
    v1::Command c = command(revision, "night shift in Osong");
    c.mutable_request_handover();
    return c;
}

v1::Command accept(const std::string &requestId)
{
    v1::Command c = command(0, "");
    c.mutable_answer_handover()->set_request_id(requestId);
    c.mutable_answer_handover()->set_answer(v1::HANDOVER_ACCEPT);
    return c;
}

v1::Command takeCommand(std::uint64_t revision)
{
    v1::Command c = command(revision, "Seoul's gateway is gone");
    c.mutable_take_command();
    return c;
}

} // namespace

class TestGatewayHandover final : public QObject, public RoomsFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(prepareRooms(true, &error), qPrintable(error));
    }

    void cleanup() { dropRooms(); }

    void aHandoverOfferedInSeoulIsAcceptedInOsong()
    {
        const QString state = freshDatabase();
        Gateway *seoul = startRoomGateway(state, v1::SITE_SEOUL);
        Gateway *osong = startRoomGateway(state, v1::SITE_OSONG);
        QVERIFY(seoul && osong);
        TestTlsClient *park = signedIn(seoul, QStringLiteral("park"));
        TestTlsClient *jung = signedIn(osong, QStringLiteral("jung"));
        QVERIFY(park && jung);
        QCOMPARE(controlSeen(*jung).command_site(), quint32(v1::SITE_SEOUL));

        const v1::CommandResult offered = send(*park, requestHandover(7));
        QCOMPARE(offered.status(), v1::COMMAND_PENDING_APPROVAL);
        // Osong's console hears it from its own gateway.
        QVERIFY(jung->waitFor([&] { return controlSeen(*jung).handover().request_id() == offered.request_id(); }, 1000));
        QCOMPARE(controlSeen(*jung).handover().requested_by().user(), std::string("park"));
        QCOMPARE(controlSeen(*jung).handover().to_site(), quint32(v1::SITE_OSONG));

        // Seoul's colleague may not accept it; Osong's supervisor does.
        TestTlsClient *choi = signedIn(seoul, QStringLiteral("choi"));
        QVERIFY(choi);
        QCOMPARE(send(*choi, accept(offered.request_id())).status(), v1::COMMAND_REFUSED);
        const v1::Command accepting = accept(offered.request_id());
        const v1::CommandResult accepted = send(*jung, accepting);
        QCOMPARE(accepted.status(), v1::COMMAND_APPLIED);
        QCOMPARE(accepted.control().command_site(), quint32(v1::SITE_OSONG));
        QVERIFY(park->waitFor([&] { return controlSeen(*park).command_site() == v1::SITE_OSONG; }, 1000));
        QVERIFY(!controlSeen(*park).has_handover());
        QCOMPARE(seoul->controlState().command_site(), quint32(v1::SITE_OSONG));
        // A console that signs in now is told in its snapshot.
        TestTlsClient *later = signedIn(seoul, QStringLiteral("kim"));
        QVERIFY(later);
        QCOMPARE(controlSeen(*later).command_site(), quint32(v1::SITE_OSONG));
        // Seoul's consoles saw Osong's acceptance in the audit, with its room.
        const auto acceptance = [&]() -> const v1::AuditEntry * {
            for (const Envelope &e : park->received())
                if (e.has_audit_event() && e.audit_event().entry().command_id() == accepting.command_id())
                    return &e.audit_event().entry();
            return nullptr;
        };
        QVERIFY(park->waitFor([&] { return acceptance() != nullptr; }, 1000));
        QCOMPARE(acceptance()->site(), quint32(v1::SITE_OSONG));
        QCOMPARE(acceptance()->action(), std::string("accept handover ") + offered.request_id());
    }

    void aTakeoverWaitsUntilSeoulsGatewayIsGone()
    {
        const QString state = freshDatabase();
        const auto quickly = [](GatewayOptions &o) {
            o.presenceIntervalMs = 100;
            o.takeoverAfterMs = 1500;
        };
        QVERIFY(startRoomGateway(state, v1::SITE_SEOUL, quickly));
        Gateway *osong = startRoomGateway(state, v1::SITE_OSONG, quickly);
        QVERIFY(osong);
        TestTlsClient *jung = signedIn(osong, QStringLiteral("jung"));
        QVERIFY(jung);

        const v1::CommandResult refused = send(*jung, takeCommand(7));
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("refused.takeover_seen"));
        QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("gateway seoul-gw was seen 0 s ago")),
                 refused.message().c_str());

        // Seoul's gateway dies: no more presence from it.
        m_gateways.front().reset();
        QElapsedTimer gone;
        gone.start();
        // Asked again until it goes ahead (each refusal is audited too).
        v1::CommandResult taken;
        while (gone.elapsed() < 6000) {
            taken = send(*jung, takeCommand(7));
            if (taken.status() != v1::COMMAND_REFUSED)
                break;
            QCOMPARE(taken.message_words().code(), std::string("refused.takeover_seen"));
            QTest::qWait(100);
        }
        QCOMPARE(taken.status(), v1::COMMAND_APPLIED);
        QVERIFY2(gone.elapsed() >= 1300, qPrintable(QString::number(gone.elapsed())));
        QCOMPARE(taken.message_words().code(), std::string("handover.taken"));
        QCOMPARE(taken.control().command_site(), quint32(v1::SITE_OSONG));
        QCOMPARE(osong->controlState().command_site(), quint32(v1::SITE_OSONG));
        QVERIFY(jung->waitFor([&] { return last(*jung, Envelope::kAuditEvent).audit_event().entry().command_id() == taken.command_id(); },
                              1000));
        const v1::AuditEntry row = last(*jung, Envelope::kAuditEvent).audit_event().entry();
        QCOMPARE(row.user(), std::string("jung"));
        QCOMPARE(row.site(), quint32(v1::SITE_OSONG));
        QVERIFY2(QString::fromStdString(row.outcome()).startsWith(QStringLiteral("applied: takeover:")), row.outcome().c_str());
    }

    void aGatewayAloneRefusesATakeoverUnlessAllowed()
    {
        const QString alone = m_dir.filePath(QStringLiteral("alone"));
        Gateway *osong = startRoomGateway(alone, v1::SITE_OSONG, [](GatewayOptions &o) { o.presenceIntervalMs = 100; });
        QVERIFY(osong);
        TestTlsClient *jung = signedIn(osong, QStringLiteral("jung"));
        QVERIFY(jung);
        const v1::CommandResult refused = send(*jung, takeCommand(7));
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("refused.takeover_unseen"));

        // Its own presence is in its state, and kept up.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("presence"));
        db.setDatabaseName(alone + QStringLiteral("/sitroom.db"));
        QVERIFY(db.open());
        const auto lastSeen = [&db] {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT site, last_seen_ms FROM gateway_presence WHERE server_id = 'osong-gw'")) || !q.next())
                return qint64(0);
            return q.value(0).toInt() == v1::SITE_OSONG ? q.value(1).toLongLong() : qint64(0);
        };
        const qint64 first = lastSeen();
        QVERIFY(first > 0);
        QTRY_VERIFY_WITH_TIMEOUT(lastSeen() > first, 2000);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("presence"));
        dropRooms();

        Gateway *allowing = startRoomGateway(m_dir.filePath(QStringLiteral("allowing")), v1::SITE_OSONG,
                                             [](GatewayOptions &o) { o.allowUnseenTakeover = true; });
        QVERIFY(allowing);
        jung = signedIn(allowing, QStringLiteral("jung"));
        QVERIFY(jung);
        const v1::CommandResult taken = send(*jung, takeCommand(7));
        QCOMPARE(taken.status(), v1::COMMAND_APPLIED);
        QCOMPARE(taken.message_words().code(), std::string("handover.taken_unseen"));
        QCOMPARE(allowing->controlState().command_site(), quint32(v1::SITE_OSONG));
    }
};

QTEST_GUILESS_MAIN(TestGatewayHandover)
#include "tst_gatewayhandover.moc"
