#include "MetricsEndpoint.h"

#include "MetricsExposition.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace sitroom::metrics {

MetricsEndpoint::MetricsEndpoint(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &MetricsEndpoint::onNewConnection);
}

MetricsEndpoint::~MetricsEndpoint() = default;

bool MetricsEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error = QStringLiteral("cannot serve metrics on %1:%2: %3")
                     .arg(address.toString()).arg(port).arg(m_server->errorString());
    return false;
}

void MetricsEndpoint::close()
{
    m_server->close();
}

quint16 MetricsEndpoint::serverPort() const
{
    return m_server->serverPort();
}

void MetricsEndpoint::update(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state)
{
    m_body = renderMetrics(configuration, state);
}

void MetricsEndpoint::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A client that never finishes its request does not keep a socket forever.
        QTimer::singleShot(kRequestTimeoutMs, socket, [socket] { socket->abort(); socket->deleteLater(); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void MetricsEndpoint::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    // The request line and headers; the body (none for GET) is ignored.
    const QByteArray seen = socket->peek(kMaxRequestBytes + 1);
    const qsizetype end = seen.indexOf("\r\n\r\n");
    if (end < 0) {
        if (seen.size() > kMaxRequestBytes)
            respond(socket, "431 Request Header Fields Too Large", QByteArrayLiteral("request too large\n"), false, "text/plain");
        return;
    }
    socket->read(end + 4);
    const QByteArray requestLine = seen.left(seen.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.")) {
        respond(socket, "400 Bad Request", QByteArrayLiteral("bad request\n"), false, "text/plain");
        return;
    }
    const QByteArray &method = parts[0];
    QByteArray path = parts[1];
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);
    if (path != "/metrics") {
        respond(socket, "404 Not Found", QByteArrayLiteral("only /metrics is served here\n"), method == "HEAD", "text/plain");
        return;
    }
    if (method != "GET" && method != "HEAD") {
        respond(socket, "405 Method Not Allowed", QByteArrayLiteral("GET or HEAD only\n"), false, "text/plain");
        return;
    }
    ++m_scrapes;
    respond(socket, "200 OK", m_body, method == "HEAD", metricsContentType());
}

void MetricsEndpoint::respond(QTcpSocket *socket, QByteArrayView status, const QByteArray &body, bool headOnly,
                              const QByteArray &contentType)
{
    socket->setProperty("answered", true);
    QByteArray head;
    head.reserve(160);
    head += "HTTP/1.1 ";
    head += status;
    head += "\r\nContent-Type: ";
    head += contentType;
    head += "\r\nContent-Length: ";
    head += QByteArray::number(body.size());
    if (status.startsWith("405"))
        head += "\r\nAllow: GET, HEAD";
    head += "\r\nConnection: close\r\n\r\n";
    socket->write(head);
    if (!headOnly)
        socket->write(body);
    socket->disconnectFromHost();
}

} // namespace sitroom::metrics
