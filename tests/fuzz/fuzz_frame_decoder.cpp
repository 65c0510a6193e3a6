// Fuzz target for FrameDecoder: arbitrary bytes as a peer would send them.
//
// Input layout: byte 0 chooses the frame cap; bytes 1..3 are chunk sizes,
// used in turn, in which the rest (the stream) is fed (0 = the rest at once).
// Inputs shorter than four bytes are a stream fed whole with the default cap.
//
// Checks, each aborting on failure:
//  - pendingBytes() never exceeds the cap plus a maximal length prefix;
//  - feed() returns false exactly when the decoder has failed, and once failed
//    it delivers nothing more;
//  - the chunked decode and a one-piece decode of the same stream deliver the
//    same envelopes and end in the same error with the same message;
//  - every delivered envelope, re-serialised and framed, decodes to an equal
//    envelope (or is refused as oversized when re-serialising grew it past the
//    cap), and serialising it again gives the same bytes.

#include "proto/framing/FrameCodec.h"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/field_comparator.h>
#include <google/protobuf/util/message_differencer.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using sitroom::framing::FrameDecoder;
using sitroom::framing::FrameError;
namespace framing = sitroom::framing;
namespace v1 = sitroom::v1;

[[noreturn]] void fail(const char *what, int line)
{
    std::fprintf(stderr, "fuzz_frame_decoder: check failed at line %d: %s\n", line, what);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fail(#condition, __LINE__);                                                            \
    } while (false)

// Small caps make the oversize path reachable with small inputs.
constexpr std::size_t kCaps[] = {0, 1, 5, 16, 127, 128, 300, 4096};

std::size_t capFor(std::uint8_t selector)
{
    if ((selector & 0x80) == 0)
        return framing::kDefaultMaxFrameBytes;
    return kCaps[selector & 7];
}

struct Outcome
{
    std::vector<std::string> frames; // as re-serialised on delivery
    std::vector<v1::Envelope> envelopes;
    bool finished = false;
    FrameError error = FrameError::None;
    QString errorString;
};

bool equalEnvelopes(const v1::Envelope &a, const v1::Envelope &b)
{
    google::protobuf::util::DefaultFieldComparator comparator;
    comparator.set_treat_nan_as_equal(true);
    google::protobuf::util::MessageDifferencer differencer;
    differencer.set_field_comparator(&comparator);
    return differencer.Compare(a, b);
}

void checkInvariants(const FrameDecoder &decoder, std::size_t cap, std::size_t delivered)
{
    FUZZ_CHECK(decoder.pendingBytes() <= cap + framing::kMaxVarintBytes);
    FUZZ_CHECK(decoder.framesDecoded() == delivered);
    FUZZ_CHECK(decoder.failed() == (decoder.error() != FrameError::None));
    FUZZ_CHECK(decoder.failed() != decoder.errorString().isEmpty());
}

Outcome decode(const std::uint8_t *stream, std::size_t size, std::size_t cap,
               const std::uint8_t *chunkSizes, std::size_t chunkSizeCount)
{
    FrameDecoder decoder(cap);
    FUZZ_CHECK(decoder.maxFrameBytes() == cap);
    Outcome outcome;
    bool deliveredAfterFailure = false;
    const FrameDecoder::FrameSink sink = [&](v1::Envelope &envelope) {
        deliveredAfterFailure = deliveredAfterFailure || decoder.failed();
        outcome.frames.push_back(envelope.SerializeAsString());
        outcome.envelopes.emplace_back();
        outcome.envelopes.back().Swap(&envelope);
    };

    std::size_t pos = 0;
    std::size_t chunk = 0;
    do {
        std::size_t take = size - pos;
        if (chunkSizeCount > 0 && chunkSizes[chunk % chunkSizeCount] != 0)
            take = std::min<std::size_t>(take, chunkSizes[chunk % chunkSizeCount]);
        ++chunk;
        const bool wasFailed = decoder.failed();
        const std::size_t before = outcome.frames.size();
        const bool ok = decoder.feed(
            QByteArrayView(reinterpret_cast<const char *>(stream + pos), static_cast<qsizetype>(take)), sink);
        FUZZ_CHECK(ok == !decoder.failed());
        if (wasFailed)
            FUZZ_CHECK(outcome.frames.size() == before);
        checkInvariants(decoder, cap, outcome.frames.size());
        pos += take;
    } while (pos < size);
    FUZZ_CHECK(!deliveredAfterFailure);

    const bool failedBefore = decoder.failed();
    const FrameError errorBefore = decoder.error();
    outcome.finished = decoder.finish();
    FUZZ_CHECK(outcome.finished == !decoder.failed());
    if (failedBefore)
        FUZZ_CHECK(decoder.error() == errorBefore);
    checkInvariants(decoder, cap, outcome.frames.size());
    // After the stream has ended the only possible complaints are truncations.
    if (!failedBefore && decoder.failed()) {
        FUZZ_CHECK(decoder.error() == FrameError::TruncatedVarint
                   || decoder.error() == FrameError::TruncatedFrame);
    }
    // A failed decoder stays failed: an empty frame is not delivered.
    if (decoder.failed()) {
        bool called = false;
        FUZZ_CHECK(!decoder.feed(QByteArrayView("\0", 1), [&](v1::Envelope &) { called = true; }));
        FUZZ_CHECK(!called);
        FUZZ_CHECK(!decoder.finish());
        FUZZ_CHECK(decoder.error() != FrameError::None);
    }

    outcome.error = decoder.error();
    outcome.errorString = decoder.errorString();
    return outcome;
}

void checkRoundTrip(const v1::Envelope &envelope, const std::string &serialised, std::size_t cap)
{
    // Serialising is stable: what was produced parses back and re-serialises
    // to the same bytes.
    v1::Envelope reparsed;
    FUZZ_CHECK(reparsed.ParseFromString(serialised));
    FUZZ_CHECK(reparsed.SerializeAsString() == serialised);
    FUZZ_CHECK(equalEnvelopes(reparsed, envelope));

    // Framed and decoded again, in one piece and byte by byte.
    const QByteArray frame = framing::encodeFrame(envelope);
    for (const bool byteByByte : {false, true}) {
        FrameDecoder decoder(cap);
        std::vector<v1::Envelope> delivered;
        const FrameDecoder::FrameSink sink = [&](v1::Envelope &e) {
            delivered.emplace_back();
            delivered.back().Swap(&e);
        };
        bool ok = true;
        if (byteByByte) {
            for (qsizetype i = 0; i < frame.size() && ok; ++i)
                ok = decoder.feed(QByteArrayView(frame).sliced(i, 1), sink);
        } else {
            ok = decoder.feed(frame, sink);
        }
        if (serialised.size() > cap) {
            // Re-serialising may grow a message (e.g. a negative enum sent as
            // five bytes comes back as ten): then the cap must refuse it.
            FUZZ_CHECK(!ok);
            FUZZ_CHECK(decoder.error() == FrameError::OversizedFrame);
            FUZZ_CHECK(delivered.empty());
            continue;
        }
        FUZZ_CHECK(ok);
        FUZZ_CHECK(decoder.finish());
        FUZZ_CHECK(delivered.size() == 1);
        FUZZ_CHECK(equalEnvelopes(delivered.front(), envelope));
        FUZZ_CHECK(delivered.front().SerializeAsString() == serialised);
        FUZZ_CHECK(decoder.pendingBytes() == 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Invalid UTF-8 in a string field makes protobuf log an error for every
    // such input; the outcome is checked here, the log is noise.
    static const bool silenced = [] {
        google::protobuf::SetLogHandler(nullptr);
        return true;
    }();
    (void)silenced;

    std::size_t cap = framing::kDefaultMaxFrameBytes;
    const std::uint8_t *chunkSizes = nullptr;
    std::size_t chunkSizeCount = 0;
    const std::uint8_t *stream = data;
    std::size_t streamSize = size;
    if (size >= 4) {
        cap = capFor(data[0]);
        chunkSizes = data + 1;
        chunkSizeCount = 3;
        stream = data + 4;
        streamSize = size - 4;
    }

    const Outcome chunked = decode(stream, streamSize, cap, chunkSizes, chunkSizeCount);
    const Outcome whole = decode(stream, streamSize, cap, nullptr, 0);

    // Where the stream is cut must not change what it means.
    FUZZ_CHECK(chunked.frames == whole.frames);
    FUZZ_CHECK(chunked.error == whole.error);
    FUZZ_CHECK(chunked.errorString == whole.errorString);
    FUZZ_CHECK(chunked.finished == whole.finished);

    for (std::size_t i = 0; i < whole.envelopes.size(); ++i)
        checkRoundTrip(whole.envelopes[i], whole.frames[i], cap);
    return 0;
}
