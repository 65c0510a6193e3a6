#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;

namespace sitroom::metrics {

// Serves GET (or HEAD) /metrics with the text of the latest setBody(), over
// Qt HttpServer; other paths are 404, other methods 405. The text is rendered
// by the owner once per simulated second, so a scrape costs a write. Plain
// HTTP, loopback unless told otherwise: it is for a monitoring server on the
// same host or network segment, not the public.
class MetricsEndpoint final : public QObject
{
    Q_OBJECT

public:
    explicit MetricsEndpoint(QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // False with a plain-language message when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 serverPort() const { return m_port; }

    void setBody(const QByteArray &body) { m_body = body; }
    const QByteArray &body() const { return m_body; }
    quint64 scrapeCount() const { return m_scrapes; }

private:
    std::unique_ptr<QHttpServer> m_server;
    QByteArray m_body;
    quint64 m_scrapes = 0;
    quint16 m_port = 0;
};

} // namespace sitroom::metrics
