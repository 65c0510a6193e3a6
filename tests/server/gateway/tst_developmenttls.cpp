#include "tests/support/TemporaryTlsDir.h"
#include "server/gateway/DevelopmentTls.h"
#include "server/gateway/ServerTls.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

using namespace sitroom::gateway;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

X509 *readX509(const QString &path)
{
    const QByteArray pem = readAll(path);
    BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return cert;
}

// Verifies leaf against ca as a TLS client would, for the given host or IP.
bool opensslVerifies(const QString &caPath, const QString &leafPath, const char *host, const char *ip)
{
    X509 *ca = readX509(caPath);
    X509 *leaf = readX509(leafPath);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    bool ok = ca && leaf && X509_STORE_add_cert(store, ca) == 1
        && X509_STORE_CTX_init(ctx, store, leaf, nullptr) == 1;
    if (ok) {
        X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
        X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);
        if (host)
            X509_VERIFY_PARAM_set1_host(param, host, 0);
        if (ip)
            X509_VERIFY_PARAM_set1_ip_asc(param, ip);
        ok = X509_verify_cert(ctx) == 1;
        if (!ok)
            qWarning("verify: %s", X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)));
    }
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    X509_free(leaf);
    X509_free(ca);
    return ok;
}

bool onlyOwnerMayRead(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions perms = QFile::permissions(path);
    return (perms & others) == 0 && perms.testFlag(QFileDevice::ReadOwner);
}

} // namespace

class TestDevelopmentTls final : public QObject
{
    Q_OBJECT

private slots:
    void createsAFullSetInAMissingDirectory()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString dir = root.filePath(QStringLiteral("nested/tls"));
        QString error;
        QVERIFY2(ensureDevelopmentTls(dir, &error), qPrintable(error));
        for (const char *name : {"ca.pem", "ca.key", "server.pem", "server.key"})
            QVERIFY2(QFile::exists(QDir(dir).filePath(QLatin1String(name))), name);
        QVERIFY(onlyOwnerMayRead(QDir(dir).filePath(QStringLiteral("ca.key"))));
        QVERIFY(onlyOwnerMayRead(QDir(dir).filePath(QStringLiteral("server.key"))));
    }

    void caVerifiesTheServerCertificate()
    {
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QVERIFY(opensslVerifies(tls.caPath(), tls.serverCertPath(), "localhost", nullptr));
        QVERIFY(opensslVerifies(tls.caPath(), tls.serverCertPath(), nullptr, "127.0.0.1"));
        QVERIFY(opensslVerifies(tls.caPath(), tls.serverCertPath(), nullptr, "::1"));
        // The check must be able to fail: a name the certificate does not carry.
        QTest::ignoreMessage(QtWarningMsg, "verify: hostname mismatch");
        QVERIFY(!opensslVerifies(tls.caPath(), tls.serverCertPath(), "example.org", nullptr));

        X509 *ca = readX509(tls.caPath());
        QVERIFY(ca);
        QCOMPARE(X509_check_ca(ca), 1);   // CA:TRUE basicConstraints
        X509_free(ca);
        X509 *leaf = readX509(tls.serverCertPath());
        QVERIFY(leaf);
        QCOMPARE(X509_check_ca(leaf), 0);
        QVERIFY(X509_get_extended_key_usage(leaf) & XKU_SSL_SERVER);
        X509_free(leaf);
    }

    void certificateNamesAndLifetime()
    {
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(tls.serverCertPath());
        QCOMPARE(certs.size(), 1);
        const auto san = certs.constFirst().subjectAlternativeNames();
        QVERIFY(san.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("0:0:0:0:0:0:0:1"))
                || san.values(QSsl::IpAddressEntry).contains(QStringLiteral("::1")));
        const qint64 days = certs.constFirst().effectiveDate().daysTo(certs.constFirst().expiryDate());
        QVERIFY2(days >= 700 && days <= 740, qPrintable(QString::number(days)));
        QCOMPARE(certs.constFirst().publicKey().algorithm(), QSsl::Ec);
    }

    void completeSetIsLeftAlone()
    {
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        const QByteArray before = readAll(tls.serverCertPath());
        QString error;
        QVERIFY2(ensureDevelopmentTls(tls.path(), &error), qPrintable(error));
        QCOMPARE(readAll(tls.serverCertPath()), before);
    }

    void loadsIntoAServerConfiguration()
    {
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QSslConfiguration config;
        QString error;
        QVERIFY2(loadServerTls(tls.path(), &config, &error), qPrintable(error));
        QVERIFY(!config.localCertificate().isNull());
        QVERIFY(!config.privateKey().isNull());
        QCOMPARE(config.protocol(), QSsl::TlsV1_2OrLater);
    }

    void partialSetIsRefused_data()
    {
        QTest::addColumn<QString>("removed");
        QTest::newRow("no ca.pem") << QStringLiteral("ca.pem");
        QTest::newRow("no server.pem") << QStringLiteral("server.pem");
        QTest::newRow("no server.key") << QStringLiteral("server.key");
    }

    void partialSetIsRefused()
    {
        QFETCH(QString, removed);
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        const QByteArray caBefore = readAll(tls.caPath());
        QVERIFY(QFile::remove(QDir(tls.path()).filePath(removed)));
        QString error;
        QVERIFY(!ensureDevelopmentTls(tls.path(), &error));
        QVERIFY2(error.contains(removed), qPrintable(error));
        QVERIFY(!QFile::exists(QDir(tls.path()).filePath(removed)));   // not recreated
        if (removed != QStringLiteral("ca.pem"))
            QCOMPARE(readAll(tls.caPath()), caBefore);
    }

    void invalidFilesGiveAClearError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ca.pem") << QStringLiteral("ca.pem");
        QTest::newRow("server.pem") << QStringLiteral("server.pem");
        QTest::newRow("server.key") << QStringLiteral("server.key");
    }

    void invalidFilesGiveAClearError()
    {
        QFETCH(QString, file);
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QVERIFY(writeAll(QDir(tls.path()).filePath(file), "this is not PEM\n"));
        QSslConfiguration config;
        QString error;
        QVERIFY(!loadServerTls(tls.path(), &config, &error));
        QVERIFY2(error.contains(file), qPrintable(error));
    }

    void mismatchedKeyIsRefused()
    {
        sitroom::testing::TemporaryTlsDir tls;
        sitroom::testing::TemporaryTlsDir other;
        QVERIFY(tls.isValid() && other.isValid());
        QVERIFY(writeAll(tls.serverKeyPath(), readAll(other.serverKeyPath())));
        QSslConfiguration config;
        QString error;
        QVERIFY(!loadServerTls(tls.path(), &config, &error));
        QVERIFY2(error.contains(QStringLiteral("does not belong")), qPrintable(error));
    }

    void keyThatCannotBeOpenedGivesAClearError()
    {
        // A directory in the key's place fails to open even for root, unlike
        // a chmod 000 file.
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QVERIFY(QFile::remove(tls.serverKeyPath()));
        QVERIFY(QDir().mkdir(tls.serverKeyPath()));
        QSslConfiguration config;
        QString error;
        QVERIFY(!loadServerTls(tls.path(), &config, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot read")) && error.contains(QStringLiteral("server.key")),
                 qPrintable(error));
    }

    void unreadableKeyGivesAClearError()
    {
        sitroom::testing::TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QVERIFY(QFile::setPermissions(tls.serverKeyPath(), QFileDevice::Permissions()));
        QFile probe(tls.serverKeyPath());
        if (probe.open(QIODevice::ReadOnly))
            QSKIP("running with privileges that ignore file permissions");
        QSslConfiguration config;
        QString error;
        QVERIFY(!loadServerTls(tls.path(), &config, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot read")) && error.contains(QStringLiteral("server.key")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDevelopmentTls)
#include "tst_developmenttls.moc"
