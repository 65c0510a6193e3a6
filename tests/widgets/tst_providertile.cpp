// One provider's tile on its own, offscreen: the light as a word and a frame
// only while something is wrong, figures formatted, "–" where a figure is not
// live, unknown or meaningless (a suspended provider has no latency), and a
// disabled provider naming who switched it off, who approved, why and until
// when on the live system's clock; the ramp back after.
#include "widgets/board/ProviderTile.h"

#include "widgets/common/StaleNote.h"

#include "sitroom/v1/envelope.pb.h"

#include <QLabel>
#include <QtTest>

using namespace sitroom;
using sitroom::widgets::ProviderSwitch;
using sitroom::widgets::ProviderTile;
using sitroom::widgets::ProviderTileData;

namespace {

// 20:05:00 KST on 9 August 2021.
constexpr qint64 kFive = 1'628'507'100'000;
constexpr qint64 kMinute = 60'000;

ProviderTileData kakao(v1::Light light = v1::LIGHT_GREEN)
{
    ProviderTileData d;
    d.id = QStringLiteral("kakao");
    d.name = QStringLiteral("Kakao");
    d.light = light;
    d.p95Ms = 4200;
    d.successRate = 0.921;
    d.requestsPerS = 1234;
    d.share = 0.31;
    d.lightSinceMs = kFive - 3 * kMinute;
    d.nowMs = kFive;
    d.control.timeZone = QStringLiteral("Asia/Seoul");
    d.control.nowMs = kFive;
    return d;
}

QString lightState(const QWidget &w)
{
    return w.property("lightState").toString();
}

} // namespace

class tst_ProviderTile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void figuresAndTheLightInWords()
    {
        ProviderTile tile;
        tile.setData(kakao(v1::LIGHT_RED));
        QCOMPARE(tile.lightWord(), QStringLiteral("Congested"));
        QCOMPARE(tile.figureTexts(), (QStringList{QStringLiteral("4.2 s"), QStringLiteral("92.1 %"), QStringLiteral("1,234/s"),
                                                  QStringLiteral("31 %")}));
        QCOMPARE(lightState(tile), QStringLiteral("red"));
        QVERIFY(tile.controlText().isEmpty());   // nobody switched it
        // Smooth: calm, no frame in a colour.
        tile.setData(kakao(v1::LIGHT_GREEN));
        QCOMPARE(tile.lightWord(), QStringLiteral("Smooth"));
        QCOMPARE(lightState(tile), QStringLiteral("normal"));
        tile.setData(kakao(v1::LIGHT_YELLOW));
        QCOMPARE(lightState(tile), QStringLiteral("yellow"));
    }

    void suspendedHasNoLatencyOrSuccess()
    {
        ProviderTile tile;
        ProviderTileData d = kakao(v1::LIGHT_SUSPENDED);
        d.requestsPerS = 0;
        d.share = 0;
        tile.setData(d);
        QCOMPARE(tile.lightWord(), QStringLiteral("Suspended"));
        QCOMPARE(lightState(tile), QStringLiteral("suspended"));
        const QStringList figures = tile.figureTexts();
        QCOMPARE(figures[0], QStringLiteral("–"));
        QCOMPARE(figures[1], QStringLiteral("–"));
        QCOMPARE(figures[2], QStringLiteral("0/s"));   // its traffic is a fact: none
    }

    void figuresNotLiveReadDashNeverTheirLastValue()
    {
        ProviderTile tile;
        ProviderTileData d = kakao(v1::LIGHT_RED);
        d.p95Stale = true;
        d.requestsStale = true;
        d.staleNote = QStringLiteral("2 figures stopped");
        d.staleDetails = QStringLiteral("p95: Prometheus not answering since 20:03");
        tile.setData(d);
        QCOMPARE(tile.figureTexts(), (QStringList{QStringLiteral("–"), QStringLiteral("92.1 %"), QStringLiteral("–"), QStringLiteral("–")}));
        QCOMPARE(tile.lightWord(), QStringLiteral("Congested"));
        // A light that is not live is not shown as today's: no word, no colour.
        d.lightStale = true;
        tile.setData(d);
        QCOMPARE(tile.lightWord(), QStringLiteral("–"));
        QCOMPARE(lightState(tile), QStringLiteral("normal"));
    }

    void beforeDataEveryFigureReadsDash()
    {
        ProviderTile tile;
        ProviderTileData d = kakao(v1::LIGHT_UNSPECIFIED);
        d.hasData = false;
        tile.setData(d);
        for (const QString &figure : tile.figureTexts())
            QCOMPARE(figure, QStringLiteral("–"));
    }

    void disabledTileNamesWhoWhyUntil()
    {
        ProviderTile tile;
        tile.show();
        ProviderTileData d = kakao(v1::LIGHT_SUSPENDED);
        d.control.enabled = false;
        d.control.by = QStringLiteral("park");
        d.control.site = v1::SITE_OSONG;
        d.control.reason = QStringLiteral("Kakao verification errors at 40 %");
        d.control.approvedBy = QStringLiteral("choi");
        d.control.disabledUntilMs = kFive + 30 * kMinute;
        tile.setData(d);
        const QString text = tile.controlText();
        QCOMPARE(text.split(u'\n'),
                 (QStringList{QStringLiteral("Disabled by park (Osong), approved by choi"),
                              QStringLiteral("Why: “Kakao verification errors at 40 %”"),
                              QStringLiteral("Until 20:35 KST (30 min left)")}));

        // By hand, until someone enables it again; nobody approved a non-hazardous one.
        d.control.approvedBy.clear();
        d.control.disabledUntilMs = 0;
        tile.setData(d);
        QVERIFY2(tile.controlText().startsWith(QStringLiteral("Disabled by park (Osong)\n")), qPrintable(tile.controlText()));
        QVERIFY2(tile.controlText().endsWith(QStringLiteral("Until re-enabled by hand")), qPrintable(tile.controlText()));

        // Past its deadline and not yet back: said, not counted below zero.
        d.control.disabledUntilMs = kFive - kMinute;
        tile.setData(d);
        QVERIFY2(tile.controlText().endsWith(QStringLiteral("Until 20:04 KST (due now)")), qPrintable(tile.controlText()));
    }

    void rampBackThenNothing()
    {
        ProviderTile tile;
        tile.show();
        ProviderTileData d = kakao(v1::LIGHT_GREEN);
        d.control.by = QStringLiteral("system");
        d.control.rampProgress = 0.4;
        d.control.rampEndMs = kFive + 3 * kMinute;
        tile.setData(d);
        QCOMPARE(tile.controlText(), QStringLiteral("Ramping back in: 40 % · full at 20:08 KST\nRe-enabled as the timed disable ended"));
        d.control.by = QStringLiteral("kim");
        d.control.site = v1::SITE_SEOUL;
        tile.setData(d);
        QVERIFY2(tile.controlText().endsWith(QStringLiteral("Re-enabled by kim (Seoul)")), qPrintable(tile.controlText()));
        d.control.rampProgress = -1;
        tile.setData(d);
        QVERIFY(tile.controlText().isEmpty());
    }

    void sinceSaysHowLongTheLightHasHeld()
    {
        ProviderTile tile;
        tile.setData(kakao(v1::LIGHT_YELLOW));
        const auto *since = tile.findChild<QLabel *>(QStringLiteral("tileSince"));
        QVERIFY(since);
        QCOMPARE(since->text(), QStringLiteral("Delayed for 3 min"));
        ProviderTileData unknownSince = kakao(v1::LIGHT_YELLOW);
        unknownSince.lightSinceMs = 0;
        tile.setData(unknownSince);
        QVERIFY(since->text().isEmpty());
    }
};

QTEST_MAIN(tst_ProviderTile)
#include "tst_providertile.moc"
