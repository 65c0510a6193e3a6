#include "tests/support/TestTlsClient.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

#include <algorithm>

namespace sitroom::testing {

namespace {
// Small enough that a paused client stops draining the kernel at once.
constexpr qint64 kPausedReadBufferBytes = 1024;
} // namespace

TestTlsClient::TestTlsClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this))
{
    connect(m_socket, &QSslSocket::readyRead, this, &TestTlsClient::onReadyRead);
}

bool TestTlsClient::connectToServer(quint16 port, const QString &caPath, int timeoutMs,
                                    QString *error, const QHostAddress &host, const QString &peerName)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(caPath);
    if (ca.isEmpty()) {
        *error = QStringLiteral("no CA certificate in %1").arg(caPath);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(ca);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(config);

    QList<QSslError> sslErrors;
    connect(m_socket, &QSslSocket::sslErrors, this,
            [&sslErrors](const QList<QSslError> &errors) { sslErrors = errors; },
            Qt::SingleShotConnection);
    m_socket->connectToHostEncrypted(host.toString(), port, peerName);
    const bool ok = waitFor([this] { return m_socket->isEncrypted(); }, timeoutMs);
    if (!ok) {
        *error = sslErrors.isEmpty() ? m_socket->errorString() : sslErrors.constFirst().errorString();
        if (error->isEmpty() || m_socket->error() == QAbstractSocket::UnknownSocketError)
            *error = QStringLiteral("TLS handshake did not finish within %1 ms").arg(timeoutMs);
        m_socket->abort();
    }
    return ok;
}

void TestTlsClient::send(const sitroom::v1::Envelope &envelope)
{
    sitroom::v1::Envelope copy = envelope;
    copy.set_seq(++m_clientSeq);
    m_socket->write(framing::encodeFrame(copy));
}

void TestTlsClient::sendRaw(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

void TestTlsClient::sendHello(quint32 protocolVersion, const QString &user, const QString &clientName)
{
    sitroom::v1::Envelope envelope;
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(protocolVersion);
    hello->set_user(user.toStdString());
    hello->set_site(sitroom::v1::SITE_SEOUL);
    hello->set_client_name(clientName.toStdString());
    send(envelope);
}

bool TestTlsClient::waitFor(const std::function<bool()> &predicate, int timeoutMs)
{
    return QTest::qWaitFor(predicate, timeoutMs);
}

int TestTlsClient::indexOf(sitroom::v1::Envelope::BodyCase body, int from) const
{
    for (int i = std::max(0, from); i < static_cast<int>(m_received.size()); ++i) {
        if (m_received[static_cast<std::size_t>(i)].body_case() == body)
            return i;
    }
    return -1;
}

int TestTlsClient::count(sitroom::v1::Envelope::BodyCase body, int from) const
{
    int n = 0;
    for (int i = std::max(0, from); i < static_cast<int>(m_received.size()); ++i)
        n += m_received[static_cast<std::size_t>(i)].body_case() == body ? 1 : 0;
    return n;
}

int TestTlsClient::waitForBody(sitroom::v1::Envelope::BodyCase body, int timeoutMs, int from)
{
    waitFor([&] { return indexOf(body, from) >= 0; }, timeoutMs);
    return indexOf(body, from);
}

bool TestTlsClient::waitForDisconnected(int timeoutMs)
{
    return waitFor([this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

void TestTlsClient::setReadingPaused(bool paused)
{
    m_paused = paused;
    m_socket->setReadBufferSize(paused ? kPausedReadBufferBytes : 0);
    if (!paused)
        onReadyRead();
}

void TestTlsClient::onReadyRead()
{
    if (m_paused)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_decoder.feed(bytes, [this](sitroom::v1::Envelope &envelope) {
        m_received.emplace_back();
        m_received.back().Swap(&envelope);
        emit envelopeReceived(m_received.back());
    });
}

sitroom::v1::Envelope TestTlsClient::helloAs(const QString &user, const QString &clientName)
{
    sitroom::v1::Envelope hello;
    auto *h = hello.mutable_hello();
    h->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    h->set_user(user.toStdString());
    h->set_password(QString(user + QStringLiteral("-pw")).toStdString());
    h->set_client_name(clientName.toStdString());
    return hello;
}

bool TestTlsClient::signInAs(quint16 port, const QString &caPath, const QString &user, const QString &clientName,
                             int timeoutMs)
{
    if (!connectToServer(port, caPath, timeoutMs))
        return false;
    send(helloAs(user, clientName));
    return waitForBody(sitroom::v1::Envelope::kSnapshot, timeoutMs) >= 0;
}

} // namespace sitroom::testing
