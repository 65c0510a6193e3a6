#include "server/livesystem/ControlSignature.h"

#include <QTest>

using namespace sitroom::livesystem;

class TestControlSignature final : public QObject
{
    Q_OBJECT

private slots:
    // The worked example of docs/control-webhook.md, computed with
    // printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret".
    void signature_matchesOpenssl()
    {
        const QByteArray body = R"({"version":1,"command_id":"c-1"})";
        QCOMPARE(controlSignature("s3cret", body),
                 QByteArray("sha256=8c42f213f31a4de8af219469a4c4c49d280a1335b32585c5a798ad77d61b3e41"));
    }

    void verify_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        const QByteArray body = R"({"a":1})";
        const QByteArray good = controlSignature("k", body);
        QTest::newRow("right") << QByteArray("k") << body << good << true;
        QTest::newRow("other secret") << QByteArray("K") << body << good << false;
        QTest::newRow("other body") << QByteArray("k") << QByteArray(R"({"a":2})") << good << false;
        QTest::newRow("uppercase hex") << QByteArray("k") << body << QByteArray("sha256=" + good.mid(7).toUpper()) << false;
        QTest::newRow("no prefix") << QByteArray("k") << body << good.mid(7) << false;
        QTest::newRow("truncated") << QByteArray("k") << body << good.chopped(1) << false;
        QTest::newRow("empty") << QByteArray("k") << body << QByteArray() << false;
        QByteArray flipped = good;
        flipped[flipped.size() - 1] = flipped.back() == '0' ? '1' : '0';
        QTest::newRow("last byte wrong") << QByteArray("k") << body << flipped << false;
    }

    void verify()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        QCOMPARE(verifyControlSignature(secret, body, header), valid);
    }
};

QTEST_GUILESS_MAIN(TestControlSignature)
#include "tst_controlsignature.moc"
