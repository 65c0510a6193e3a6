#pragma once

#include "tests/support/GatewayProcess.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/PrometheusProcess.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <array>

namespace sitroom::testing {

// Two rooms on one truth (issue 13), as real processes on loopback: a private
// PostgreSQL cluster with the database "sitroom", one sitroom-sim as the live
// system (its /metrics and its signed control webhook), Debian's Prometheus
// scraping it every second, and two sitroom-gateway processes, Seoul's
// ("seoul-gw") and Osong's ("osong-gw"), reading it through that Prometheus,
// steering it through the webhook and keeping their state in the cluster
// (--state). Both share one TLS folder (one CA) and the standard test users
// (TestUsers.h). What the tests and benchmarks of two rooms have in common;
// everything is stopped when the object goes.
//
// A gateway can be killed (SIGKILL) and started again with the same
// arguments, on the same port: the first start asks for a free one and the
// later ones name it, so a console's --server list stays right.
class TwoRooms final
{
public:
    enum class Room { Seoul, Osong };
    static constexpr std::array<Room, 2> kRooms{Room::Seoul, Room::Osong};

    struct Options
    {
        QString scenario = QStringLiteral("opening-18-49");
        QString fastForward = QStringLiteral("33m");
        // Added to the live system's own arguments (e.g. --seed).
        QStringList simulatorArguments;
        // Added to each gateway's arguments (e.g. --site seoul), by room.
        std::array<QStringList, 2> gatewayArguments;
        // Bounds each process's start (the cluster's initdb included).
        int startTimeoutMs = 30000;
        // A gateway whose standard error nobody reads (a long run) may drop it.
        ServiceProcess::ErrorOutput gatewayErrorOutput = ServiceProcess::ErrorOutput::Kept;
    };

    TwoRooms();
    explicit TwoRooms(Options options);
    ~TwoRooms();
    TwoRooms(const TwoRooms &) = delete;
    TwoRooms &operator=(const TwoRooms &) = delete;

    // Everything: startSystem(), then both gateways. False with what failed
    // (and that process's output).
    bool start(QString *error);
    // The folder, TLS, secret, users, cluster and database, the live system
    // and Prometheus; no gateway yet (a test may put something before the
    // webhook first, setControlWebhook()).
    bool startSystem(QString *error);
    // Starts a room's gateway (again, after kill() or stop(): the same
    // arguments and port) and waits until it says the control webhook is
    // reachable.
    bool startGateway(Room room, QString *error);
    void kill(Room room);
    // SIGTERM; all processes, in reverse order of start, by stop().
    void stopGateway(Room room);
    void stop();

    // The control webhook a room's gateway steers, before its first start
    // (default: the live system's own, controlUrl()).
    void setControlWebhook(Room room, const QString &url);

    GatewayProcess &gateway(Room room) { return m_gateways[index(room)]; }
    const GatewayProcess &gateway(Room room) const { return m_gateways[index(room)]; }
    quint16 port(Room room) const { return m_ports[index(room)]; }
    // "127.0.0.1:PORT", for --server lists.
    QString address(Room room) const { return QStringLiteral("127.0.0.1:%1").arg(port(room)); }
    static QString serverId(Room room);
    static QString roomName(Room room);
    // The arguments its gateway is (or will be) started with.
    QStringList gatewayArguments(Room room) const;

    PostgresCluster &cluster() { return m_cluster; }
    // The libpq URL of the gateways' database.
    QString clusterUrl() const { return m_cluster.url(database()); }
    static QString database() { return QStringLiteral("sitroom"); }
    // psql's answer (trimmed) in the gateways' database, or "error: …".
    QString sql(const QString &statement);

    LiveSystemProcess &liveSystem() { return m_sim; }
    PrometheusProcess &prometheus() { return m_prometheus; }
    // The live system's control webhook.
    QString controlUrl() const { return m_sim.controlUrl(); }
    // The control revision the live system itself runs (GET /control), or -1.
    int liveRevision() const;

    QString caPath() const { return m_tls.caPath(); }
    QString tlsDir() const { return m_tls.path(); }
    QString usersFile() const { return path(QStringLiteral("users.json")); }
    QString secretFile() const { return path(QStringLiteral("secret")); }
    QString siteConfig() const;
    // A file or folder in the rig's temporary folder.
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    static int index(Room room) { return room == Room::Seoul ? 0 : 1; }

    Options m_options;
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    PostgresCluster m_cluster;
    LiveSystemProcess m_sim;
    PrometheusProcess m_prometheus;
    std::array<GatewayProcess, 2> m_gateways;
    std::array<quint16, 2> m_ports{0, 0};
    std::array<QString, 2> m_webhooks;
};

} // namespace sitroom::testing
