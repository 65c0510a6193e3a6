// The delivery outbox on each backend (SQLite, and PostgreSQL on a private
// cluster): a gateway killed between deciding and the live system's answer
// leaves its row pending; the same gateway restarted sends it again at once,
// another gateway once its lease has run out, same Idempotency-Key and same
// bytes, and it is answered once. A delivery that never gets an answer (the
// live system down, or silent) is tried again until its deadline, then it
// fails: the change is put back at a new revision, audited with why, the
// command's result says so, and the state put back is delivered in turn.
#include "tests/server/gateway/KoreanPhrases.h"
#include "tests/server/gateway/OutboxFixture.h"

#include "server/gateway/ControlWebhook.h"
#include "server/gateway/PostgresGatewayStore.h"
#include "server/gateway/SqliteGatewayStore.h"
#include "tests/support/PostgresCluster.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::testing;

namespace {

// The bytes a webhook would send for a request: the same for every attempt.
QByteArray bytesOf(const ControlDeliveryRequest &request)
{
    return ControlWebhook::body(request, request.sentAtMs);
}

int countOf(const std::vector<v1::AuditEntry> &rows, const QString &outcomeStart)
{
    return int(std::count_if(rows.begin(), rows.end(), [&](const v1::AuditEntry &e) {
        return QString::fromStdString(e.outcome()).startsWith(outcomeStart);
    }));
}

} // namespace

class tst_ControlOutbox final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    sitroom::testing::PostgresCluster m_cluster;
    int m_places = 0;

    // A place of a backend that two rigs can share one after the other
    // (SQLite: a folder) or at once (PostgreSQL: a database).
    QString freshPlace(const QString &backend)
    {
        ++m_places;
        if (backend == QLatin1String("postgresql")) {
            QString error;
            if (!m_cluster.isRunning() && !m_cluster.start(&error))
                qFatal("%s", qPrintable(error));
            const QString name = QStringLiteral("outbox_%1").arg(m_places);
            if (!m_cluster.createDatabase(name, &error))
                qFatal("%s", qPrintable(error));
            return m_cluster.url(name);
        }
        return m_dir.filePath(QStringLiteral("state-%1").arg(m_places));
    }

    static std::unique_ptr<GatewayStore> open(const QString &place)
    {
        QString error;
        if (place.startsWith(QLatin1String("postgresql:"))) {
            auto store = std::make_unique<PostgresGatewayStore>();
            if (!store->open(place, &error))
                qFatal("%s", qPrintable(error));
            return store;
        }
        auto store = std::make_unique<SqliteGatewayStore>();
        if (!store->open(place, &error))
            qFatal("%s", qPrintable(error));
        return store;
    }

    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanupTestCase() { m_cluster.stop(); }

    void restartedGatewayDeliversItsRowAtOnce_data() { addBackends(); }
    void restartedGatewayDeliversItsRowAtOnce()
    {
        QFETCH(QString, backend);
        const QString place = freshPlace(backend);
        QByteArray firstBytes;
        {
            OutboxRig killed(open(place), QStringLiteral("gw-a"), 60000);
            killed.submit(rateCommand("k1", 1, 600));
            QCOMPARE(killed.live.requests.size(), std::size_t(1));
            firstBytes = bytesOf(killed.live.requests.front());
            // Killed before the live system answered.
        }
        OutboxRig restarted(open(place), QStringLiteral("gw-a"), 60000);
        restarted.live.mode = ScriptedLiveSystem::Mode::Accept;
        QCOMPARE(restarted.controls->control().revision(), 2u);   // the decision stands
        QElapsedTimer clock;
        clock.start();
        // Its own lease: at once, not after 60 s.
        QTRY_VERIFY_WITH_TIMEOUT(restarted.store->pendingDeliveries().empty(), 5000);
        qInfo("the restarted gateway delivered the row left pending %lld ms after it started", clock.elapsed());
        QCOMPARE(restarted.live.requests.size(), std::size_t(1));
        QCOMPARE(bytesOf(restarted.live.requests.front()), firstBytes);
        QCOMPARE(restarted.store->findResult(QStringLiteral("k1"))->stage(), v1::COMMAND_STAGE_ACCEPTED);
        const auto rows = restarted.auditOf("k1");
        QCOMPARE(countOf(rows, QStringLiteral("applied")), 1);
        QCOMPARE(countOf(rows, QStringLiteral("accepted by the live system")), 1);
        QVERIFY(QString::fromStdString(rows.back().reason()).contains(QStringLiteral("attempt 2")));
    }

    // Two gateways on one PostgreSQL: the other takes over once the lease runs out.
    void otherGatewayTakesOverAfterTheLease()
    {
        const QString place = freshPlace(QStringLiteral("postgresql"));
        constexpr qint64 kLeaseMs = 600;
        OutboxRig other(open(place), QStringLiteral("gw-b"), kLeaseMs);
        other.live.mode = ScriptedLiveSystem::Mode::Accept;
        QByteArray firstBytes;
        QElapsedTimer sinceKill;
        {
            OutboxRig killed(open(place), QStringLiteral("gw-a"), kLeaseMs);
            killed.submit(rateCommand("t1", 1, 600));
            QCOMPARE(killed.live.requests.size(), std::size_t(1));
            firstBytes = bytesOf(killed.live.requests.front());
            sinceKill.start();
        }
        // Meanwhile a command through the other gateway waits for that change
        // to reach the live system first.
        other.controls->storeMovedOn();
        other.submit(rateCommand("t2", 2, 650));
        QVERIFY(other.results.empty());
        QTRY_VERIFY_WITH_TIMEOUT(!other.live.requests.empty(), 10000);
        const qint64 tookOverMs = sinceKill.elapsed();
        qInfo("the other gateway sent the dead one's delivery again %lld ms after it died (lease %lld ms)", tookOverMs, kLeaseMs);
        QVERIFY2(tookOverMs >= kLeaseMs / 2, qPrintable(QString::number(tookOverMs)));
        QCOMPARE(other.live.requests.front().commandId, QStringLiteral("t1"));
        QCOMPARE(bytesOf(other.live.requests.front()), firstBytes);
        // Then its own command, on the revision after.
        QTRY_COMPARE_WITH_TIMEOUT(other.results.size(), std::size_t(1), 10000);
        QCOMPARE(other.results.front().command_id(), std::string("t2"));
        QCOMPARE(other.results.front().status(), v1::COMMAND_APPLIED);
        QCOMPARE(other.live.requests.size(), std::size_t(2));
        QCOMPARE(other.live.requests.back().revision, 3u);
        QCOMPARE(other.store->findResult(QStringLiteral("t1"))->stage(), v1::COMMAND_STAGE_ACCEPTED);
        const auto rows = other.auditOf("t1");
        QCOMPARE(countOf(rows, QStringLiteral("applied")), 1);
        QCOMPARE(countOf(rows, QStringLiteral("accepted by the live system")), 1);
        QVERIFY(QString::fromStdString(rows.back().reason()).contains(QStringLiteral("delivered by gateway gw-b, attempt 2")));
        // Resent through it, t1 is answered with its end, not delivered again.
        other.submit(rateCommand("t1", 1, 600));
        QTRY_COMPARE_WITH_TIMEOUT(other.results.size(), std::size_t(2), 5000);
        QCOMPARE(other.results.back().stage(), v1::COMMAND_STAGE_ACCEPTED);
        QCOMPARE(other.live.requests.size(), std::size_t(2));
        QVERIFY(other.store->verifyAudit().ok);
    }

    void unansweredFailsAtItsDeadlineAndIsPutBack_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("mode");
        QTest::newRow("sqlite, unreachable") << QStringLiteral("sqlite") << int(ScriptedLiveSystem::Mode::Unanswered);
        QTest::newRow("postgresql, unreachable") << QStringLiteral("postgresql") << int(ScriptedLiveSystem::Mode::Unanswered);
        QTest::newRow("sqlite, silent") << QStringLiteral("sqlite") << int(ScriptedLiveSystem::Mode::Hang);
        QTest::newRow("postgresql, silent") << QStringLiteral("postgresql") << int(ScriptedLiveSystem::Mode::Hang);
    }
    void unansweredFailsAtItsDeadlineAndIsPutBack()
    {
        QFETCH(QString, backend);
        QFETCH(int, mode);
        constexpr qint64 kDeadlineMs = 800;
        OutboxRig f(open(freshPlace(backend)), QStringLiteral("gw-a"), 200, kDeadlineMs);
        f.live.mode = ScriptedLiveSystem::Mode(mode);
        QElapsedTimer clock;
        clock.start();
        f.submit(rateCommand("u1", 1, 600));
        QTRY_COMPARE_WITH_TIMEOUT(f.results.size(), std::size_t(1), 10000);
        const qint64 failedMs = clock.elapsed();
        qInfo("failed and put back %lld ms after its decision (deadline %lld ms)", failedMs, kDeadlineMs);
        QVERIFY(failedMs >= kDeadlineMs);
        const v1::CommandResult &r = f.results.front();
        QCOMPARE(r.status(), v1::COMMAND_REFUSED);
        QCOMPARE(r.stage(), v1::COMMAND_STAGE_DELIVERY_FAILED);
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("no answer from the live system within 0.8 s")),
                 r.message().c_str());
        // In Korean, one sentence of the reader's words: nothing of the network's.
        {
            KoreanPhrases korean;
            QVERIFY2(korean.isValid(), "sitroom_ko.qm is not built");
            const QString words = KoreanPhrases::words(r.message_words());
            QVERIFY2(words.startsWith(QStringLiteral("운영 시스템이 적용하지 않았습니다: 0.8초 안에 운영 시스템의 응답 없음: ")),
                     qPrintable(words));
            QVERIFY2(KoreanPhrases::latinWords(words).isEmpty(), qPrintable(words));
        }
        QCOMPARE(r.control().revision(), 3u);
        QCOMPARE(r.control().admission_rate_per_s(), 700.0);
        QCOMPARE(f.store->loadControl()->admission_rate_per_s(), 700.0);
        // Every attempt the same key and bytes.
        const std::vector<ControlDeliveryRequest> u1 = [&] {
            std::vector<ControlDeliveryRequest> out;
            for (const auto &request : f.live.requests)
                if (request.commandId == QLatin1String("u1"))
                    out.push_back(request);
            return out;
        }();
        QVERIFY(!u1.empty());
        for (const auto &request : u1)
            QCOMPARE(bytesOf(request), bytesOf(u1.front()));
        if (f.live.mode == ScriptedLiveSystem::Mode::Unanswered)
            QVERIFY2(u1.size() >= 2, "tried again before the deadline");
        // What was put back goes to the live system too, under a key of its own.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(f.live.requests.begin(), f.live.requests.end(),
                                             [](const ControlDeliveryRequest &q) { return q.commandId == QLatin1String("restore-u1"); }),
                                 5000);
        const auto restore = std::find_if(f.live.requests.begin(), f.live.requests.end(),
                                          [](const ControlDeliveryRequest &q) { return q.commandId == QLatin1String("restore-u1"); });
        QCOMPARE(restore->revision, 3u);
        QCOMPARE(restore->control.admission_rate_per_s(), 700.0);
        // Unanswered too: it fails at its own deadline, audited, not put back in turn.
        QTRY_VERIFY_WITH_TIMEOUT(f.store->pendingDeliveries().empty(), 10000);
        QCOMPARE(f.controls->control().revision(), 3u);
        const auto rows = f.auditOf("u1");
        QCOMPARE(countOf(rows, QStringLiteral("applied")), 1);
        QCOMPARE(countOf(rows, QStringLiteral("delivery failed: what it changed is back as before, at revision 3")), 1);
        QCOMPARE(countOf(rows, QStringLiteral("delivery failed: the live system has not confirmed")), 1);
        QVERIFY(QString::fromStdString(rows.at(1).reason()).startsWith(QStringLiteral("no answer from the live system within 0.8 s")));
        QVERIFY(f.store->verifyAudit().ok);
        // The live system back, the next change goes through on the state put back.
        f.live.mode = ScriptedLiveSystem::Mode::Accept;
        f.submit(rateCommand("u2", 3, 650));
        QTRY_COMPARE_WITH_TIMEOUT(f.results.size(), std::size_t(2), 5000);
        QCOMPARE(f.results.back().status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.results.back().stage(), v1::COMMAND_STAGE_ACCEPTED);
        QCOMPARE(f.live.requests.back().revision, 4u);
    }

    void aSilentLastAttemptStillSaysWhatTheOnesBeforeMet()
    {
        // Refused connections first, then an attempt that hangs past the
        // deadline: the failure names both (tst_gatewayprometheus once saw
        // only "no answer to attempt 11" from a webhook port that was closed).
        constexpr qint64 kDeadlineMs = 1500;
        OutboxRig f(open(freshPlace(QStringLiteral("sqlite"))), QStringLiteral("gw-a"), 200, kDeadlineMs);
        f.live.mode = ScriptedLiveSystem::Mode::Unanswered;
        f.submit(rateCommand("s1", 1, 600));
        QTRY_VERIFY_WITH_TIMEOUT(f.live.requests.size() >= 2, 5000);
        f.live.mode = ScriptedLiveSystem::Mode::Hang;
        QTRY_COMPARE_WITH_TIMEOUT(f.results.size(), std::size_t(1), 10000);
        QVERIFY2(!f.live.hanging.empty(), "no attempt hung");
        // In English with the network's words after it, for sitroomctl and the log...
        const QString message = QString::fromStdString(f.results.front().message());
        static const QRegularExpression english(QStringLiteral(
            "^the live system did not apply it: no answer from the live system within 1.5 s: attempt [0-9]+ was still "
            "unanswered; the one before: it cannot be reached \\(http://live.test/control: Connection refused\\)$"));
        QVERIFY2(english.match(message).hasMatch(), qPrintable(message));
        // ...and in Korean without them.
        KoreanPhrases korean;
        QVERIFY2(korean.isValid(), "sitroom_ko.qm is not built");
        const QString words = KoreanPhrases::words(f.results.front().message_words());
        static const QRegularExpression inKorean(QStringLiteral(
            "^운영 시스템이 적용하지 않았습니다: 1.5초 안에 운영 시스템의 응답 없음: [0-9]+번째 시도에 아직 응답 없음. "
            "그 전 시도: 연결할 수 없음$"));
        QVERIFY2(inKorean.match(words).hasMatch(), qPrintable(words));
        QVERIFY2(KoreanPhrases::latinWords(words).isEmpty(), qPrintable(words));
    }
};

QTEST_GUILESS_MAIN(tst_ControlOutbox)
#include "tst_controloutbox.moc"
