#include "app/ctl/CtlSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

namespace sitroom::ctl {

using sitroom::v1::Envelope;

namespace {

QString refusalWords(const sitroom::v1::Refusal &refusal)
{
    const QString reason = QString::fromStdString(refusal.reason());
    QString what;
    switch (refusal.code()) {
    case sitroom::v1::REFUSAL_BAD_CREDENTIALS: what = QStringLiteral("the user name or password was not accepted"); break;
    case sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS: what = QStringLiteral("too many failed sign-ins for this user; wait a minute"); break;
    case sitroom::v1::REFUSAL_UNSUPPORTED_VERSION: what = QStringLiteral("the server does not speak this protocol version"); break;
    case sitroom::v1::REFUSAL_PROTOCOL_ERROR: what = QStringLiteral("protocol error"); break;
    case sitroom::v1::REFUSAL_HANDSHAKE_TIMEOUT: what = QStringLiteral("the sign-in took too long"); break;
    case sitroom::v1::REFUSAL_SERVER_SHUTTING_DOWN: what = QStringLiteral("the server is shutting down"); break;
    default: what = QStringLiteral("refused"); break;
    }
    return reason.isEmpty() ? what : what + QStringLiteral(": ") + reason;
}

} // namespace

CtlSession::CtlSession(GlobalOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_socket(new QSslSocket(this))
{
    connect(m_socket, &QSslSocket::readyRead, this, &CtlSession::onReadyRead);
    // The handshake's end is something open() waits for: wake its loop.
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_loop)
            m_loop->quit();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // A close after a Refusal or a TLS failure already said why.
        if (m_failed)
            return;
        if (error == QAbstractSocket::RemoteHostClosedError && m_haveSnapshot)
            fail(QStringLiteral("%1 closed the connection before answering").arg(where()));
        else if (error == QAbstractSocket::RemoteHostClosedError)
            fail(QStringLiteral("%1 closed the connection during the sign-in").arg(where()));
        else
            fail(QStringLiteral("cannot connect to %1: %2").arg(where(), m_socket->errorString()));
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        fail(QStringLiteral("TLS certificate check of %1 failed (CA %2): %3")
                 .arg(where(), m_options.caFile, texts.join(QStringLiteral("; "))));
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (!m_failed)
            fail(QStringLiteral("%1 closed the connection").arg(where()));
    });
}

CtlSession::~CtlSession()
{
    m_socket->abort();
}

QString CtlSession::where() const
{
    const QString host = m_options.host.contains(u':') ? u'[' + m_options.host + u']' : m_options.host;
    return QStringLiteral("%1:%2").arg(host).arg(m_options.port);
}

void CtlSession::fail(const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = message;
    }
    if (m_loop)
        m_loop->quit();
}

bool CtlSession::waitUntil(const std::function<bool()> &done, const QString &what)
{
    const QDeadlineTimer deadline(m_options.timeoutMs);
    runUntil(done, deadline);
    if (!m_failed && !done()) {
        const QString seconds = QString::number(m_options.timeoutMs / 1000.0, 'g', 4);
        fail(QStringLiteral("no %1 from %2 within %3 s").arg(what, where(), seconds));
    }
    return !m_failed && done();
}

void CtlSession::runUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline)
{
    while (!m_failed && !done() && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(int(std::max<qint64>(1, deadline.remainingTime())));
        m_loop = &loop;
        loop.exec();
        m_loop = nullptr;
    }
}

const sitroom::v1::CommandProgress *CtlSession::settledProgress(const std::string &commandId, quint64 revision) const
{
    for (const sitroom::v1::CommandProgress &p : m_progress) {
        const bool final = p.stage() == sitroom::v1::COMMAND_STAGE_EFFECT_SEEN
            || p.stage() == sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN
            || p.stage() == sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED;
        if (final && (p.command_id() == commandId || (revision > 0 && p.revision() == revision)))
            return &p;
    }
    return nullptr;
}

std::optional<sitroom::v1::CommandProgress> CtlSession::waitForEffect(const std::string &commandId, quint64 revision,
                                                                      int timeoutMs)
{
    m_timedOut = false;
    runUntil([&] { return settledProgress(commandId, revision) != nullptr; }, QDeadlineTimer(timeoutMs));
    if (const sitroom::v1::CommandProgress *p = settledProgress(commandId, revision))
        return *p;
    m_timedOut = !m_failed;
    return std::nullopt;
}

sitroom::v1::CommandStage CtlSession::lastStage(const std::string &commandId) const
{
    sitroom::v1::CommandStage stage = sitroom::v1::COMMAND_STAGE_UNSPECIFIED;
    for (const sitroom::v1::CommandProgress &p : m_progress) {
        if (p.command_id() == commandId)
            stage = p.stage();
    }
    return stage;
}

bool CtlSession::open()
{
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_options.caFile);
    if (ca.isEmpty()) {
        m_failed = true;
        m_error = QFileInfo::exists(m_options.caFile)
            ? QStringLiteral("no CA certificate in %1").arg(m_options.caFile)
            : QStringLiteral("the CA file %1 does not exist; give --ca FILE (the server's ca.pem)").arg(m_options.caFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(ca);  // this CA only, not the system's
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(config);
    // The peer name is the host as written; the development certificate has
    // IP names for 127.0.0.1 and ::1.
    m_socket->connectToHostEncrypted(m_options.host, m_options.port, m_options.host);
    if (!waitUntil([this] { return m_socket->isEncrypted(); }, QStringLiteral("TLS handshake")))
        return false;

    Envelope envelope;
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    hello->set_user(m_options.user.toStdString());
    hello->set_password(m_options.password.toStdString());
    hello->set_site(m_options.site);
    hello->set_client_name("sitroomctl");
    hello->set_client_version(QCoreApplication::applicationVersion().toStdString());
    send(envelope);
    return waitUntil([this] { return m_haveWelcome && m_haveSnapshot; }, QStringLiteral("welcome and snapshot"));
}

std::optional<sitroom::v1::CommandResult> CtlSession::runCommand(const sitroom::v1::Command &command)
{
    m_awaitedCommandId = command.command_id();
    m_commandResult.reset();
    Envelope envelope;
    *envelope.mutable_command() = command;
    send(envelope);
    if (!waitUntil([this] { return m_commandResult.has_value(); }, QStringLiteral("answer to the command")))
        return std::nullopt;
    return m_commandResult;
}

std::optional<sitroom::v1::AuditResponse> CtlSession::runAudit(const sitroom::v1::AuditRequest &request)
{
    m_awaitedAuditId = request.request_id();
    m_auditResponse.reset();
    Envelope envelope;
    *envelope.mutable_audit_request() = request;
    send(envelope);
    if (!waitUntil([this] { return m_auditResponse.has_value(); }, QStringLiteral("answer to the audit request")))
        return std::nullopt;
    return m_auditResponse;
}

void CtlSession::send(Envelope &envelope)
{
    envelope.set_seq(++m_clientSeq);
    m_socket->write(framing::encodeFrame(envelope));
}

void CtlSession::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    const bool ok = m_decoder.feed(bytes, [this](Envelope &envelope) { onEnvelope(envelope); });
    if (!ok)
        fail(QStringLiteral("protocol error from %1: %2").arg(where(), m_decoder.errorString()));
    if (m_loop)
        m_loop->quit();
}

void CtlSession::onEnvelope(Envelope &envelope)
{
    if (m_failed)
        return;
    switch (envelope.body_case()) {
    case Envelope::kRefusal:
        fail(QStringLiteral("%1 refused the session: %2").arg(where(), refusalWords(envelope.refusal())));
        break;
    case Envelope::kWelcome:
        m_welcome.Swap(envelope.mutable_welcome());
        m_haveWelcome = true;
        break;
    case Envelope::kSnapshot:
        if (!m_haveWelcome) {
            fail(QStringLiteral("protocol error from %1: a Snapshot before the Welcome").arg(where()));
            break;
        }
        m_snapshot.Swap(envelope.mutable_snapshot());
        m_snapshotServerTimeMs = envelope.server_time_ms();
        m_progress.assign(m_snapshot.recent_progress().begin(), m_snapshot.recent_progress().end());
        m_haveSnapshot = true;
        break;
    case Envelope::kCommandResult:
        if (envelope.command_result().command_id() == m_awaitedCommandId && !m_awaitedCommandId.empty())
            m_commandResult = envelope.command_result();
        break;
    case Envelope::kCommandProgress:
        m_progress.push_back(envelope.command_progress());
        break;
    case Envelope::kAuditResponse:
        if (envelope.audit_response().request_id() == m_awaitedAuditId && !m_awaitedAuditId.empty())
            m_auditResponse = envelope.audit_response();
        break;
    default:
        // Ticks, heartbeats and events: not needed by a one-shot client.
        break;
    }
}

} // namespace sitroom::ctl
