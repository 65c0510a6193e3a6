#pragma once

#include "tests/support/ServiceProcess.h"

#include <QString>
#include <QUrl>

namespace sitroom::testing {

// The real Prometheus server (Debian's /usr/bin/prometheus) as a child
// process, scraping one target every second into a storage folder the caller
// owns, so that a restart on the same port and folder keeps its data.
// Prometheus cannot listen on port 0: start() picks a free loopback port
// unless given one. Its log (stdout and stderr) is standardOutput().
class PrometheusProcess final : public ServiceProcess
{
public:
    PrometheusProcess() { setErrorOutput(ErrorOutput::Merged); }

    // prometheus on PATH, else /usr/bin/prometheus; empty when neither exists.
    static QString binaryPath();
    // A loopback port that was free a moment ago.
    static quint16 freePort();

    // Writes dir/prometheus.yml (scrape_interval 1s, one job scraping
    // 127.0.0.1:targetPort) and starts Prometheus on 127.0.0.1:port with its
    // data in dir/data; waits until GET /-/ready answers 200. False with a
    // message (and Prometheus's log) on failure or timeout.
    bool start(const QString &dir, const QString &job, quint16 targetPort, QString *error, quint16 port = 0,
               int timeoutMs = 30000);
    // The same server again: same folder, job, target and port.
    bool restart(QString *error, int timeoutMs = 30000);

    quint16 port() const { return m_port; }
    QUrl url() const;
    QString log() { return standardOutput(); }

    // One blocking GET to 127.0.0.1:port path; the HTTP status, or 0.
    static int httpStatus(quint16 port, const QByteArray &path, QByteArray *body = nullptr, int timeoutMs = 2000);

private:
    QString m_dir;
    QString m_job;
    quint16 m_targetPort = 0;
    quint16 m_port = 0;
};

} // namespace sitroom::testing
