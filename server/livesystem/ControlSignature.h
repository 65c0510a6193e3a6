#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace sitroom::livesystem {

// "sha256=" + lowercase hex of HMAC-SHA256(secret, body): the value of the
// X-Sitroom-Signature header a gateway sends with each control request.
QByteArray controlSignature(QByteArrayView secret, QByteArrayView body);

// True when `header` is the signature of `body` under `secret`. The
// comparison takes the same time wherever the first wrong byte is, so a
// caller cannot find a valid signature byte by byte.
bool verifyControlSignature(QByteArrayView secret, QByteArrayView body, QByteArrayView header);

} // namespace sitroom::livesystem
