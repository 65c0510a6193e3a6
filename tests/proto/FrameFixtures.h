#pragma once

// Frames and Envelopes for the FrameCodec tests: known bytes, typical
// envelopes (a Hello, a Tick with history), envelopes of an exact size, and
// where each frame of a stream starts and ends.

#include "proto/framing/FrameCodec.h"

#include <QByteArray>
#include <QTest>

#include <google/protobuf/util/message_differencer.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace sitroom::framing {
// Found by QTest through argument-dependent lookup: readable QCOMPARE failures.
inline char *toString(const FrameError &error)
{
    return qstrdup(frameErrorName(error).toUtf8().constData());
}
} // namespace sitroom::framing

Q_DECLARE_METATYPE(sitroom::framing::FrameError)

namespace sitroom::testing {

inline QByteArray varint(std::uint64_t value)
{
    QByteArray out;
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
    return out;
}

inline QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int value : values)
        out.append(static_cast<char>(value));
    return out;
}

inline QByteArray repeated(int value, int count)
{
    return QByteArray(count, static_cast<char>(value));
}

// A frame around any payload, valid Envelope or not.
inline QByteArray rawFrame(const QByteArray &payload)
{
    return varint(static_cast<std::uint64_t>(payload.size())) + payload;
}

inline QByteArray serialised(const v1::Envelope &envelope)
{
    const std::string text = envelope.SerializeAsString();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

inline v1::Envelope helloEnvelope()
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

inline v1::Envelope tickEnvelope()
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

inline v1::Envelope pingEnvelope(std::uint64_t nonce)
{
    v1::Envelope envelope;
    envelope.set_seq(3);
    envelope.mutable_ping()->set_nonce(nonce);
    envelope.mutable_ping()->set_client_time_ms(1'700'000'000'000);
    return envelope;
}

inline v1::Envelope seqEnvelope(std::uint64_t seq)
{
    v1::Envelope envelope;
    envelope.set_seq(seq);
    envelope.mutable_heartbeat()->set_source_idle(seq % 2 == 0);
    return envelope;
}

// An envelope whose serialisation is exactly size bytes (size 0 or >= 4): a
// padded Refusal.reason, topped up with a seq of the right varint length where
// the reason's length prefix jumps a byte.
inline v1::Envelope envelopeOfSize(std::size_t size)
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

inline bool sameEnvelope(const v1::Envelope &a, const v1::Envelope &b)
{
    return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

inline QByteArray mismatch(const v1::Envelope &actual, const v1::Envelope &expected)
{
    return QByteArray("got ") + QByteArray::fromStdString(actual.ShortDebugString())
        + QByteArray(", expected ") + QByteArray::fromStdString(expected.ShortDebugString());
}

// Keeps every frame the decoder delivers.
struct Collector
{
    std::vector<v1::Envelope> frames;
    framing::FrameDecoder::FrameSink sink()
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

inline std::vector<FrameLayout> layoutOf(const std::vector<v1::Envelope> &envelopes)
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
inline std::size_t expectedPending(const std::vector<FrameLayout> &layout, qsizetype split)
{
    for (const auto &frame : layout) {
        if (split <= frame.start || split >= frame.end)
            continue;
        return static_cast<std::size_t>(split < frame.payloadStart ? split - frame.start
                                                                   : split - frame.payloadStart);
    }
    return 0;
}

} // namespace sitroom::testing
