#include "proto/framing/FrameCodec.h"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>
#include <utility>
#include <climits>

namespace sitroom::framing {

void appendFrame(QByteArray &out, const sitroom::v1::Envelope &envelope)
{
    const std::size_t size = envelope.ByteSizeLong();
    const auto prefix = static_cast<qsizetype>(
        google::protobuf::io::CodedOutputStream::VarintSize64(size));
    const qsizetype start = out.size();
    out.resize(start + prefix + static_cast<qsizetype>(size));
    auto *cursor = reinterpret_cast<std::uint8_t *>(out.data() + start);
    cursor = google::protobuf::io::CodedOutputStream::WriteVarint64ToArray(size, cursor);
    envelope.SerializeWithCachedSizesToArray(cursor);
}

QByteArray encodeFrame(const sitroom::v1::Envelope &envelope)
{
    QByteArray out;
    appendFrame(out, envelope);
    return out;
}

FrameDecoder::FrameDecoder(std::size_t maxFrameBytes)
    // ParseFromArray takes an int: a cap beyond that could never be honoured.
    : m_maxFrameBytes(std::min<std::size_t>(maxFrameBytes, INT_MAX))
{
}

std::size_t FrameDecoder::pendingBytes() const
{
    return m_readingPayload ? static_cast<std::size_t>(m_payload.size())
                            : static_cast<std::size_t>(m_lengthBytes);
}

bool FrameDecoder::fail(FrameError error, QString message)
{
    m_error = error;
    m_errorString = std::move(message);
    m_payload = QByteArray();
    return false;
}

bool FrameDecoder::decodePayload(const char *data, std::size_t size, const FrameSink &sink)
{
    if (!m_envelope.ParseFromArray(data, static_cast<int>(size))) {
        return fail(FrameError::Undecodable,
                    QStringLiteral("frame %1 (%2 bytes) is not a valid Envelope")
                        .arg(m_framesDecoded + 1)
                        .arg(size));
    }
    // Ready for the next prefix before handing the frame out.
    m_readingPayload = false;
    m_length = 0;
    m_lengthBytes = 0;
    ++m_framesDecoded;
    sink(m_envelope);
    return true;
}

bool FrameDecoder::feed(QByteArrayView bytes, const FrameSink &sink)
{
    if (failed())
        return false;

    const char *data = bytes.data();
    const std::size_t size = static_cast<std::size_t>(bytes.size());
    std::size_t pos = 0;

    while (pos < size) {
        if (!m_readingPayload) {
            const auto byte = static_cast<std::uint8_t>(data[pos++]);
            // The tenth byte holds bit 63 only; anything more is not a 64-bit varint.
            if (m_lengthBytes == kMaxVarintBytes - 1 && (byte & 0xFE) != 0) {
                return fail(FrameError::OverlongVarint,
                            QStringLiteral("length prefix of frame %1 is longer than %2 bytes or past 64 bits")
                                .arg(m_framesDecoded + 1)
                                .arg(kMaxVarintBytes));
            }
            m_length |= std::uint64_t(byte & 0x7F) << (7 * m_lengthBytes);
            ++m_lengthBytes;
            if (byte & 0x80)
                continue;

            if (m_length > m_maxFrameBytes) {
                return fail(FrameError::OversizedFrame,
                            QStringLiteral("frame %1 announces %2 bytes, over the %3-byte cap")
                                .arg(m_framesDecoded + 1)
                                .arg(m_length)
                                .arg(m_maxFrameBytes));
            }
            m_readingPayload = true;
            if (m_length == 0 && !decodePayload(data, 0, sink))
                return false;
            continue;
        }

        const std::size_t length = static_cast<std::size_t>(m_length);
        const std::size_t available = size - pos;
        if (m_payload.isEmpty() && available >= length) {
            // The whole payload is in this chunk: parse it where it lies.
            const char *payload = data + pos;
            pos += length;
            if (!decodePayload(payload, length, sink))
                return false;
            continue;
        }

        if (m_payload.isEmpty())
            m_payload.reserve(static_cast<qsizetype>(length)); // bounded by the cap checked above
        const std::size_t missing = length - static_cast<std::size_t>(m_payload.size());
        const std::size_t take = std::min(missing, available);
        m_payload.append(data + pos, static_cast<qsizetype>(take));
        pos += take;
        if (static_cast<std::size_t>(m_payload.size()) == length) {
            const QByteArray payload = std::exchange(m_payload, QByteArray());
            if (!decodePayload(payload.constData(), length, sink))
                return false;
        }
    }
    return true;
}

bool FrameDecoder::finish()
{
    if (failed())
        return false;
    if (!m_readingPayload && m_lengthBytes > 0) {
        return fail(FrameError::TruncatedVarint,
                    QStringLiteral("stream ended inside the length prefix of frame %1")
                        .arg(m_framesDecoded + 1));
    }
    if (m_readingPayload) {
        return fail(FrameError::TruncatedFrame,
                    QStringLiteral("stream ended after %1 of %2 bytes of frame %3")
                        .arg(m_payload.size())
                        .arg(m_length)
                        .arg(m_framesDecoded + 1));
    }
    return true;
}

QString frameErrorName(FrameError error)
{
    switch (error) {
    case FrameError::None: return QStringLiteral("none");
    case FrameError::OversizedFrame: return QStringLiteral("oversized frame");
    case FrameError::OverlongVarint: return QStringLiteral("over-long length prefix");
    case FrameError::TruncatedVarint: return QStringLiteral("truncated length prefix");
    case FrameError::TruncatedFrame: return QStringLiteral("truncated frame");
    case FrameError::Undecodable: return QStringLiteral("undecodable payload");
    }
    return QStringLiteral("unknown");
}

} // namespace sitroom::framing
