#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace sitroom::bench {

// A sitroom-sim the benchmark starts on a free loopback port and always stops
// (SIGTERM, then SIGKILL) when it goes out of scope.
class SimulatorProcess final
{
public:
    ~SimulatorProcess();
    // Starts build/bin/sitroom-sim with --listen 127.0.0.1:0 plus args and
    // waits for its "listening on" line. False with a message on failure.
    bool start(const QStringList &args, QString *error, int timeoutMs = 60000);
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

QString binDir();

} // namespace sitroom::bench
