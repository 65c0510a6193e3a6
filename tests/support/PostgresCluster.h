#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace sitroom::testing {

// A private PostgreSQL cluster for one test: initdb in a temporary folder,
// the server on a free loopback port (127.0.0.1, TCP only, no Unix socket),
// trust authentication for the superuser "sitroom", fsync off. Started and
// stopped with bounded waits; stopped, and its folder removed, when the
// object goes.
//
// PostgreSQL refuses to run as root, and CI runs the tests as root: then the
// folder is given to the "postgres" user and initdb and the server run as
// that user. Run as anyone else, they run as the test's own user. The server
// is started directly (not through pg_ctl, which would leave it orphaned as a
// daemon) as a child of the test that dies with it: the child asks the
// kernel for SIGQUIT (PostgreSQL's immediate shutdown) when the test's thread
// goes, so a test killed by a timeout or by hand does not leave a server
// behind. Its folder may stay; the next cluster started on the machine stops
// whatever is left in a folder whose test has gone (the owner's pid is
// recorded beside the data, the server's is in postmaster.pid) and removes it.
class PostgresCluster final
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // Where initdb and postgres are: $SITROOM_PG_BINDIR, else Debian's
    // /usr/lib/postgresql/15/bin (the newest version there when 15 is not);
    // empty when none is installed.
    static QString binDir();

    // The first call creates the cluster (initdb); later ones start the same
    // cluster again on the same port. False with the reason and the server's
    // log on failure or after timeoutMs.
    bool start(QString *error, int timeoutMs = 60000);
    // Durable: fsync, synchronous_commit and full_page_writes at PostgreSQL's
    // defaults, as a production server runs, instead of the tests' fast
    // settings (all three off). For a benchmark that compares it with a
    // store that syncs its commits (SQLite). Takes effect at the next start().
    void setDurable(bool durable) { m_durable = durable; }

    // Fast shutdown (sessions are ended, nothing is lost), then harder ways
    // after timeoutMs. True when the server is gone.
    bool stop(int timeoutMs = 30000);
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("sitroom"); }
    // A libpq URL for a database of this cluster ("postgres" exists from the start).
    QString url(const QString &database = QStringLiteral("postgres")) const;

    // Creates an empty database; false with psql's words on failure.
    bool createDatabase(const QString &name, QString *error);
    // Runs SQL through psql in a database; its output (unaligned, tuples only)
    // in *output. False with psql's words on failure.
    bool execute(const QString &database, const QString &sql, QString *error, QString *output = nullptr);

    // The cluster's folder (its data, log and owner's pid); empty before start().
    QString folder() const;
    // Where clusters make their folders: the temporary folder, or /tmp when
    // the postgres user could not reach that one.
    static QString parentFolder();

    // The server's log so far (initdb's too).
    QString log() const;
    // How long the last start() took, initdb included the first time.
    qint64 lastStartMs() const { return m_lastStartMs; }

private:
    bool prepareFolder(QString *error);
    bool initialize(QString *error, int timeoutMs);
    bool launch(QString *error, int timeoutMs);
    QString dataDir() const;
    QString client(const QString &tool) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    bool m_initialized = false;
    bool m_durable = false;
    qint64 m_lastStartMs = 0;
};

} // namespace sitroom::testing
