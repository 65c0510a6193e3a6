// The one road control commands take to a live system behind a webhook: a
// change is applied and written with its delivery outbox row in one
// transaction, then delivered; its sender hears once the live system has
// answered; commands wait their turn behind a delivery; a refusal puts the
// change back at a new revision, audited; a repeated command_id is answered
// with the end of its delivery, never delivered twice.
#include "tests/server/gateway/KoreanPhrases.h"
#include "tests/server/gateway/OutboxFixture.h"

#include "server/gateway/SqliteGatewayStore.h"

#include <QTest>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::testing;

namespace {

std::unique_ptr<GatewayStore> memoryStore()
{
    auto store = std::make_unique<SqliteGatewayStore>();
    QString error;
    if (!store->open(QString(), &error))
        qFatal("%s", qPrintable(error));
    return store;
}

} // namespace

class tst_ControlDispatcher final : public QObject
{
    Q_OBJECT

private slots:
    void appliedWithItsOutboxRowThenDelivered();
    void refusalIsPutBackAtANewRevision();
    void aRefusalReadsInKoreanWithTheLiveSystemsWordsQuoted();
    void commandsWaitTheirTurnBehindADelivery();
    void repeatedCommandIdIsAnsweredNotDelivered();
    void repeatWhileDeliveringIsAnsweredWhenItEnds();
};

void tst_ControlDispatcher::appliedWithItsOutboxRowThenDelivered()
{
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QVERIFY(f.results.empty());   // answered once the live system has
    // In force and stored with its row before anything went out.
    QCOMPARE(f.controls->control().revision(), 2u);
    QCOMPARE(f.store->loadControl()->admission_rate_per_s(), 600.0);
    const std::vector<OutboxEntry> rows = f.store->pendingDeliveries();
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows.front().commandId, QStringLiteral("a"));
    QCOMPARE(rows.front().revision, 2u);
    QCOMPARE(rows.front().leaseHolder, QStringLiteral("gw-a"));
    QCOMPARE(rows.front().attempts, 1);
    QCOMPARE(rows.front().restore.admission_rate_per_s(), 700.0);
    QCOMPARE(f.store->findResult(QStringLiteral("a"))->stage(), v1::COMMAND_STAGE_SENT);
    const ControlDeliveryRequest &sent = f.live.requests.front();
    QCOMPARE(sent.commandId, QStringLiteral("a"));
    QCOMPARE(sent.revision, 2u);
    QCOMPARE(sent.control.admission_rate_per_s(), 600.0);
    QVERIFY(sent.sentAtMs > 0);
    QCOMPARE(sent.change.value(QStringLiteral("action")).toString(), QStringLiteral("set_admission_rate"));

    f.live.answer(true);
    QCOMPARE(f.results.size(), std::size_t(1));
    QCOMPARE(f.results.front().status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.results.front().stage(), v1::COMMAND_STAGE_ACCEPTED);
    QCOMPARE(f.results.front().control().revision(), 2u);
    QCOMPARE(f.accepted, std::vector<std::uint64_t>{2});
    QCOMPARE(f.stages, (std::vector<v1::CommandStage>{v1::COMMAND_STAGE_SENT, v1::COMMAND_STAGE_ACCEPTED}));
    QVERIFY(f.store->pendingDeliveries().empty());
    QCOMPARE(f.store->findResult(QStringLiteral("a"))->stage(), v1::COMMAND_STAGE_ACCEPTED);
    // The decision's row, then the delivery's.
    const auto rows2 = f.auditOf("a");
    QCOMPARE(rows2.size(), std::size_t(2));
    QVERIFY(QString::fromStdString(rows2.front().outcome()).startsWith(QStringLiteral("applied")));
    QVERIFY(QString::fromStdString(rows2.back().outcome()).contains(QStringLiteral("accepted by the live system")));
    QVERIFY(QString::fromStdString(rows2.back().reason()).contains(QStringLiteral("gw-a")));
    QVERIFY(f.store->verifyAudit().ok);
}

void tst_ControlDispatcher::refusalIsPutBackAtANewRevision()
{
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    f.live.refuse(422, QStringLiteral("admission rate above the site's limit"));
    QCOMPARE(f.results.size(), std::size_t(1));
    QCOMPARE(f.results.front().status(), v1::COMMAND_REFUSED);
    QCOMPARE(f.results.front().stage(), v1::COMMAND_STAGE_DELIVERY_FAILED);
    // The English text says all of it: the refusal, its words, where it was sent.
    QCOMPARE(QString::fromStdString(f.results.front().message()),
             QStringLiteral("the live system did not apply it: the live system refused it: it answered with HTTP status 422, "
                            "in its own words: \"admission rate above the site's limit\" (http://live.test/control)"));
    // Applied at 2, put back at 3: the rate as before.
    QCOMPARE(f.controls->control().revision(), 3u);
    QCOMPARE(f.controls->control().admission_rate_per_s(), 700.0);
    QCOMPARE(f.results.front().control().revision(), 3u);
    QCOMPARE(f.store->loadControl()->admission_rate_per_s(), 700.0);
    QVERIFY(f.accepted.empty());
    QCOMPARE(f.stages.back(), v1::COMMAND_STAGE_DELIVERY_FAILED);
    QVERIFY(f.store->pendingDeliveries().empty());
    // Refused: the live system did not apply it, so nothing goes out to put it back.
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    const auto rows = f.auditOf("a");
    QCOMPARE(rows.size(), std::size_t(2));
    QVERIFY(QString::fromStdString(rows.back().reason()).startsWith(QStringLiteral("the live system refused it: it answered with HTTP status 422")));
    QCOMPARE(rows.back().reason_words().code(), std::string("reason.delivery_refused"));
    QVERIFY(QString::fromStdString(rows.back().outcome()).contains(QStringLiteral("back as before, at revision 3")));
    QCOMPARE(QString::fromStdString(rows.back().after()), QStringLiteral("{\"admission_rate_per_s\":700}"));
    // Its result is the refusal: sent again, the same id is answered so, not delivered again.
    f.submit(rateCommand("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QCOMPARE(f.results.back().status(), v1::COMMAND_REFUSED);
    QCOMPARE(f.results.back().stage(), v1::COMMAND_STAGE_DELIVERY_FAILED);
}

// A Korean console reads the refusal in Korean: the live system's own words
// quoted as it said them (English here), no other Latin letter, nor the URL.
void tst_ControlDispatcher::aRefusalReadsInKoreanWithTheLiveSystemsWordsQuoted()
{
    KoreanPhrases korean;
    QVERIFY2(korean.isValid(), "sitroom_ko.qm is not built");
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    f.live.refuse(422, QStringLiteral("admission rate above the site's limit"));
    QCOMPARE(f.results.size(), std::size_t(1));
    const QString message = KoreanPhrases::words(f.results.front().message_words());
    QCOMPARE(message, QStringLiteral("운영 시스템이 적용하지 않았습니다: 운영 시스템이 거부함: 상태 코드 422(으)로 응답함, "
                                     "운영 시스템의 말 그대로: \u201cadmission rate above the site's limit\u201d"));
    QVERIFY2(KoreanPhrases::latinWordsOutsideQuotes(message).isEmpty(), qPrintable(message));
    // The stage the consoles are told, and the audit row's reason.
    const v1::CommandProgress &failed = f.progress.back();
    QCOMPARE(failed.stage(), v1::COMMAND_STAGE_DELIVERY_FAILED);
    QCOMPARE(failed.detail_words().code(), std::string("reason.delivery_refused"));
    QVERIFY2(QString::fromStdString(failed.detail()).endsWith(QStringLiteral("(http://live.test/control)")), failed.detail().c_str());
    const auto rows = f.auditOf("a");
    for (const v1::Phrase &p : {failed.detail_words(), rows.back().reason_words()}) {
        const QString words = KoreanPhrases::words(p);
        QVERIFY2(!words.isEmpty() && KoreanPhrases::latinWordsOutsideQuotes(words).isEmpty(), qPrintable(words));
    }
    // A refusal without words says its status alone.
    f.submit(rateCommand("b", 3, 650));
    f.live.refuse(409, QString());
    const QString bare = KoreanPhrases::words(f.results.back().message_words());
    QCOMPARE(bare, QStringLiteral("운영 시스템이 적용하지 않았습니다: 운영 시스템이 거부함: 상태 코드 409(으)로 응답함"));
}

void tst_ControlDispatcher::commandsWaitTheirTurnBehindADelivery()
{
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    f.submit(rateCommand("b", 2, 650));   // decided on revision 2, after "a" has reached the live system
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    f.live.answer(true);
    QCOMPARE(f.live.requests.size(), std::size_t(2));
    QCOMPARE(f.live.requests.back().revision, 3u);
    f.live.answer(true);
    QCOMPARE(f.results.size(), std::size_t(2));
    QCOMPARE(f.results.at(1).status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.controls->control().admission_rate_per_s(), 650.0);
}

void tst_ControlDispatcher::repeatedCommandIdIsAnsweredNotDelivered()
{
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    f.live.answer(true);
    f.submit(rateCommand("a", 1, 600));
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QCOMPARE(f.results.size(), std::size_t(2));
    QCOMPARE(f.results.at(1).status(), v1::COMMAND_APPLIED);
    QCOMPARE(f.results.at(1).stage(), v1::COMMAND_STAGE_ACCEPTED);
    QCOMPARE(f.controls->control().revision(), 2u);
}

void tst_ControlDispatcher::repeatWhileDeliveringIsAnsweredWhenItEnds()
{
    OutboxRig f(memoryStore(), QStringLiteral("gw-a"));
    f.submit(rateCommand("a", 1, 600));
    f.submit(rateCommand("a", 1, 600));   // a console that sent it again
    QCOMPARE(f.live.requests.size(), std::size_t(1));
    QVERIFY(f.results.empty());
    f.live.answer(true);
    QCOMPARE(f.results.size(), std::size_t(2));
    for (const v1::CommandResult &r : f.results) {
        QCOMPARE(r.status(), v1::COMMAND_APPLIED);
        QCOMPARE(r.stage(), v1::COMMAND_STAGE_ACCEPTED);
    }
    QCOMPARE(f.live.requests.size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_ControlDispatcher)
#include "tst_controldispatcher.moc"
