// FrameCodec at its limits and on malformed input: a frame at the cap
// accepted and one byte over refused as soon as its prefix says so, varint
// limits, truncated streams, payloads that are not Envelopes, and a decoder
// that stays failed after an error.
#include "tests/proto/FrameFixtures.h"

#include <QTest>

#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using sitroom::framing::FrameDecoder;
using sitroom::framing::FrameError;
namespace framing = sitroom::framing;
namespace v1 = sitroom::v1;
using namespace sitroom::testing;

class TestFrameLimits final : public QObject
{
    Q_OBJECT

private slots:
    void frameAtCapAcceptedOneOverRefused_data();
    void frameAtCapAcceptedOneOverRefused();
    void hugeAnnouncementRefusedAfterPrefixOnly();
    void capIsClampedToInt();
    void varintLimits_data();
    void varintLimits();
    void finishReportsTruncation_data();
    void finishReportsTruncation();
    void undecodablePayload_data();
    void undecodablePayload();
    void staysFailedAfterError();
    void frameErrorNames_data();
    void frameErrorNames();
};

void TestFrameLimits::frameAtCapAcceptedOneOverRefused_data()
{
    QTest::addColumn<qsizetype>("cap");
    QTest::addColumn<bool>("defaultCap");

    QTest::newRow("default 1 MiB") << qsizetype(framing::kDefaultMaxFrameBytes) << true;
    QTest::newRow("1 MiB given") << qsizetype(1024 * 1024) << false;
    QTest::newRow("small cap 16") << qsizetype(16) << false;
    QTest::newRow("127, one-byte prefix") << qsizetype(127) << false;
    QTest::newRow("128, two-byte prefix") << qsizetype(128) << false;
    QTest::newRow("cap 0: empty frames only") << qsizetype(0) << false;
}

void TestFrameLimits::frameAtCapAcceptedOneOverRefused()
{
    QFETCH(qsizetype, cap);
    QFETCH(bool, defaultCap);
    QCOMPARE(framing::kDefaultMaxFrameBytes, std::size_t(1024 * 1024));

    const auto makeDecoder = [&] {
        return defaultCap ? FrameDecoder() : FrameDecoder(static_cast<std::size_t>(cap));
    };
    const v1::Envelope atCap = envelopeOfSize(static_cast<std::size_t>(cap));
    QCOMPARE(qsizetype(atCap.ByteSizeLong()), cap);
    const QByteArray frame = framing::encodeFrame(atCap);
    const qsizetype prefix = frame.size() - cap;

    {   // At the cap, in two chunks so the payload is buffered.
        FrameDecoder decoder = makeDecoder();
        QCOMPARE(decoder.maxFrameBytes(), std::size_t(cap));
        Collector collected;
        const qsizetype half = prefix + cap / 2;
        QVERIFY(decoder.feed(QByteArrayView(frame).first(half), collected.sink()));
        QCOMPARE(collected.frames.size(), std::size_t(cap == 0 ? 1 : 0));
        QCOMPARE(decoder.pendingBytes(), std::size_t(cap / 2));
        QVERIFY(decoder.feed(QByteArrayView(frame).sliced(half), collected.sink()));
        QVERIFY2(decoder.failed() == false, qPrintable(decoder.errorString()));
        QCOMPARE(collected.frames.size(), std::size_t(1));
        QVERIFY(sameEnvelope(collected.frames[0], atCap));
        QVERIFY(decoder.finish());
    }
    {   // One byte over: refused as soon as the prefix is complete, with a frame before it.
        FrameDecoder decoder = makeDecoder();
        Collector collected;
        QByteArray stream = framing::encodeFrame(v1::Envelope());
        const QByteArray overPrefix = varint(static_cast<std::uint64_t>(cap) + 1);
        stream += overPrefix;
        for (qsizetype i = 0; i + 1 < stream.size(); ++i)
            QVERIFY(decoder.feed(QByteArrayView(stream).sliced(i, 1), collected.sink()));
        QCOMPARE(decoder.pendingBytes(), std::size_t(overPrefix.size() - 1));
        QVERIFY(!decoder.feed(QByteArrayView(stream).last(1), collected.sink()));
        QCOMPARE(decoder.error(), FrameError::OversizedFrame);
        QCOMPARE(collected.frames.size(), std::size_t(1));
        QCOMPARE(decoder.framesDecoded(), std::uint64_t(1));
        QVERIFY(decoder.pendingBytes() <= std::size_t(framing::kMaxVarintBytes));
        QVERIFY2(decoder.errorString().contains(QLatin1String("frame 2")),
                 qPrintable(decoder.errorString()));
        QVERIFY2(decoder.errorString().contains(QString::number(cap + 1)),
                 qPrintable(decoder.errorString()));
    }
}

void TestFrameLimits::hugeAnnouncementRefusedAfterPrefixOnly()
{
    // 2^40 bytes announced: the decoder must refuse on the prefix, holding no payload.
    const QByteArray prefix = varint(std::uint64_t(1) << 40);
    QCOMPARE(prefix.toHex(' '), QByteArray("80 80 80 80 80 20"));

    FrameDecoder decoder;
    Collector collected;
    QVERIFY(decoder.feed(framing::encodeFrame(helloEnvelope()), collected.sink()));
    for (qsizetype i = 0; i + 1 < prefix.size(); ++i) {
        QVERIFY(decoder.feed(QByteArrayView(prefix).sliced(i, 1), collected.sink()));
        QCOMPARE(decoder.pendingBytes(), std::size_t(i + 1));
    }
    QVERIFY(!decoder.feed(QByteArrayView(prefix).last(1), collected.sink()));
    QCOMPARE(decoder.error(), FrameError::OversizedFrame);
    QCOMPARE(collected.frames.size(), std::size_t(1));
    QVERIFY(decoder.pendingBytes() <= std::size_t(framing::kMaxVarintBytes));
    QVERIFY2(decoder.errorString().contains(QLatin1String("frame 2")), qPrintable(decoder.errorString()));
    QVERIFY2(decoder.errorString().contains(QLatin1String("1099511627776")),
             qPrintable(decoder.errorString()));

    // The rest of the "payload" is not looked at.
    QVERIFY(!decoder.feed(QByteArray(64 * 1024, 'x'), collected.sink()));
    QVERIFY(decoder.pendingBytes() <= std::size_t(framing::kMaxVarintBytes));
    QCOMPARE(collected.frames.size(), std::size_t(1));
}

void TestFrameLimits::capIsClampedToInt()
{
    const FrameDecoder decoder(std::size_t(1) << 40);
    QCOMPARE(decoder.maxFrameBytes(), std::size_t(INT_MAX));
}

void TestFrameLimits::varintLimits_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<FrameError>("error");
    QTest::addColumn<int>("failsAtByte"); // 1-based, -1: never fails
    QTest::addColumn<int>("frames");

    QTest::newRow("eleven 0x80") << repeated(0x80, 11) << FrameError::OverlongVarint << 10 << 0;
    QTest::newRow("tenth byte 0x02") << repeated(0x80, 9) + bytes({0x02})
                                     << FrameError::OverlongVarint << 10 << 0;
    QTest::newRow("tenth byte 0x7f") << repeated(0xFF, 9) + bytes({0x7F})
                                     << FrameError::OverlongVarint << 10 << 0;
    QTest::newRow("tenth byte 0x81") << repeated(0x80, 9) + bytes({0x81, 0x00})
                                     << FrameError::OverlongVarint << 10 << 0;
    QTest::newRow("after a frame") << bytes({0x00}) + repeated(0x80, 11)
                                   << FrameError::OverlongVarint << 11 << 1;
    // Ten bytes and 64 bits are still a varint: the cap refuses it, not the varint rule.
    QTest::newRow("2^64-1 in ten bytes") << repeated(0xFF, 9) + bytes({0x01})
                                         << FrameError::OversizedFrame << 10 << 0;
    QTest::newRow("2^63 in ten bytes") << repeated(0x80, 9) + bytes({0x01})
                                       << FrameError::OversizedFrame << 10 << 0;
    // A non-minimal encoding of zero is a valid varint: an empty frame.
    QTest::newRow("zero in ten bytes") << repeated(0x80, 9) + bytes({0x00})
                                       << FrameError::None << -1 << 1;
}

void TestFrameLimits::varintLimits()
{
    QFETCH(QByteArray, stream);
    QFETCH(FrameError, error);
    QFETCH(int, failsAtByte);
    QFETCH(int, frames);

    // Byte by byte: the failure must come at exactly the offending byte.
    FrameDecoder decoder;
    Collector collected;
    int failedAt = -1;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (!decoder.feed(QByteArrayView(stream).sliced(i, 1), collected.sink())) {
            failedAt = int(i + 1);
            break;
        }
    }
    QCOMPARE(failedAt, failsAtByte);
    QCOMPARE(decoder.error(), error);
    QCOMPARE(collected.frames.size(), std::size_t(frames));
    QVERIFY(decoder.pendingBytes() <= std::size_t(framing::kMaxVarintBytes));

    // All at once: same outcome.
    FrameDecoder whole;
    Collector wholeCollected;
    QCOMPARE(whole.feed(stream, wholeCollected.sink()), error == FrameError::None);
    QCOMPARE(whole.error(), error);
    QCOMPARE(wholeCollected.frames.size(), std::size_t(frames));
    if (error != FrameError::None) {
        const QString expected = QStringLiteral("frame %1").arg(frames + 1);
        QVERIFY2(whole.errorString().contains(expected), qPrintable(whole.errorString()));
    }
}

void TestFrameLimits::finishReportsTruncation_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<FrameError>("error");
    QTest::addColumn<int>("frames");
    QTest::addColumn<QString>("message");

    const QByteArray hello = framing::encodeFrame(helloEnvelope());
    const QByteArray tick = framing::encodeFrame(tickEnvelope());
    const QByteArray bigTick = framing::encodeFrame(envelopeOfSize(1000));

    QTest::newRow("clean end") << hello + tick << FrameError::None << 2 << QString();
    QTest::newRow("nothing at all") << QByteArray() << FrameError::None << 0 << QString();
    QTest::newRow("inside first prefix") << bytes({0x80}) << FrameError::TruncatedVarint << 0
                                         << QStringLiteral("frame 1");
    QTest::newRow("inside a two-byte prefix") << hello + tick + bigTick.left(1)
                                              << FrameError::TruncatedVarint << 2
                                              << QStringLiteral("frame 3");
    QTest::newRow("prefix complete, no payload") << hello + bigTick.left(2)
                                                 << FrameError::TruncatedFrame << 1
                                                 << QStringLiteral("after 0 of 1000 bytes of frame 2");
    QTest::newRow("inside a payload") << hello + bigTick.chopped(1) << FrameError::TruncatedFrame << 1
                                      << QStringLiteral("after 999 of 1000 bytes of frame 2");
}

void TestFrameLimits::finishReportsTruncation()
{
    QFETCH(QByteArray, stream);
    QFETCH(FrameError, error);
    QFETCH(int, frames);
    QFETCH(QString, message);

    FrameDecoder decoder;
    Collector collected;
    QVERIFY(decoder.feed(stream, collected.sink()));
    QCOMPARE(decoder.error(), FrameError::None);
    QCOMPARE(decoder.finish(), error == FrameError::None);
    QCOMPARE(decoder.error(), error);
    QCOMPARE(collected.frames.size(), std::size_t(frames));
    if (!message.isEmpty())
        QVERIFY2(decoder.errorString().contains(message), qPrintable(decoder.errorString()));
    else
        QVERIFY(decoder.errorString().isEmpty());
}

void TestFrameLimits::undecodablePayload_data()
{
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("wire type 6") << bytes({0x0E, 0x01});
    QTest::newRow("wire type 7") << bytes({0x0F});
    QTest::newRow("truncated length-delimited field") << bytes({0x52, 0x05, 0x08, 0x01});
    QTest::newRow("field number 0, varint") << bytes({0x00, 0x01});
    QTest::newRow("field number 0, length-delimited") << bytes({0x02, 0x00});
    QTest::newRow("end group without start") << bytes({0x0C});
    QTest::newRow("truncated varint field") << bytes({0x08, 0x80});
    QTest::newRow("over-long varint field") << bytes({0x08}) + repeated(0xFF, 10) + bytes({0x01});
    // hello.user = "\xff": proto3 strings must be UTF-8.
    QTest::newRow("invalid UTF-8 string") << bytes({0x52, 0x03, 0x12, 0x01, 0xFF});
}

void TestFrameLimits::undecodablePayload()
{
    QFETCH(QByteArray, payload);

    {   // The payload really is not an Envelope.
        v1::Envelope probe;
        QVERIFY(!probe.ParseFromArray(payload.constData(), static_cast<int>(payload.size())));
    }

    const QByteArray before = framing::encodeFrame(seqEnvelope(1)) + framing::encodeFrame(tickEnvelope());
    const QByteArray after = framing::encodeFrame(seqEnvelope(4));
    const QByteArray stream = before + rawFrame(payload) + after;

    for (const bool byteByByte : {false, true}) {
        const QByteArray mode = byteByByte ? "byte by byte" : "all at once";
        FrameDecoder decoder;
        Collector collected;
        bool ok = true;
        if (byteByByte) {
            for (qsizetype i = 0; i < stream.size() && ok; ++i)
                ok = decoder.feed(QByteArrayView(stream).sliced(i, 1), collected.sink());
        } else {
            ok = decoder.feed(stream, collected.sink());
        }
        QVERIFY2(!ok, mode.constData());
        QCOMPARE(decoder.error(), FrameError::Undecodable);
        QCOMPARE(collected.frames.size(), std::size_t(2));
        QCOMPARE(decoder.framesDecoded(), std::uint64_t(2));
        QCOMPARE(collected.frames[0].seq(), std::uint64_t(1));
        QVERIFY(sameEnvelope(collected.frames[1], tickEnvelope()));
        QVERIFY2(decoder.errorString().contains(QLatin1String("frame 3")), qPrintable(decoder.errorString()));
        QVERIFY2(decoder.errorString().contains(QStringLiteral("(%1 bytes)").arg(payload.size())),
                 qPrintable(decoder.errorString()));
        QCOMPARE(decoder.pendingBytes(), std::size_t(0));
        QVERIFY(!decoder.finish());
        QCOMPARE(decoder.error(), FrameError::Undecodable);
    }
}

void TestFrameLimits::staysFailedAfterError()
{
    FrameDecoder decoder(64);
    Collector collected;
    QVERIFY(!decoder.feed(varint(65), collected.sink()));
    QCOMPARE(decoder.error(), FrameError::OversizedFrame);
    const QString message = decoder.errorString();
    QVERIFY(!message.isEmpty());

    // Valid frames afterwards are not decoded: the stream cannot be resynchronised.
    QVERIFY(!decoder.feed(framing::encodeFrame(helloEnvelope()), collected.sink()));
    QVERIFY(!decoder.feed(bytes({0x00}), collected.sink()));
    QVERIFY(!decoder.feed(QByteArrayView(), collected.sink()));
    QVERIFY(!decoder.finish());
    QVERIFY(decoder.failed());
    QCOMPARE(decoder.error(), FrameError::OversizedFrame);
    QCOMPARE(decoder.errorString(), message);
    QCOMPARE(collected.frames.size(), std::size_t(0));
    QCOMPARE(decoder.framesDecoded(), std::uint64_t(0));
}

void TestFrameLimits::frameErrorNames_data()
{
    QTest::addColumn<FrameError>("error");
    QTest::addColumn<QString>("name");

    QTest::newRow("none") << FrameError::None << QStringLiteral("none");
    QTest::newRow("oversized") << FrameError::OversizedFrame << QStringLiteral("oversized frame");
    QTest::newRow("overlong") << FrameError::OverlongVarint << QStringLiteral("over-long length prefix");
    QTest::newRow("truncated varint") << FrameError::TruncatedVarint << QStringLiteral("truncated length prefix");
    QTest::newRow("truncated frame") << FrameError::TruncatedFrame << QStringLiteral("truncated frame");
    QTest::newRow("undecodable") << FrameError::Undecodable << QStringLiteral("undecodable payload");
}

void TestFrameLimits::frameErrorNames()
{
    QFETCH(FrameError, error);
    QFETCH(QString, name);
    QCOMPARE(framing::frameErrorName(error), name);
}

QTEST_APPLESS_MAIN(TestFrameLimits)
#include "tst_framelimits.moc"
