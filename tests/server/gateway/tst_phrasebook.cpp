// The server's words as Phrases (proto/sitroom/PhraseBook): the gateway's
// English text fields are written from them exactly as they were before
// (sitroomctl, logs and old consoles read those), every code in the book has a
// template whose names the phrases fill, a client words a phrase in its own
// language, and the audit keeps a row's Phrases, its hash covering them.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/SqliteGatewayStore.h"

#include "proto/sitroom/PhraseBook.h"

#include <QSqlQuery>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::gateway;

Q_DECLARE_METATYPE(sitroom::v1::Command)

class TestPhraseBook final : public QObject
{
    Q_OBJECT

private slots:
    void englishAsTheTextFieldsAlwaysSaid_data()
    {
        QTest::addColumn<v1::Command>("command");
        QTest::addColumn<QString>("english");
        v1::Command rate;
        rate.mutable_set_admission_rate()->set_rate_per_s(500);
        QTest::newRow("rate") << rate << QStringLiteral("set admission rate to 500/s");
        v1::Command disable;
        disable.mutable_set_provider_enabled()->set_provider_id("kakao");
        disable.mutable_set_provider_enabled()->set_disable_for_s(900);
        disable.set_stale_override(true);
        QTest::newRow("timed disable, stale override")
            << disable << QStringLiteral("disable provider kakao for 900 s (stale data, overridden)");
        v1::Command ack;
        ack.mutable_acknowledge_alert()->set_alert_id("A12");
        QTest::newRow("acknowledge") << ack << QStringLiteral("acknowledge alert A12");
        QTest::newRow("none") << v1::Command() << QStringLiteral("(no action)");
    }

    void englishAsTheTextFieldsAlwaysSaid()
    {
        QFETCH(v1::Command, command);
        QFETCH(QString, english);
        QCOMPARE(describeCommand(command), english);
        const v1::Phrase outcome = outcomePhrase(v1::COMMAND_APPLIED, phrase::make("approval.by", {{"approver", QStringLiteral("park")}, {"request", QStringLiteral("r1")}}));
        QCOMPARE(phrase::english(outcome), QStringLiteral("applied: approved by park (request r1)"));
        const v1::Phrase summary = phrase::make("summary.approved", {{"approver", QStringLiteral("park")}, {"requester", QStringLiteral("kim")}},
                                                {{"command", commandPhrase(command)}});
        QCOMPARE(phrase::english(summary), QStringLiteral("park approved kim's request to ") + english);
        // A time travels as epoch ms; the English field says so, as it always did.
        QCOMPARE(phrase::english(phrase::make("alert.shelved_until", {{"until_ms", QStringLiteral("1628506800000")}})),
                 QStringLiteral("shelved until 1628506800000 ms (live system's clock)"));
    }

    // A client's voice: its translation of each template and its own way of
    // showing times; a code it does not know leaves it to the English field.
    void aClientWordsItInItsLanguage()
    {
        phrase::Voice voice;
        voice.translate = [](const char *english) {
            if (QByteArray(english) == "{approver} approved {requester}'s request to {command}")
                return QStringLiteral("{approver}이(가) {requester}의 요청을 승인: {command}");
            if (QByteArray(english) == "pause admission")
                return QStringLiteral("입장 일시 중지");
            return QString::fromUtf8(english);
        };
        voice.korean = true;
        v1::Command pause;
        pause.mutable_pause_admission();
        const v1::Phrase summary = phrase::make("summary.approved", {{"approver", QStringLiteral("park")}, {"requester", QStringLiteral("kim")}},
                                                {{"command", commandPhrase(pause)}});
        QCOMPARE(phrase::render(summary, voice), QStringLiteral("park이(가) kim의 요청을 승인: 입장 일시 중지"));
        QCOMPARE(phrase::render(phrase::bilingual(QStringLiteral("카카오 오류율"), QStringLiteral("Kakao error rate")), voice),
                 QStringLiteral("카카오 오류율"));
        QVERIFY(phrase::render(phrase::make("no.such.code"), voice).isEmpty());
        // An unknown part makes the whole phrase unknown: never half a sentence.
        QVERIFY(phrase::render(phrase::make("summary.did", {{"user", QStringLiteral("kim")}}, {{"command", phrase::make("later.code")}}), voice).isEmpty());
    }

    void everyTemplateIsFilledByItsNames()
    {
        // Each template's names are plain words in braces, and a phrase that
        // carries them leaves no brace behind.
        const QRegularExpression name(QStringLiteral("\\{([a-z_]+)\\}"));
        for (const char *code : {"command.set_admission_rate", "refused.stale", "conflict.revision_by", "alert.condition",
                                 "action.verify", "summary.timed_enable", "signin.locked_here", "effect.not_seen",
                                 "store.unreachable", "store.write_refused", "audit.recorded_late", "action.audit_rows_lost",
                                 "reason.audit_backlog_full", "delivery.unreachable", "delivery.secure_channel_failed",
                                 "delivery.connection_lost", "delivery.timed_out", "delivery.answered_status",
                                 "delivery.answered_saying", "delivery.still_out", "delivery.still_out_after",
                                 "delivery.nothing_answered"}) {
            const char *english = phrase::englishTemplate(code);
            QVERIFY2(english, code);
            v1::Phrase p;
            p.set_code(code);
            auto it = name.globalMatch(QString::fromUtf8(english));
            while (it.hasNext())
            {
                sitroom::v1::PhraseArg *arg = p.add_args();
                arg->set_name(it.next().captured(1).toStdString());
                arg->set_value("x");
            }
            const QString text = phrase::english(p);
            QVERIFY2(!text.isEmpty() && !text.contains(u'{'), qPrintable(text));
        }
    }

    void auditKeepsThePhrasesUnderTheHash()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        CommandPipeline pipeline(store);
        AuditRecord r;
        r.timeMs = 1'700'000'000'000;
        r.user = QStringLiteral("system");
        r.sayAction(phrase::make("command.enable_provider", {{"provider", QStringLiteral("kakao")}}));
        r.sayReason(phrase::make("reason.timed_disable_ended"));
        r.sayOutcome(outcomePhrase(v1::COMMAND_APPLIED, phrase::make("applied.ramping", {{"seconds", QStringLiteral("300")}})));
        QCOMPARE(r.action, QStringLiteral("enable provider kakao"));
        QCOMPARE(r.reason, QStringLiteral("timed disable ended"));
        QCOMPARE(r.outcome, QStringLiteral("applied: ramping in over 300 s"));
        QVERIFY2(pipeline.record(r, &error).id() == 1, qPrintable(error));
        const v1::AuditEntry back = store.recentAudit(1).front();
        QCOMPARE(back.action_words().code(), std::string("command.enable_provider"));
        QCOMPARE(back.action_words().args(0).name(), std::string("provider"));
        QCOMPARE(back.action_words().args(0).value(), std::string("kakao"));
        QCOMPARE(back.reason_words().code(), std::string("reason.timed_disable_ended"));
        QCOMPARE(back.outcome_words().parts(1).name(), std::string("detail"));
        QCOMPARE(back.outcome_words().parts(1).phrase().code(), std::string("applied.ramping"));
        QVERIFY(store.verifyAudit().ok);
        // The Phrases are under the hash: changing them breaks the chain.
        v1::AuditEntry changed;
        *changed.mutable_outcome_words() = phrase::make("status.refused");
        QSqlQuery q(store.database());
        q.prepare(QStringLiteral("UPDATE audit SET words = ? WHERE id = 1"));
        q.addBindValue(QByteArray::fromStdString(changed.SerializeAsString()));
        QVERIFY(q.exec());
        QVERIFY(!store.verifyAudit().ok);
    }
};

QTEST_MAIN(TestPhraseBook)
#include "tst_phrasebook.moc"
