// FrameCodec: varint-length framing of Envelopes over a byte stream; frames
// as they should be, whole, split anywhere or a byte at a time. The limits
// and malformed input: tst_framelimits.
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

class TestFrameCodec final : public QObject
{
    Q_OBJECT

private slots:
    void encodesKnownBytes_data();
    void encodesKnownBytes();
    void appendFrameAppends();
    void roundTrip_data();
    void roundTrip();
    void splitAtEveryPoint();
    void byteByByte();
};

void TestFrameCodec::encodesKnownBytes_data()
{
    QTest::addColumn<QByteArray>("payload"); // a serialised Envelope
    QTest::addColumn<QByteArray>("frame");

    QTest::newRow("empty envelope = zero-length frame") << QByteArray() << bytes({0x00});
    v1::Envelope seq;
    seq.set_seq(1);
    QTest::newRow("seq 1") << serialised(seq) << bytes({0x02, 0x08, 0x01});

    v1::Envelope ping;
    ping.mutable_ping()->set_nonce(1);
    // field 14, length-delimited = 0x72; Ping.nonce = 1 is 08 01.
    QTest::newRow("ping nonce 1") << serialised(ping) << bytes({0x04, 0x72, 0x02, 0x08, 0x01});

    const v1::Envelope big = envelopeOfSize(300);
    QTest::newRow("300 bytes, two-byte prefix")
        << serialised(big) << bytes({0xAC, 0x02}) + serialised(big);
}

void TestFrameCodec::encodesKnownBytes()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, frame);

    v1::Envelope envelope;
    QVERIFY(envelope.ParseFromArray(payload.constData(), static_cast<int>(payload.size())));
    QCOMPARE(framing::encodeFrame(envelope).toHex(' '), frame.toHex(' '));
}

void TestFrameCodec::appendFrameAppends()
{
    QByteArray out("head");
    framing::appendFrame(out, seqEnvelope(1));
    framing::appendFrame(out, v1::Envelope());
    const QByteArray expected = QByteArray("head") + rawFrame(serialised(seqEnvelope(1))) + bytes({0x00});
    QCOMPARE(out.toHex(' '), expected.toHex(' '));
}

void TestFrameCodec::roundTrip_data()
{
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("hello") << serialised(helloEnvelope());
    QTest::newRow("tick with history columns") << serialised(tickEnvelope());
    QTest::newRow("empty envelope") << QByteArray();
    QTest::newRow("ping") << serialised(pingEnvelope(0xFFFF'FFFF'FFFF'FFFFull));
}

void TestFrameCodec::roundTrip()
{
    QFETCH(QByteArray, payload);

    v1::Envelope sent;
    QVERIFY(sent.ParseFromArray(payload.constData(), static_cast<int>(payload.size())));
    const QByteArray frame = framing::encodeFrame(sent);
    QCOMPARE(frame.size(), varint(static_cast<std::uint64_t>(payload.size())).size() + payload.size());

    FrameDecoder decoder;
    Collector collected;
    QVERIFY(decoder.feed(frame, collected.sink()));
    QCOMPARE(collected.frames.size(), std::size_t(1));
    QVERIFY2(sameEnvelope(collected.frames[0], sent), mismatch(collected.frames[0], sent).constData());
    QCOMPARE(serialised(collected.frames[0]).toHex(), payload.toHex());
    QCOMPARE(decoder.framesDecoded(), std::uint64_t(1));
    QCOMPARE(decoder.pendingBytes(), std::size_t(0));
    QVERIFY(decoder.finish());
    QCOMPARE(decoder.error(), FrameError::None);
    QVERIFY(decoder.errorString().isEmpty());
}

void TestFrameCodec::splitAtEveryPoint()
{
    const std::vector<v1::Envelope> sent = {helloEnvelope(), tickEnvelope(), v1::Envelope(),
                                            pingEnvelope(99), v1::Envelope(), seqEnvelope(300)};
    QByteArray stream;
    for (const auto &envelope : sent)
        framing::appendFrame(stream, envelope);
    const auto layout = layoutOf(sent);
    QCOMPARE(layout.back().end, stream.size());

    for (qsizetype split = 0; split <= stream.size(); ++split) {
        const QByteArray where = "split at " + QByteArray::number(split);
        FrameDecoder decoder;
        Collector collected;
        QVERIFY2(decoder.feed(QByteArrayView(stream).first(split), collected.sink()), where.constData());
        std::size_t completeBefore = 0;
        for (const auto &frame : layout)
            completeBefore += frame.end <= split ? 1 : 0;
        QVERIFY2(collected.frames.size() == completeBefore, where.constData());
        QVERIFY2(decoder.pendingBytes() == expectedPending(layout, split),
                 QByteArray(where + " pending " + QByteArray::number(decoder.pendingBytes())).constData());

        QVERIFY2(decoder.feed(QByteArrayView(stream).sliced(split), collected.sink()), where.constData());
        QVERIFY2(decoder.finish(), where.constData());
        QVERIFY2(collected.frames.size() == sent.size(), where.constData());
        for (std::size_t i = 0; i < sent.size(); ++i) {
            QVERIFY2(sameEnvelope(collected.frames[i], sent[i]),
                     QByteArray(where + ": " + mismatch(collected.frames[i], sent[i])).constData());
        }
        QCOMPARE(decoder.framesDecoded(), std::uint64_t(sent.size()));
    }
}

void TestFrameCodec::byteByByte()
{
    const std::vector<v1::Envelope> sent = {tickEnvelope(), v1::Envelope(), helloEnvelope(),
                                            envelopeOfSize(200)};
    QByteArray stream;
    for (const auto &envelope : sent)
        framing::appendFrame(stream, envelope);
    const auto layout = layoutOf(sent);

    FrameDecoder decoder;
    Collector collected;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        QVERIFY(decoder.feed(QByteArrayView(stream).sliced(i, 1), collected.sink()));
        std::size_t complete = 0;
        for (const auto &frame : layout)
            complete += frame.end <= i + 1 ? 1 : 0;
        QCOMPARE(collected.frames.size(), complete);
        QCOMPARE(decoder.pendingBytes(), expectedPending(layout, i + 1));
    }
    QVERIFY(decoder.finish());
    QCOMPARE(collected.frames.size(), sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i)
        QVERIFY2(sameEnvelope(collected.frames[i], sent[i]), mismatch(collected.frames[i], sent[i]).constData());
}

QTEST_APPLESS_MAIN(TestFrameCodec)
#include "tst_framecodec.moc"
