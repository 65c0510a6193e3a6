#include "tests/support/ChaosClient.h"

#include <QSslConfiguration>

#include <algorithm>
#include <cmath>
#include <utility>

namespace sitroom::testing {

namespace v1 = sitroom::v1;

namespace {

// A pause before trying a gateway that refused the connection (it is being
// started again): alternating between the two, until reconnectTimeoutMs.
constexpr int kRetryMs = 100;

} // namespace

ChaosClient::ChaosClient(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_random(m_settings.choiceSeed)
    , m_gateway(m_settings.firstGateway)
{
    m_answerTimer.setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, [this] {
        const ChaosCommand &c = m_commands.back();
        fail(QStringLiteral("%1 saw no answer to %2 within %3 s (sent %4 times, last to %5)")
                 .arg(m_settings.user, QString::fromStdString(c.command.command_id()))
                 .arg(m_settings.answerTimeoutMs / 1000)
                 .arg(c.sends)
                 .arg(where()));
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { connectTo(m_gateway); });
}

QString ChaosClient::where() const
{
    const Gateway &g = m_settings.gateways.at(std::size_t(m_gateway));
    return QStringLiteral("%1 (127.0.0.1:%2)").arg(g.serverId).arg(g.port);
}

void ChaosClient::start()
{
    connectTo(m_gateway);
}

void ChaosClient::beginCommands()
{
    m_began = true;
    if (m_signedIn && !m_inFlight)
        next();
}

void ChaosClient::fail(const QString &why)
{
    if (m_failed)
        return;
    m_failed = true;
    m_answerTimer.stop();
    m_retryTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    emit failed(why);
}

void ChaosClient::connectTo(int gateway)
{
    if (m_failed || m_done)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_gateway = gateway;
    m_signedIn = false;
    m_serverId.clear();
    m_decoder = framing::FrameDecoder();
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(m_settings.caPath));
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(config);
    connect(socket, &QSslSocket::encrypted, this, &ChaosClient::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &ChaosClient::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, [this] { onLinkLost(QStringLiteral("the connection closed")); });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket] { onLinkLost(socket->errorString()); });
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_settings.gateways.at(std::size_t(gateway)).port,
                                   QStringLiteral("localhost"));
}

void ChaosClient::onEncrypted()
{
    v1::Envelope hello;
    hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_1);
    hello.mutable_hello()->set_user(m_settings.user.toStdString());
    hello.mutable_hello()->set_password(QString(m_settings.user + QStringLiteral("-pw")).toStdString());
    hello.mutable_hello()->set_client_name("sitroom-chaos");
    send(hello);
}

void ChaosClient::send(const v1::Envelope &envelope)
{
    if (!m_socket)
        return;
    v1::Envelope copy = envelope;
    copy.set_seq(++m_sequence);
    m_socket->write(framing::encodeFrame(copy));
}

void ChaosClient::onReadyRead()
{
    const QPointer<QSslSocket> socket = m_socket;
    if (!socket)
        return;
    // Decoded first, then handled: an answer may move this client to another
    // socket (and decoder) before the rest are read.
    std::vector<v1::Envelope> envelopes;
    const bool ok = m_decoder.feed(socket->readAll(), [&envelopes](v1::Envelope &envelope) {
        envelopes.emplace_back();
        envelopes.back().Swap(&envelope);
    });
    if (!ok) {
        fail(QStringLiteral("%1 could not read %2: %3").arg(m_settings.user, where(), m_decoder.errorString()));
        return;
    }
    for (const v1::Envelope &envelope : envelopes) {
        if (socket != m_socket || m_failed)
            return;
        onEnvelope(envelope);
    }
}

void ChaosClient::onLinkLost(const QString &why)
{
    if (m_failed || m_done || !m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_answerTimer.stop();
    const bool wasSignedIn = m_signedIn;
    m_signedIn = false;
    m_lastLinkError = QStringLiteral("%1: %2").arg(where(), why);
    if (wasSignedIn || m_reconnectDeadline.isForever())
        m_reconnectDeadline = QDeadlineTimer(m_settings.reconnectTimeoutMs);
    if (m_reconnectDeadline.hasExpired()) {
        fail(QStringLiteral("%1 could not sign in to either gateway again within %2 s (last: %3)")
                 .arg(m_settings.user)
                 .arg(m_settings.reconnectTimeoutMs / 1000)
                 .arg(m_lastLinkError));
        return;
    }
    // The other gateway first; a refused attempt waits a moment before the next.
    m_gateway = (m_gateway + 1) % int(m_settings.gateways.size());
    m_retryTimer.start(wasSignedIn ? 0 : kRetryMs);
}

void ChaosClient::moveTo(int gateway)
{
    ++m_hops;
    connectTo(gateway);
}

void ChaosClient::onEnvelope(const v1::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case v1::Envelope::kWelcome:
        m_serverId = QString::fromStdString(envelope.welcome().server_id());
        m_settings.viewer = m_settings.viewer || envelope.welcome().role() == v1::ROLE_VIEWER;
        m_role = envelope.welcome().role();
        break;
    case v1::Envelope::kRefusal:
        if (envelope.refusal().code() == v1::REFUSAL_SERVER_SHUTTING_DOWN)
            onLinkLost(QStringLiteral("shutting down"));
        else
            fail(QStringLiteral("%1 was refused by %2: %3")
                     .arg(m_settings.user, where(), QString::fromStdString(envelope.refusal().reason())));
        break;
    case v1::Envelope::kSnapshot:
        onSnapshot(envelope.snapshot());
        break;
    case v1::Envelope::kControlEvent:
        m_newestSeen = std::max<std::uint64_t>(m_newestSeen, envelope.control_event().control().revision());
        break;
    case v1::Envelope::kCommandResult:
        onResult(envelope.command_result());
        break;
    default:
        break;
    }
}

void ChaosClient::onSnapshot(const v1::Snapshot &snapshot)
{
    const v1::ControlState &control = snapshot.control();
    m_newestSeen = std::max<std::uint64_t>(m_newestSeen, control.revision());
    m_providers.clear();
    for (const auto &p : control.providers())
        m_providers.push_back(p.id());
    // Rates that are never a hazardous cut from one another, so every
    // control of a Seoul user applies at once (docs/controls.md).
    const v1::Configuration &c = snapshot.configuration();
    if (c.admission_rate_max_per_s() > 0) {
        m_rateHigh = std::min(800.0, c.admission_rate_max_per_s());
        m_rateLow = std::max({600.0, c.admission_rate_min_per_s(), std::ceil(m_rateHigh * (1.0 - c.hazardous_rate_cut_fraction()))});
        m_rateLow = std::min(m_rateLow, m_rateHigh);
    }
    m_retryTimer.stop();
    m_reconnectDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    m_signedIn = true;
    if (!m_everSignedIn) {
        m_everSignedIn = true;
        m_firstControl = control;
        emit signedIn();
    } else {
        ++m_reconnects;
    }
    if (!m_began)
        return;
    if (m_inFlight)
        sendInFlight();
    else
        next();
}

void ChaosClient::release()
{
    m_settings.heldBack = 0;
    if (m_began)
        next();
}

void ChaosClient::next()
{
    if (m_failed || m_done || !m_signedIn || m_inFlight)
        return;
    if (m_settings.heldBack > 0 && int(m_commands.size()) >= m_settings.quota - m_settings.heldBack)
        return;   // holding the last ones back until release()
    if (int(m_commands.size()) >= m_settings.quota) {
        m_done = true;
        m_answerTimer.stop();
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->disconnectFromHost();
        }
        emit finished();
        return;
    }
    if (!m_commands.empty() && m_random.generateDouble() < m_settings.hopChance) {
        moveTo((m_gateway + 1) % int(m_settings.gateways.size()));
        return;
    }
    ChaosCommand c;
    c.user = m_settings.user;
    c.viewer = m_settings.viewer;
    c.newestSeen = m_newestSeen;
    c.command = makeCommand(&c.staleOnPurpose);
    m_commands.push_back(std::move(c));
    m_inFlight = true;
    sendInFlight();
}

void ChaosClient::sendInFlight()
{
    ChaosCommand &c = m_commands.back();
    ++c.sends;
    v1::Envelope envelope;
    *envelope.mutable_command() = c.command;
    send(envelope);
    m_answerTimer.start(m_settings.answerTimeoutMs);
}

void ChaosClient::onResult(const v1::CommandResult &result)
{
    if (!m_inFlight || result.command_id() != m_commands.back().command.command_id())
        return;
    ChaosCommand &c = m_commands.back();
    c.answered = true;
    c.result = result;
    c.answeredBy = m_serverId;
    m_inFlight = false;
    m_answerTimer.stop();
    m_newestSeen = std::max<std::uint64_t>(m_newestSeen, result.control().revision());
    ++m_answered;
    emit answered();
    next();
}

v1::Command ChaosClient::makeCommand(bool *staleOnPurpose)
{
    v1::Command c;
    const int n = int(m_commands.size()) + 1;
    c.set_command_id(QStringLiteral("chaos-%1-%2-%3").arg(m_settings.seed).arg(m_settings.user).arg(n).toStdString());
    c.set_reason(QStringLiteral("chaos drill %1").arg(n).toStdString());
    // Figures may be stale right after a gateway starts: the interlock is not
    // what this run is about.
    c.set_stale_override(true);
    *staleOnPurpose = m_newestSeen >= 1 && m_random.generateDouble() < m_settings.staleShare;
    if (*staleOnPurpose) {
        const std::uint64_t back = 1 + std::min<std::uint64_t>(m_random.bounded(3), m_newestSeen - 1);
        c.set_expected_revision(m_newestSeen - back);
    } else {
        c.set_expected_revision(m_newestSeen);
    }
    setAction(c);
    return c;
}

void ChaosClient::setAction(v1::Command &command)
{
    const double roll = m_random.generateDouble();
    // An operator may not switch providers: the supervisors (and the viewer) do.
    const bool mayEnable = m_role != v1::ROLE_OPERATOR && !m_providers.empty();
    if (roll < 0.12) {
        command.mutable_resume_admission();
    } else if (mayEnable && roll < 0.3) {
        const auto &id = m_providers.at(std::size_t(m_random.bounded(quint32(m_providers.size()))));
        command.mutable_set_provider_enabled()->set_provider_id(id);
        command.mutable_set_provider_enabled()->set_enabled(true);
    } else {
        const int steps = int((m_rateHigh - m_rateLow) / 5);
        const double rate = m_rateLow + 5.0 * double(m_random.bounded(quint32(std::max(steps, 0) + 1)));
        command.mutable_set_admission_rate()->set_rate_per_s(rate);
    }
}

} // namespace sitroom::testing
