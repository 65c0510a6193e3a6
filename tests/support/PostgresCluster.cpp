#include "tests/support/PostgresCluster.h"

#include "tests/support/ProgramRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace sitroom::testing {

namespace {

const char kFolderPrefix[] = "sitroom-pg-";
const char kOwnerFile[] = "owner.pid";
const char kLogFile[] = "server.log";

// Who initdb and the server run as: the postgres user when the test is
// root (PostgreSQL refuses root), the test's own user otherwise.
struct RunAs
{
    bool drop = false;
    uid_t uid = 0;
    gid_t gid = 0;
};

bool runAs(RunAs *who, QString *error)
{
    if (geteuid() != 0)
        return true;
    const passwd *pw = getpwnam("postgres");
    if (!pw) {
        *error = QStringLiteral("the tests run as root and there is no \"postgres\" user to run PostgreSQL as "
                                "(scripts/setup installs Debian's postgresql, which creates it)");
        return false;
    }
    who->drop = true;
    who->uid = pw->pw_uid;
    who->gid = pw->pw_gid;
    return true;
}

// Runs in the child between fork and exec: only async-signal-safe calls.
void becomeServerChild(QProcess &process, const RunAs &who)
{
    const pid_t parent = getpid();
    process.setChildProcessModifier([who, parent] {
        if (who.drop && (setgroups(1, &who.gid) != 0 || setgid(who.gid) != 0 || setuid(who.uid) != 0))
            _exit(126);
        // After setuid, which clears it: the child dies with the test's thread.
        prctl(PR_SET_PDEATHSIG, SIGQUIT);
        if (getppid() != parent)
            _exit(126);
    });
}

bool isAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

qint64 firstNumber(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

} // namespace

// A folder the postgres user can reach: QDir::tempPath() unless one of its
// folders is closed to others (a TMPDIR under /root), then /tmp.
QString PostgresCluster::parentFolder()
{
    const QString temp = QDir::tempPath();
    if (geteuid() != 0)
        return temp;
    for (QDir d(temp);; d.cdUp()) {
        struct stat st {};
        if (::stat(QFile::encodeName(d.absolutePath()).constData(), &st) != 0 || !(st.st_mode & S_IXOTH))
            return QStringLiteral("/tmp");
        if (d.isRoot())
            return temp;
    }
}

namespace {

// Stops the server of, and removes, every cluster folder whose test has gone
// (killed before its destructor ran).
void reapAbandoned(const QString &base)
{
    const QDir dir(base);
    const QStringList folders =
        dir.entryList({QLatin1String(kFolderPrefix) + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : folders) {
        const QString path = dir.filePath(name);
        const QFileInfo owner(QDir(path).filePath(QLatin1String(kOwnerFile)));
        if (!owner.exists()) {
            // Being made right now, or not one of ours: left alone unless old.
            if (QFileInfo(path).lastModified().secsTo(QDateTime::currentDateTime()) < 3600)
                continue;
        } else if (isAlive(firstNumber(owner.filePath()))) {
            continue;
        }
        const qint64 server = firstNumber(QDir(path).filePath(QStringLiteral("data/postmaster.pid")));
        QFile comm(QStringLiteral("/proc/%1/comm").arg(server));
        if (isAlive(server) && comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "postgres") {
            ::kill(pid_t(server), SIGQUIT);
            QDeadlineTimer deadline(5000);
            while (isAlive(server) && !deadline.hasExpired())
                QThread::msleep(50);
        }
        QDir(path).removeRecursively();
    }
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::binDir()
{
    const QString given = qEnvironmentVariable("SITROOM_PG_BINDIR");
    if (!given.isEmpty())
        return given;
    const auto usable = [](const QString &bin) {
        return QFileInfo(bin + QStringLiteral("/postgres")).isExecutable()
            && QFileInfo(bin + QStringLiteral("/initdb")).isExecutable();
    };
    const QString debian15 = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (usable(debian15))
        return debian15;
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        if (usable(bin))
            return bin;
    }
    return {};
}

QString PostgresCluster::folder() const
{
    return m_dir ? m_dir->path() : QString();
}

QString PostgresCluster::dataDir() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("data")) : QString();
}

QString PostgresCluster::client(const QString &tool) const
{
    return binDir() + QLatin1Char('/') + tool;
}

QString PostgresCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user(), host()).arg(m_port).arg(database);
}

bool PostgresCluster::isRunning() const
{
    return m_server.state() != QProcess::NotRunning;
}

QString PostgresCluster::log() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->filePath(QLatin1String(kLogFile)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool PostgresCluster::prepareFolder(QString *error)
{
    const QString base = parentFolder();
    reapAbandoned(base);
    m_dir = std::make_unique<QTemporaryDir>(base + QLatin1Char('/') + QLatin1String(kFolderPrefix) + QStringLiteral("XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a folder for PostgreSQL under %1: %2").arg(base, m_dir->errorString());
        m_dir.reset();
        return false;
    }
    QFile owner(m_dir->filePath(QLatin1String(kOwnerFile)));
    if (!owner.open(QIODevice::WriteOnly) || owner.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n') < 0) {
        *error = QStringLiteral("cannot write %1").arg(owner.fileName());
        return false;
    }
    owner.close();
    RunAs who;
    if (!runAs(&who, error))
        return false;
    if (who.drop && ::chown(QFile::encodeName(m_dir->path()).constData(), who.uid, who.gid) != 0) {
        *error = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path());
        return false;
    }
    return true;
}

bool PostgresCluster::initialize(QString *error, int timeoutMs)
{
    RunAs who;
    if (!runAs(&who, error))
        return false;
    QProcess initdb;
    becomeServerChild(initdb, who);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.setStandardOutputFile(m_dir->filePath(QLatin1String(kLogFile)), QIODevice::Append);
    initdb.start(client(QStringLiteral("initdb")),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                  user(), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale"),
                  QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")});
    if (!initdb.waitForFinished(timeoutMs)) {
        initdb.kill();
        initdb.waitForFinished(5000);
        *error = QStringLiteral("initdb did not finish within %1 ms:\n%2").arg(timeoutMs).arg(log());
        return false;
    }
    if (initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        *error = QStringLiteral("initdb failed (exit %1):\n%2").arg(initdb.exitCode()).arg(log());
        return false;
    }
    m_initialized = true;
    return true;
}

bool PostgresCluster::launch(QString *error, int timeoutMs)
{
    RunAs who;
    if (!runAs(&who, error))
        return false;
    becomeServerChild(m_server, who);
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(m_dir->filePath(QLatin1String(kLogFile)), QIODevice::Append);
    QStringList arguments{QStringLiteral("-D"), dataDir(), QStringLiteral("-p"), QString::number(m_port),
                          QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                          QStringLiteral("-c"), QStringLiteral("unix_socket_directories="),
                          QStringLiteral("-c"), QStringLiteral("max_connections=40"),
                          QStringLiteral("-c"), QStringLiteral("shared_buffers=16MB")};
    if (!m_durable)
        arguments << QStringLiteral("-c") << QStringLiteral("fsync=off") << QStringLiteral("-c")
                  << QStringLiteral("synchronous_commit=off") << QStringLiteral("-c") << QStringLiteral("full_page_writes=off");
    m_server.start(client(QStringLiteral("postgres")), arguments);
    QDeadlineTimer deadline(timeoutMs);
    if (!m_server.waitForStarted(int(std::max<qint64>(1, deadline.remainingTime())))) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_server.program(), m_server.errorString());
        return false;
    }
    // The server says it is ready in postmaster.pid's eighth line.
    const QString pidFile = QDir(dataDir()).filePath(QStringLiteral("postmaster.pid"));
    while (!deadline.hasExpired()) {
        QFile f(pidFile);
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = f.readAll().split('\n');
            if (lines.size() > 7 && lines.at(7).trimmed() == "ready")
                return true;
        }
        if (m_server.waitForFinished(int(std::clamp<qint64>(deadline.remainingTime(), 1, 50))))
            break;
    }
    if (isRunning()) {
        stop(5000);
        *error = QStringLiteral("PostgreSQL did not become ready on port %1 within %2 ms:\n%3").arg(m_port).arg(timeoutMs).arg(log());
    } else {
        *error = QStringLiteral("PostgreSQL exited (code %1) before it was ready on port %2:\n%3")
                     .arg(m_server.exitCode()).arg(m_port).arg(log());
    }
    return false;
}

bool PostgresCluster::start(QString *error, int timeoutMs)
{
    if (isRunning())
        return true;
    QElapsedTimer took;
    took.start();
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL is not installed (scripts/setup installs Debian's postgresql)");
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    if (!m_dir && !prepareFolder(error))
        return false;
    if (!m_initialized && !initialize(error, int(std::max<qint64>(1, deadline.remainingTime()))))
        return false;
    // A port found free may be taken before the server binds it: another one then.
    const bool portChosen = m_port != 0;
    for (int attempt = 0; attempt < 3 && !deadline.hasExpired(); ++attempt) {
        if (!portChosen)
            m_port = freeLoopbackPort();
        if (launch(error, int(std::max<qint64>(1, deadline.remainingTime())))) {
            m_lastStartMs = took.elapsed();
            return true;
        }
        if (portChosen || !error->contains(QLatin1String("Address already in use")))
            return false;
    }
    return false;
}

bool PostgresCluster::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    const pid_t pid = pid_t(m_server.processId());
    // SIGINT: fast shutdown; SIGQUIT: immediate; then SIGKILL.
    ::kill(pid, SIGINT);
    if (m_server.waitForFinished(timeoutMs))
        return true;
    ::kill(pid, SIGQUIT);
    if (m_server.waitForFinished(5000))
        return true;
    m_server.kill();
    return m_server.waitForFinished(5000);
}

bool PostgresCluster::createDatabase(const QString &name, QString *error)
{
    const ProgramRun run = runProgram(client(QStringLiteral("createdb")),
                                      {QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port),
                                       QStringLiteral("-U"), user(), name},
                                      {}, 30000);
    if (run.exitCode == 0)
        return true;
    *error = QStringLiteral("createdb %1: %2").arg(name, describe(run));
    return false;
}

bool PostgresCluster::execute(const QString &database, const QString &sql, QString *error, QString *output)
{
    const ProgramRun run = runProgram(client(QStringLiteral("psql")),
                                      {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                                       QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), host(),
                                       QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), user(),
                                       QStringLiteral("-d"), database, QStringLiteral("-c"), sql},
                                      {}, 30000);
    if (output)
        *output = run.out.trimmed();
    if (run.exitCode == 0)
        return true;
    *error = QStringLiteral("psql: %1").arg(describe(run));
    return false;
}

} // namespace sitroom::testing
