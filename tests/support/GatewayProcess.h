#pragma once

#include "tests/support/ServiceProcess.h"

#include <QString>
#include <QStringList>

namespace sitroom::testing {

// The real sitroom-gateway as a child process: started with the given
// arguments, its TLS port read from the "listening on HOST:PORT" line it
// prints once its source has started.
class GatewayProcess final : public ServiceProcess
{
public:
    static QString binaryPath();

    bool start(const QStringList &arguments, QString *error, int timeoutMs = 30000);
    quint16 port() const { return m_port; }
    // "127.0.0.1:PORT", for sitroomctl --server.
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

private:
    quint16 m_port = 0;
};

// sitroom-sim as a live system seen from outside (--metrics-listen and
// --control-listen, no embedded gateway): its two HTTP ports.
class LiveSystemProcess final : public ServiceProcess
{
public:
    static QString binaryPath();

    // Adds --metrics-listen 127.0.0.1:0 --control-listen 127.0.0.1:0
    // --control-secret secretFile to arguments; other ports than 0 when
    // given (a Prometheus already scraping where the live system will be).
    bool start(const QStringList &arguments, const QString &secretFile, QString *error, int timeoutMs = 60000,
               quint16 metricsPort = 0, quint16 controlPort = 0);
    quint16 metricsPort() const { return m_metricsPort; }
    quint16 controlPort() const { return m_controlPort; }
    QString controlUrl() const { return QStringLiteral("http://127.0.0.1:%1/control").arg(m_controlPort); }

private:
    quint16 m_metricsPort = 0;
    quint16 m_controlPort = 0;
};

} // namespace sitroom::testing
