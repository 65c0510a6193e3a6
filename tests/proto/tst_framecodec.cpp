// FrameCodec: varint-length framing of Envelopes over a byte stream.

#include "proto/framing/FrameCodec.h"

#include <QTest>

#include <google/protobuf/util/message_differencer.h>

#include <climits>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

using sitroom::framing::FrameDecoder;
using sitroom::framing::FrameError;
namespace framing = sitroom::framing;
namespace v1 = sitroom::v1;

namespace sitroom::framing {
// Found by QTest through argument-dependent lookup: readable QCOMPARE failures.
char *toString(const FrameError &error)
{
    return qstrdup(frameErrorName(error).toUtf8().constData());
}
} // namespace sitroom::framing

Q_DECLARE_METATYPE(sitroom::framing::FrameError)

namespace {

QByteArray varint(std::uint64_t value)
{
    QByteArray out;
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
    return out;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int value : values)
        out.append(static_cast<char>(value));
    return out;
}

QByteArray repeated(int value, int count)
{
    return QByteArray(count, static_cast<char>(value));
}

// A frame around any payload, valid Envelope or not.
QByteArray rawFrame(const QByteArray &payload)
{
    return varint(static_cast<std::uint64_t>(payload.size())) + payload;
}

QByteArray serialised(const v1::Envelope &envelope)
{
    const std::string text = envelope.SerializeAsString();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

v1::Envelope helloEnvelope()
{
    v1::Envelope envelope;
    envelope.set_seq(7);
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(v1::PROTOCOL_VERSION_1);
    hello->set_user("operator");
    hello->set_site(v1::SITE_OSONG);
    hello->set_client_name("tst_framecodec");
    hello->set_client_version("0.1.0");
    return envelope;
}

v1::Envelope tickEnvelope()
{
    v1::Envelope envelope;
    envelope.set_seq(42);
    envelope.set_server_time_ms(1'617'000'000'000);
    envelope.set_sim_time_ms(1'617'000'123'000);
    auto *tick = envelope.mutable_tick();
    auto *state = tick->mutable_state();
    state->set_sim_time_ms(1'617'000'123'000);
    state->mutable_admission()->set_queue_depth(120'000);
    state->mutable_admission()->set_admitted_per_s(850.5);
    auto *provider = state->add_providers();
    provider->set_id("kakao");
    provider->set_light(v1::LIGHT_YELLOW);
    provider->set_p95_latency_ms(1840.0);

    auto *history = tick->mutable_samples();
    history->set_first_time_ms(1'617'000'120'000);
    history->set_step_ms(1000);
    auto *series = history->add_providers();
    series->set_id("kakao");
    for (int i = 0; i < 3; ++i) {
        history->add_queue_depth(119'000 + 500 * i);
        history->add_arrivals_per_s(1200.0f + i);
        history->add_admitted_per_s(850.0f);
        history->add_abandoned_per_s(12.5f * i);
        history->add_bookings_per_s(300.0f);
        history->add_auth_attempts_per_s(900.0f);
        history->add_backend_utilization(0.93f);
        history->add_rate_limit_per_s(850.0f);
        series->add_light(i == 2 ? v1::LIGHT_YELLOW : v1::LIGHT_GREEN);
        series->add_p95_latency_ms(900.0f * (i + 1));
        series->add_error_rate(0.01f * i);
        series->add_requests_per_s(400.0f);
    }
    return envelope;
}

v1::Envelope pingEnvelope(std::uint64_t nonce)
{
    v1::Envelope envelope;
    envelope.set_seq(3);
    envelope.mutable_ping()->set_nonce(nonce);
    envelope.mutable_ping()->set_client_time_ms(1'700'000'000'000);
    return envelope;
}

v1::Envelope seqEnvelope(std::uint64_t seq)
{
    v1::Envelope envelope;
    envelope.set_seq(seq);
    envelope.mutable_heartbeat()->set_source_idle(seq % 2 == 0);
    return envelope;
}

// An envelope whose serialisation is exactly size bytes (size 0 or >= 4): a
// padded Refusal.reason, topped up with a seq of the right varint length where
// the reason's length prefix jumps a byte.
v1::Envelope envelopeOfSize(std::size_t size)
{
    v1::Envelope envelope;
    for (std::size_t pad = size; size > 0; --pad) {
        envelope.Clear();
        envelope.mutable_refusal()->set_reason(std::string(pad, 'x'));
        const std::size_t actual = envelope.ByteSizeLong();
        if (actual > size)
            continue;
        const std::size_t missing = size - actual;
        if (missing >= 2 && missing <= 11)
            envelope.set_seq(std::uint64_t(1) << (7 * (missing - 2))); // tag + (missing - 1) bytes
        if (missing == 0 || (missing >= 2 && missing <= 11) || pad == 0)
            break;
    }
    return envelope;
}

bool sameEnvelope(const v1::Envelope &a, const v1::Envelope &b)
{
    return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

QByteArray mismatch(const v1::Envelope &actual, const v1::Envelope &expected)
{
    return QByteArray("got ") + QByteArray::fromStdString(actual.ShortDebugString())
        + QByteArray(", expected ") + QByteArray::fromStdString(expected.ShortDebugString());
}

// Keeps every frame the decoder delivers.
struct Collector
{
    std::vector<v1::Envelope> frames;
    FrameDecoder::FrameSink sink()
    {
        return [this](v1::Envelope &envelope) {
            frames.emplace_back();
            frames.back().Swap(&envelope);
        };
    }
};

struct FrameLayout
{
    qsizetype start;
    qsizetype payloadStart;
    qsizetype end;
};

std::vector<FrameLayout> layoutOf(const std::vector<v1::Envelope> &envelopes)
{
    std::vector<FrameLayout> layout;
    qsizetype pos = 0;
    for (const auto &envelope : envelopes) {
        const auto size = static_cast<qsizetype>(envelope.ByteSizeLong());
        const qsizetype prefix = varint(static_cast<std::uint64_t>(size)).size();
        layout.push_back({pos, pos + prefix, pos + prefix + size});
        pos += prefix + size;
    }
    return layout;
}

// What pendingBytes() must say after the first `split` bytes of the stream:
// prefix bytes read while in a prefix, payload bytes read while in a payload.
std::size_t expectedPending(const std::vector<FrameLayout> &layout, qsizetype split)
{
    for (const auto &frame : layout) {
        if (split <= frame.start || split >= frame.end)
            continue;
        return static_cast<std::size_t>(split < frame.payloadStart ? split - frame.start
                                                                   : split - frame.payloadStart);
    }
    return 0;
}

} // namespace

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

void TestFrameCodec::frameAtCapAcceptedOneOverRefused_data()
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

void TestFrameCodec::frameAtCapAcceptedOneOverRefused()
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

void TestFrameCodec::hugeAnnouncementRefusedAfterPrefixOnly()
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

void TestFrameCodec::capIsClampedToInt()
{
    const FrameDecoder decoder(std::size_t(1) << 40);
    QCOMPARE(decoder.maxFrameBytes(), std::size_t(INT_MAX));
}

void TestFrameCodec::varintLimits_data()
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

void TestFrameCodec::varintLimits()
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

void TestFrameCodec::finishReportsTruncation_data()
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

void TestFrameCodec::finishReportsTruncation()
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

void TestFrameCodec::undecodablePayload_data()
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

void TestFrameCodec::undecodablePayload()
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

void TestFrameCodec::staysFailedAfterError()
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

void TestFrameCodec::frameErrorNames_data()
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

void TestFrameCodec::frameErrorNames()
{
    QFETCH(FrameError, error);
    QFETCH(QString, name);
    QCOMPARE(framing::frameErrorName(error), name);
}

QTEST_APPLESS_MAIN(TestFrameCodec)

#include "tst_framecodec.moc"
