#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace sitroom::metrics {

// A minimal HTTP/1.1 server for Prometheus: GET (or HEAD) /metrics answers the
// text of the latest update(); anything else is 404 or 405. Each answer closes
// the connection. The text is rendered once per update, not per scrape, so
// scrapes cost a write. Plain HTTP, loopback unless told otherwise: it is for
// a monitoring server on the same host or network segment, not the public.
class MetricsEndpoint final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRequestBytes = 8 * 1024;
    static constexpr int kRequestTimeoutMs = 5000;

    explicit MetricsEndpoint(QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // False with a plain-language message when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    quint16 serverPort() const;

    // The state the live system has just published.
    void update(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state);
    const QByteArray &body() const { return m_body; }
    quint64 scrapeCount() const { return m_scrapes; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, QByteArrayView status, const QByteArray &body, bool headOnly,
                 const QByteArray &contentType);

    QTcpServer *m_server;
    QByteArray m_body;
    quint64 m_scrapes = 0;
};

} // namespace sitroom::metrics
