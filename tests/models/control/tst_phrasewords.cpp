// The server's phrases in the console's words: a time argument reads on the
// clock it was taken on. "…_wall_ms" is the gateway's wall clock and says so
// (a simulation's live clock is 2021, the wall clock's is today); any other
// "…_ms" is the live system's.
#include "models/control/PhraseWords.h"

#include "proto/sitroom/PhraseBook.h"

#include <QtTest>

using sitroom::domain::LiveClock;
using sitroom::models::PhraseWords;

class TestPhraseWords final : public QObject
{
    Q_OBJECT

private slots:
    void timesSayWhichClock()
    {
        const LiveClock clock(QStringLiteral("Asia/Seoul"));
        const PhraseWords words(clock, {});
        const qint64 wallMs = 1796200000000;   // 2026-12-02 18:46:40 KST
        const qint64 liveMs = 1628506800000;   // 2021-08-09 20:00 KST

        const QString conflict = words.text(sitroom::phrase::make(
            "conflict.revision_by", {{"now", QStringLiteral("7")}, {"expected", QStringLiteral("6")}, {"user", QStringLiteral("kim")},
                                     {"site", QStringLiteral("Seoul")}, {"time_wall_ms", QString::number(wallMs)},
                                     {"reason", QStringLiteral("queue grows")}}));
        QVERIFY2(conflict.contains(clock.labelled(wallMs) + u' ' + LiveClock::wallClockNote()), qPrintable(conflict));

        const QString late = words.text(
            sitroom::phrase::make("audit.recorded_late", {{"recorded_wall_ms", QString::number(wallMs)}}));
        QVERIFY2(late.contains(LiveClock::wallClockNote()), qPrintable(late));

        const QString shelved = words.text(sitroom::phrase::make("alert.shelved_until", {{"until_ms", QString::number(liveMs)}}));
        QVERIFY2(shelved.contains(QStringLiteral("20:00:00 KST")), qPrintable(shelved));
        QVERIFY2(!shelved.contains(LiveClock::wallClockNote()), qPrintable(shelved));
    }
};

QTEST_GUILESS_MAIN(TestPhraseWords)
#include "tst_phrasewords.moc"
