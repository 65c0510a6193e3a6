#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace sitroom::framing {

// The largest frame a peer may send unless configured otherwise.
inline constexpr std::size_t kDefaultMaxFrameBytes = 1024 * 1024;
// A 64-bit varint never needs more than ten bytes.
inline constexpr int kMaxVarintBytes = 10;

enum class FrameError {
    None,
    OversizedFrame,   // the length prefix exceeds the cap
    OverlongVarint,   // more than ten bytes, or a value past 64 bits
    TruncatedVarint,  // the stream ended inside a length prefix
    TruncatedFrame,   // the stream ended inside a payload
    Undecodable,      // the payload is not an Envelope
};

// Appends one frame (varint length + serialised envelope) to out.
void appendFrame(QByteArray &out, const sitroom::v1::Envelope &envelope);
QByteArray encodeFrame(const sitroom::v1::Envelope &envelope);

// Incremental decoder for a byte stream as TCP delivers it: bytes may be split
// anywhere. The length is checked against the cap before any buffer for the
// payload is reserved. After an error the decoder stays failed: the stream
// cannot be resynchronised and the connection should be closed.
class FrameDecoder final
{
public:
    using FrameSink = std::function<void(sitroom::v1::Envelope &)>;

    explicit FrameDecoder(std::size_t maxFrameBytes = kDefaultMaxFrameBytes);

    // Consumes bytes and calls sink once per complete frame, in order. The
    // envelope passed to sink is reused afterwards; move or swap out of it to
    // keep it. Returns false once the stream is known to be bad.
    bool feed(QByteArrayView bytes, const FrameSink &sink);

    // Call when the stream has ended: an unfinished frame or length prefix is
    // an error then. Returns false on error.
    bool finish();

    bool failed() const { return m_error != FrameError::None; }
    FrameError error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    std::size_t maxFrameBytes() const { return m_maxFrameBytes; }
    // Bytes of the current unfinished frame held so far (prefix or payload).
    std::size_t pendingBytes() const;
    std::uint64_t framesDecoded() const { return m_framesDecoded; }

private:
    bool fail(FrameError error, QString message);
    bool decodePayload(const char *data, std::size_t size, const FrameSink &sink);

    std::size_t m_maxFrameBytes;
    // Length prefix being read.
    std::uint64_t m_length = 0;
    int m_lengthBytes = 0;
    bool m_readingPayload = false;
    // Payload bytes received so far for a frame split across feeds.
    QByteArray m_payload;
    sitroom::v1::Envelope m_envelope;
    std::uint64_t m_framesDecoded = 0;
    FrameError m_error = FrameError::None;
    QString m_errorString;
};

QString frameErrorName(FrameError error);

} // namespace sitroom::framing
