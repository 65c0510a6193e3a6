#include "server/gateway/ServerTls.h"

#include "proto/transport/Defaults.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace sitroom::gateway {

namespace {

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

bool readCertificates(const QString &path, QList<QSslCertificate> *certs, QString *error)
{
    QByteArray data;
    if (!readFile(path, &data, error))
        return false;
    *certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs->isEmpty() || certs->constFirst().isNull()) {
        *error = QStringLiteral("%1 is not a PEM certificate").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

// Qt would only notice a mismatched pair during the first handshake, as an
// obscure error on the client; say it plainly at start-up instead.
bool keyMatchesCertificate(const QSslCertificate &certificate, const QByteArray &keyPem)
{
    const QByteArray certPem = certificate.toPem();
    BIO *certBio = BIO_new_mem_buf(certPem.constData(), static_cast<int>(certPem.size()));
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size()));
    X509 *x509 = certBio ? PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr) : nullptr;
    EVP_PKEY *pkey = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    const bool matches = x509 && pkey && X509_check_private_key(x509, pkey) == 1;
    EVP_PKEY_free(pkey);
    X509_free(x509);
    BIO_free(keyBio);
    BIO_free(certBio);
    ERR_clear_error();
    return matches;
}

} // namespace

bool loadServerTls(const QString &dirPath, QSslConfiguration *configuration, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QDir dir(dirPath);
    const QString caPath = dir.filePath(QLatin1String(transport::kCaFileName));
    const QString certPath = dir.filePath(QLatin1String(transport::kServerCertFileName));
    const QString keyPath = dir.filePath(QLatin1String(transport::kServerKeyFileName));

    QList<QSslCertificate> ca;
    QList<QSslCertificate> chain;
    if (!readCertificates(caPath, &ca, error) || !readCertificates(certPath, &chain, error))
        return false;

    QByteArray keyData;
    if (!readFile(keyPath, &keyData, error))
        return false;
    // The development set is EC; a key an operator installed by hand may be RSA.
    QSslKey key(keyData, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        *error = QStringLiteral("%1 is not an unencrypted PEM private key (EC or RSA)")
                     .arg(QDir::toNativeSeparators(keyPath));
        return false;
    }
    if (!keyMatchesCertificate(chain.constFirst(), keyData)) {
        *error = QStringLiteral("%1 does not belong to the certificate in %2")
                     .arg(QDir::toNativeSeparators(keyPath), QDir::toNativeSeparators(certPath));
        return false;
    }

    // Clients verify against ca.pem, so send the CA after the leaf: a client
    // that already trusts it loses nothing, one that pins the chain can check it.
    for (const QSslCertificate &cert : std::as_const(ca)) {
        if (!chain.contains(cert))
            chain.append(cert);
    }

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    // Consoles identify themselves with a user and password inside TLS, not
    // with client certificates.
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    *configuration = config;
    return true;
}

} // namespace sitroom::gateway
