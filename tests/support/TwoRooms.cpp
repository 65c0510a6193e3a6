#include "tests/support/TwoRooms.h"

#include "tests/support/TestUsers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <utility>

namespace sitroom::testing {

namespace {

// The webhook's shared HMAC secret (at least 16 characters).
const QByteArray kSecret = "two-rooms-rig-secret-0123456789";

bool failed(QString *error, const QString &what)
{
    *error = what;
    return false;
}

} // namespace

TwoRooms::TwoRooms()
    : TwoRooms(Options())
{
}

TwoRooms::TwoRooms(Options options)
    : m_options(std::move(options))
{
}

TwoRooms::~TwoRooms()
{
    stop();
}

QString TwoRooms::serverId(Room room)
{
    return room == Room::Seoul ? QStringLiteral("seoul-gw") : QStringLiteral("osong-gw");
}

QString TwoRooms::roomName(Room room)
{
    return room == Room::Seoul ? QStringLiteral("seoul") : QStringLiteral("osong");
}

QString TwoRooms::siteConfig() const
{
    return QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json");
}

bool TwoRooms::start(QString *error)
{
    if (!startSystem(error))
        return false;
    for (Room room : kRooms)
        if (!startGateway(room, error))
            return false;
    return true;
}

bool TwoRooms::startSystem(QString *error)
{
    if (PrometheusProcess::binaryPath().isEmpty())
        return failed(error, QStringLiteral("prometheus is not installed: scripts/setup installs Debian's"));
    if (!m_dir.isValid())
        return failed(error, QStringLiteral("no temporary folder: %1").arg(m_dir.errorString()));
    if (!m_tls.isValid())
        return failed(error, QStringLiteral("no development TLS: %1").arg(m_tls.errorString()));
    QFile secret(secretFile());
    if (!secret.open(QIODevice::WriteOnly | QIODevice::Truncate) || secret.write(kSecret + '\n') < 0 || !secret.flush())
        return failed(error, QStringLiteral("cannot write %1: %2").arg(secretFile(), secret.errorString()));
    secret.close();
    if (!writeUsersFile(usersFile(), standardTestUsers()))
        return failed(error, QStringLiteral("cannot write %1").arg(usersFile()));

    if (!m_cluster.start(error, 2 * m_options.startTimeoutMs) || !m_cluster.createDatabase(database(), error))
        return false;
    QStringList simulator{QStringLiteral("--scenario"), m_options.scenario};
    if (!m_options.fastForward.isEmpty())
        simulator << QStringLiteral("--fast-forward") << m_options.fastForward;
    if (!m_sim.start(simulator + m_options.simulatorArguments, secretFile(), error, 2 * m_options.startTimeoutMs))
        return false;
    if (!QDir(m_dir.path()).mkpath(QStringLiteral("prometheus")))
        return failed(error, QStringLiteral("cannot make %1").arg(path(QStringLiteral("prometheus"))));
    return m_prometheus.start(path(QStringLiteral("prometheus")), QStringLiteral("sitroom-sim"), m_sim.metricsPort(), error,
                              0, m_options.startTimeoutMs);
}

void TwoRooms::setControlWebhook(Room room, const QString &url)
{
    m_webhooks[index(room)] = url;
}

QStringList TwoRooms::gatewayArguments(Room room) const
{
    const int i = index(room);
    const QString webhook = m_webhooks[i].isEmpty() ? controlUrl() : m_webhooks[i];
    return QStringList{QStringLiteral("--source"), QStringLiteral("prometheus:") + m_prometheus.url().toString(),
                       QStringLiteral("--site-config"), siteConfig(),
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_ports[i]),
                       QStringLiteral("--tls-dir"), m_tls.path(),
                       QStringLiteral("--server-id"), serverId(room),
                       QStringLiteral("--users"), usersFile(),
                       QStringLiteral("--control-webhook"), webhook,
                       QStringLiteral("--control-secret"), secretFile(),
                       QStringLiteral("--state"), clusterUrl()}
        + m_options.gatewayArguments[std::size_t(i)];
}

bool TwoRooms::startGateway(Room room, QString *error)
{
    static const QRegularExpression reachable(QStringLiteral("control webhook \\S+ reachable"));
    GatewayProcess &g = gateway(room);
    g.setErrorOutput(m_options.gatewayErrorOutput);
    if (!g.start(gatewayArguments(room), error, m_options.startTimeoutMs))
        return false;
    // Later starts keep this port (a killed listener's port is free again at once: SO_REUSEADDR).
    m_ports[index(room)] = g.port();
    if (g.waitForOutput(reachable, m_options.startTimeoutMs).hasMatch())
        return true;
    *error = QStringLiteral("%1 did not reach its control webhook\nstdout: %2\nstderr: %3")
                 .arg(serverId(room), g.standardOutput().right(4000), g.standardError().right(4000));
    return false;
}

void TwoRooms::kill(Room room)
{
    gateway(room).kill();
}

void TwoRooms::stopGateway(Room room)
{
    gateway(room).stop();
}

void TwoRooms::stop()
{
    for (Room room : kRooms)
        stopGateway(room);
    m_prometheus.stop();
    m_sim.stop();
    if (m_cluster.isRunning())
        m_cluster.stop();
}

QString TwoRooms::sql(const QString &statement)
{
    QString error, output;
    if (!m_cluster.execute(database(), statement, &error, &output))
        return QStringLiteral("error: ") + error;
    return output.trimmed();
}

int TwoRooms::liveRevision() const
{
    QByteArray body;
    PrometheusProcess::httpStatus(m_sim.controlPort(), "/control", &body);
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("revision")).toInt(-1);
}

} // namespace sitroom::testing
