#include "models/telemetry/GatewayProbe.h"

#include "models/telemetry/TelemetryLog.h"

#include "sitroom/v1/envelope.pb.h"

#include <QSslCertificate>
#include <QSslSocket>

#include <utility>

namespace sitroom::models {

QSslConfiguration clientTls(const QList<QSslCertificate> &ca)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(ca);  // this CA only, not the system's
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

GatewayProbe::GatewayProbe(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(m_question, std::nullopt); });
}

GatewayProbe::~GatewayProbe()
{
    dropSocket();
}

void GatewayProbe::start(const transport::HostPort &address, const QSslConfiguration &tls, quint32 protocolVersion,
                         const QString &clientName, int timeoutMs, Done done)
{
    cancel();
    const quint64 question = m_question;
    m_done = std::move(done);
    m_protocolVersion = protocolVersion;
    m_clientName = clientName;
    m_decoder = framing::FrameDecoder();
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setSslConfiguration(tls);
    connect(socket, &QSslSocket::encrypted, this, [this] {
        sitroom::v1::Envelope envelope;
        auto *hello = envelope.mutable_hello();
        hello->set_protocol_version(m_protocolVersion);
        hello->set_client_name(m_clientName.toStdString());
        hello->set_probe(true);
        envelope.set_seq(1);
        m_socket->write(framing::encodeFrame(envelope));
    });
    connect(socket, &QSslSocket::readyRead, this, &GatewayProbe::onReadyRead);
    // Errors, TLS failures included, and a close before the answer: no answer.
    // Queued, so done never runs inside the socket's own signal.
    const auto noAnswer = [this, question] { finish(question, std::nullopt); };
    connect(socket, &QSslSocket::errorOccurred, this, noAnswer, Qt::QueuedConnection);
    connect(socket, &QSslSocket::disconnected, this, noAnswer, Qt::QueuedConnection);
    connect(socket, &QSslSocket::sslErrors, this, noAnswer, Qt::QueuedConnection);
    m_deadline.start(std::max(1, timeoutMs));
    socket->connectToHostEncrypted(address.host, address.port, address.host);
}

void GatewayProbe::cancel()
{
    // Whatever is still queued for the question before is not an answer to the next.
    ++m_question;
    m_done = nullptr;
    m_deadline.stop();
    dropSocket();
}

void GatewayProbe::onReadyRead()
{
    if (!m_socket)
        return;
    std::optional<quint32> level;
    bool refused = false;
    const bool ok = m_decoder.feed(m_socket->readAll(), [&](sitroom::v1::Envelope &envelope) {
        if (envelope.has_welcome() && !level && !refused)
            level = envelope.welcome().has_service_level() ? envelope.welcome().service_level() : 255u;
        else if (envelope.has_refusal())
            refused = true;
    });
    if (!level && ok && !refused)
        return;   // more to come
    // Done with the socket either way: nothing it says later can compete
    // with this answer, which (like the failures) comes queued, never
    // inside readyRead.
    m_deadline.stop();
    dropSocket();
    QMetaObject::invokeMethod(this, [this, question = m_question, level] { finish(question, level); },
                              Qt::QueuedConnection);
}

void GatewayProbe::finish(quint64 question, std::optional<quint32> level)
{
    if (question != m_question || !m_done)
        return;   // answered already, or cancelled
    m_deadline.stop();
    dropSocket();
    Done done = std::exchange(m_done, nullptr);
    done(level);
}

void GatewayProbe::dropSocket()
{
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

} // namespace sitroom::models
