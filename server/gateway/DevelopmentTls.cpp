#include "server/gateway/DevelopmentTls.h"

#include "proto/transport/Defaults.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace sitroom::gateway {

namespace {

constexpr auto kCaKeyFileName = "ca.key";
constexpr long kValiditySeconds = 2L * 365 * 24 * 60 * 60;

struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Bio = std::unique_ptr<BIO, BioFree>;

QString openSslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1 failed: %2")
        .arg(QLatin1String(what), code != 0 ? QString::fromLatin1(text) : QStringLiteral("unknown OpenSSL error"));
}

bool setName(X509_NAME *name, const char *commonName)
{
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>("Sitroom development"),
                                      -1, -1, 0) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0) == 1;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// A certificate with a random 127-bit serial, valid from now for ~2 years.
Cert newCertificate(EVP_PKEY *key, const char *commonName)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return nullptr;
    std::unique_ptr<BIGNUM, BnFree> serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return nullptr;
    // A minute of slack so a client whose clock is slightly behind accepts it.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds))
        return nullptr;
    if (X509_set_pubkey(cert.get(), key) != 1 || !setName(X509_get_subject_name(cert.get()), commonName))
        return nullptr;
    return cert;
}

Pkey newP256Key()
{
    return Pkey(EVP_EC_gen("P-256"));
}

bool toPem(QByteArray *out, const std::function<int(BIO *)> &write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return false;
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    *out = QByteArray(data, static_cast<qsizetype>(size));
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, bool secret, QString *error)
{
    QFile file(path);
    const QFileDevice::Permissions perms = secret
        ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    // Open with the final permissions so a key is never readable by others,
    // not even for the moment between create and chmod.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms)
        || file.write(data) != data.size() || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool generate(const QDir &dir, QString *error)
{
    Pkey caKey = newP256Key();
    Pkey serverKey = newP256Key();
    if (!caKey || !serverKey) {
        *error = openSslError("generating a P-256 key");
        return false;
    }

    Cert ca = newCertificate(caKey.get(), "Sitroom development CA");
    if (!ca || X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) != 1
        || !addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash")
        || X509_sign(ca.get(), caKey.get(), EVP_sha256()) == 0) {
        *error = openSslError("creating the development CA");
        return false;
    }

    Cert leaf = newCertificate(serverKey.get(), "localhost");
    if (!leaf || X509_set_issuer_name(leaf.get(), X509_get_subject_name(ca.get())) != 1
        || !addExtension(leaf.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(leaf.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyAgreement")
        || !addExtension(leaf.get(), ca.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(leaf.get(), ca.get(), NID_subject_alt_name,
                         "DNS:localhost,IP:127.0.0.1,IP:::1")
        || !addExtension(leaf.get(), ca.get(), NID_authority_key_identifier, "keyid:always")
        || X509_sign(leaf.get(), caKey.get(), EVP_sha256()) == 0) {
        *error = openSslError("creating the server certificate");
        return false;
    }

    QByteArray caPem, caKeyPem, leafPem, leafKeyPem;
    const bool encoded =
        toPem(&caPem, [&](BIO *b) { return PEM_write_bio_X509(b, ca.get()); })
        && toPem(&caKeyPem, [&](BIO *b) {
               return PEM_write_bio_PrivateKey(b, caKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
           })
        && toPem(&leafPem, [&](BIO *b) { return PEM_write_bio_X509(b, leaf.get()); })
        && toPem(&leafKeyPem, [&](BIO *b) {
               return PEM_write_bio_PrivateKey(b, serverKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
           });
    if (!encoded) {
        *error = openSslError("encoding PEM");
        return false;
    }

    // Keys first and ca.pem last: if we stop half-way, the set is partial and
    // the next start says so instead of trusting an incomplete one.
    using transport::kCaFileName, transport::kServerCertFileName, transport::kServerKeyFileName;
    return writeFile(dir.filePath(QLatin1String(kCaKeyFileName)), caKeyPem, true, error)
        && writeFile(dir.filePath(QLatin1String(kServerKeyFileName)), leafKeyPem, true, error)
        && writeFile(dir.filePath(QLatin1String(kServerCertFileName)), leafPem, false, error)
        && writeFile(dir.filePath(QLatin1String(kCaFileName)), caPem, false, error);
}

} // namespace

bool ensureDevelopmentTls(const QString &dirPath, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QDir dir(dirPath);
    const QStringList required = {QLatin1String(transport::kCaFileName),
                                  QLatin1String(transport::kServerCertFileName),
                                  QLatin1String(transport::kServerKeyFileName)};
    QStringList missing;
    for (const QString &name : required) {
        if (!QFileInfo::exists(dir.filePath(name)))
            missing << name;
    }
    if (missing.isEmpty())
        return true;
    if (missing.size() != required.size()) {
        *error = QStringLiteral("%1 holds only part of the TLS material: %2 missing. "
                                "Restore the missing files, or empty the directory to create a "
                                "new development CA (consoles will then need the new ca.pem).")
                     .arg(QDir::toNativeSeparators(dirPath), missing.join(QStringLiteral(", ")));
        return false;
    }
    if (QFileInfo::exists(dir.filePath(QLatin1String(kCaKeyFileName)))) {
        // A leftover CA key with no certificate: keep it rather than overwrite.
        *error = QStringLiteral("%1 has a ca.key but no certificates; remove it to create a new "
                                "development CA")
                     .arg(QDir::toNativeSeparators(dirPath));
        return false;
    }
    const bool existed = dir.exists();
    if (!QDir().mkpath(dirPath)) {
        *error = QStringLiteral("cannot create the TLS directory %1").arg(QDir::toNativeSeparators(dirPath));
        return false;
    }
    // Only the owner needs to enter a directory that holds private keys; a
    // directory someone else made is theirs to set.
    if (!existed)
        QFile::setPermissions(dirPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return generate(dir, error);
}

} // namespace sitroom::gateway
