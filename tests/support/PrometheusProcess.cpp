#include "tests/support/PrometheusProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace sitroom::testing {

QString PrometheusProcess::binaryPath()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (!found.isEmpty())
        return found;
    const QString debian = QStringLiteral("/usr/bin/prometheus");
    return QFileInfo(debian).isExecutable() ? debian : QString();
}

quint16 PrometheusProcess::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QUrl PrometheusProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool PrometheusProcess::start(const QString &dir, const QString &job, quint16 targetPort, QString *error, quint16 port,
                              int timeoutMs)
{
    m_dir = dir;
    m_job = job;
    m_targetPort = targetPort;
    m_port = port ? port : freePort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port for Prometheus");
        return false;
    }
    QFile config(QDir(dir).filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(config.fileName());
        return false;
    }
    config.write(QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                "scrape_configs:\n  - job_name: %1\n    static_configs:\n      - targets: ['127.0.0.1:%2']\n")
                     .arg(job)
                     .arg(targetPort)
                     .toUtf8());
    config.close();
    return restart(error, timeoutMs);
}

bool PrometheusProcess::restart(QString *error, int timeoutMs)
{
    const QString binary = binaryPath();
    if (binary.isEmpty()) {
        *error = QStringLiteral("prometheus is not installed (scripts/setup installs Debian's)");
        return false;
    }
    const quint16 port = m_port;
    return launch(binary,
                  {QStringLiteral("--config.file=") + QDir(m_dir).filePath(QStringLiteral("prometheus.yml")),
                   QStringLiteral("--storage.tsdb.path=") + QDir(m_dir).filePath(QStringLiteral("data")),
                   QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)},
                  [port] { return httpStatus(port, "/-/ready", nullptr, 1000) == 200; },
                  QStringLiteral("GET /-/ready on port %1 answers 200").arg(port), error, timeoutMs);
}

int PrometheusProcess::httpStatus(quint16 port, const QByteArray &path, QByteArray *body, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return 0;
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    // Done at Content-Length, or when the server closes the connection
    // (Qt HttpServer keeps it open even for HTTP/1.0).
    const auto complete = [&answer] {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = length.match(QString::fromLatin1(answer.left(end)));
        return m.hasMatch() && answer.size() - end - 4 >= m.captured(1).toLongLong();
    };
    while (!complete() && socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
        answer += socket.readAll();
    }
    answer += socket.readAll();
    const int space = answer.indexOf(' ');
    if (!answer.startsWith("HTTP/") || space < 0)
        return 0;
    if (body) {
        const int end = answer.indexOf("\r\n\r\n");
        *body = end < 0 ? QByteArray() : answer.mid(end + 4);
    }
    return answer.mid(space + 1, 3).toInt();
}

} // namespace sitroom::testing
