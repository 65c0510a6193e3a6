#include "server/livesystem/ControlSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace sitroom::livesystem {

QByteArray controlSignature(QByteArrayView secret, QByteArrayView body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toByteArray());
    mac.addData(body.data(), body.size());
    QByteArray signature = QByteArrayLiteral("sha256=");
    signature += mac.result().toHex();
    return signature;
}

bool verifyControlSignature(QByteArrayView secret, QByteArrayView body, QByteArrayView header)
{
    const QByteArray expected = controlSignature(secret, body);
    // A length mismatch says nothing about the secret: the length is public.
    if (header.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ header[i]);
    return difference == 0;
}

} // namespace sitroom::livesystem
