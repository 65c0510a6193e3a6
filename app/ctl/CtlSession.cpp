#include "app/ctl/CtlSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

#include <algorithm>

namespace sitroom::ctl {

using sitroom::v1::Envelope;

namespace {

// With other gateways to go to, silence for this many heartbeat intervals is
// a dead link.
constexpr int kSilentHeartbeats = 3;
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

bool refusesTheUser(sitroom::v1::RefusalCode code)
{
    return code == sitroom::v1::REFUSAL_BAD_CREDENTIALS || code == sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS;
}

} // namespace

CtlSession::CtlSession(GlobalOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_servers(m_options.servers())
{
}

CtlSession::~CtlSession()
{
    if (m_socket)
        m_socket->abort();
}

QSslConfiguration CtlSession::tls() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(m_options.caFile));  // this CA only, not the system's
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

QString CtlSession::where() const
{
    return m_servers.value(m_current).text();
}

void CtlSession::note(const QString &text) const
{
    if (m_notes)
        m_notes(text);
}

void CtlSession::resetLink()
{
    if (m_socket) {
        QSslSocket *old = m_socket;
        m_socket = nullptr;
        disconnect(old, nullptr, this, nullptr);
        old->abort();
        old->deleteLater();
    }
    m_decoder = framing::FrameDecoder();
    m_failed = false;
    m_linkDied = false;
    m_waitRanOut = false;
    m_error.clear();
    m_lastHeard.invalidate();
    m_haveWelcome = false;
    m_haveSnapshot = false;

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    connect(socket, &QSslSocket::readyRead, this, &CtlSession::onReadyRead);
    // The handshake's end is something open() waits for: wake its loop.
    connect(socket, &QSslSocket::encrypted, this, [this] {
        if (m_loop)
            m_loop->quit();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
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
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        fail(QStringLiteral("TLS certificate check of %1 failed (CA %2): %3")
                 .arg(where(), m_options.caFile, texts.join(QStringLiteral("; "))));
    });
    connect(socket, &QSslSocket::disconnected, this, [this] {
        if (!m_failed)
            fail(QStringLiteral("%1 closed the connection").arg(where()));
    });
}

void CtlSession::fail(const QString &message, bool linkDied)
{
    if (!m_failed) {
        m_failed = true;
        m_linkDied = linkDied;
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
        fail(QStringLiteral("no %1 from %2 within %3 s").arg(what, where(), seconds), false);
        m_waitRanOut = true;
    }
    return !m_failed && done();
}

void CtlSession::runUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline)
{
    const int heartbeatMs = m_welcome.heartbeat_interval_ms() > 0 ? int(m_welcome.heartbeat_interval_ms()) : 1000;
    while (!m_failed && !done() && !deadline.hasExpired()) {
        // With somewhere else to go, a link that has gone quiet is a dead one.
        if (canFailOver() && m_haveWelcome && m_lastHeard.isValid()
            && m_lastHeard.elapsed() > kSilentHeartbeats * heartbeatMs) {
            fail(QStringLiteral("nothing came from %1 for %2 s")
                     .arg(where(), QString::number(m_lastHeard.elapsed() / 1000.0, 'f', 1)));
            break;
        }
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        qint64 wait = std::max<qint64>(1, deadline.remainingTime());
        if (canFailOver())
            wait = std::min<qint64>(wait, 250);
        timer.start(int(wait));
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
    const QDeadlineTimer deadline(timeoutMs);
    const auto settled = [&] { return settledProgress(commandId, revision) != nullptr; };
    runUntil(settled, deadline);
    // A link that dies while waiting: the other gateway's snapshot and
    // broadcasts tell the rest.
    for (int moves = 0; !settled() && linkDied() && canFailOver() && moves < int(m_servers.size()); ++moves) {
        if (!failOver(m_error))
            break;
        runUntil(settled, deadline);
    }
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
    QStringList failures;
    for (int i = 0; i < int(m_servers.size()); ++i) {
        if (openAt(i)) {
            preferHealthier();
            return !m_failed;
        }
        failures << m_error;
        if (!m_linkDied)
            return false;   // the user was refused: said as it is, nowhere else tried
        if (i + 1 < int(m_servers.size()))
            note(QStringLiteral("%1; trying %2").arg(m_error, m_servers.at(i + 1).text()));
    }
    if (canFailOver())
        m_error = QStringLiteral("no gateway could be used: %1").arg(failures.join(QStringLiteral("; ")));
    return false;
}

bool CtlSession::openAt(int index)
{
    m_current = index;
    resetLink();
    m_socket->setSslConfiguration(tls());
    const transport::HostPort &server = m_servers.at(index);
    // The peer name is the host as written; the development certificate has
    // IP names for 127.0.0.1 and ::1.
    m_socket->connectToHostEncrypted(server.host, server.port, server.host);
    // A gateway that does not answer in time is passed for the next, as one
    // that is down; only a refusal of the user stops here.
    if (!waitUntil([this] { return m_socket->isEncrypted(); }, QStringLiteral("TLS handshake"))) {
        m_linkDied = m_linkDied || m_waitRanOut;
        return false;
    }
    Envelope envelope;
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    hello->set_user(m_options.user.toStdString());
    hello->set_password(m_options.password.toStdString());
    hello->set_site(m_options.site);
    hello->set_client_name("sitroomctl");
    hello->set_client_version(QCoreApplication::applicationVersion().toStdString());
    send(envelope);
    const bool ok = waitUntil([this] { return m_haveWelcome && m_haveSnapshot; }, QStringLiteral("welcome and snapshot"));
    m_linkDied = m_linkDied || m_waitRanOut;
    return ok;
}

std::optional<sitroom::v1::CommandResult> CtlSession::runCommand(const sitroom::v1::Command &command)
{
    m_awaitedCommandId = command.command_id();
    m_commandResult.reset();
    Envelope envelope;
    *envelope.mutable_command() = command;
    if (!ask(envelope, [this] { return m_commandResult.has_value(); }, QStringLiteral("answer to the command")))
        return std::nullopt;
    return m_commandResult;
}

std::optional<sitroom::v1::AuditResponse> CtlSession::runAudit(const sitroom::v1::AuditRequest &request)
{
    m_awaitedAuditId = request.request_id();
    m_auditResponse.reset();
    Envelope envelope;
    *envelope.mutable_audit_request() = request;
    if (!ask(envelope, [this] { return m_auditResponse.has_value(); }, QStringLiteral("answer to the audit request")))
        return std::nullopt;
    return m_auditResponse;
}

void CtlSession::send(Envelope &envelope)
{
    envelope.set_seq(++m_clientSeq);
    if (m_socket)
        m_socket->write(framing::encodeFrame(envelope));
}

void CtlSession::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_lastHeard.start();
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
        fail(QStringLiteral("%1 refused the session: %2").arg(where(), refusalWords(envelope.refusal())),
             !refusesTheUser(envelope.refusal().code()));
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
        // After a move, what the first gateway said still counts.
        m_progress.insert(m_progress.end(), m_snapshot.recent_progress().begin(), m_snapshot.recent_progress().end());
        m_haveSnapshot = true;
        break;
    case Envelope::kCommandResult:
        if (envelope.command_result().command_id() == m_awaitedCommandId && !m_awaitedCommandId.empty()
            && !m_commandResult)
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
