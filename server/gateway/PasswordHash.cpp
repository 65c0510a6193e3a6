#include "server/gateway/PasswordHash.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

namespace sitroom::gateway::PasswordHash {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
constexpr int kMaximumIterations = 10000000;

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool parse(const QString &encoded, Parsed *out, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts[0] != QLatin1String("pbkdf2-sha256"))
        return fail(QStringLiteral("must be pbkdf2-sha256$<iterations>$<salt>$<key>"));
    bool ok = false;
    out->iterations = parts[1].toInt(&ok);
    if (!ok || out->iterations < kMinimumIterations || out->iterations > kMaximumIterations)
        return fail(QStringLiteral("iterations must be a whole number from %1 to %2")
                        .arg(kMinimumIterations).arg(kMaximumIterations));
    const auto salt = QByteArray::fromBase64Encoding(parts[2].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.size() < 8)
        return fail(QStringLiteral("the salt must be base64 of at least 8 bytes"));
    if (!key || key.decoded.size() != kKeyBytes)
        return fail(QStringLiteral("the key must be base64 of %1 bytes").arg(kKeyBytes));
    out->salt = salt.decoded;
    out->key = key.decoded;
    return true;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                              iterations, kKeyBytes);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString hash(const QString &password, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), kSaltBytes / 4);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derive(password, salt, iterations).toBase64()));
}

bool verify(const QString &password, const QString &encoded)
{
    Parsed p;
    if (!parse(encoded, &p, nullptr))
        return false;
    return constantTimeEquals(derive(password, p.salt, p.iterations), p.key);
}

bool isWellFormed(const QString &encoded, QString *error)
{
    Parsed p;
    return parse(encoded, &p, error);
}

} // namespace sitroom::gateway::PasswordHash
