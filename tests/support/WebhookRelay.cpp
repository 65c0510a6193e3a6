#include "tests/support/WebhookRelay.h"

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <memory>

namespace sitroom::testing {

namespace {

constexpr QByteArrayView kEnd = "\r\n\r\n";

// The head's value of a header, by name in lower case.
QByteArray header(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// The message with "Connection: close" in place of its own: one exchange per connection.
QByteArray closing(const QByteArray &message)
{
    const qsizetype end = message.indexOf(kEnd);
    if (end < 0)
        return message;
    QByteArray head;
    for (const QByteArray &line : message.left(end).split('\n')) {
        if (line.trimmed().toLower().startsWith("connection:"))
            continue;
        head += line.trimmed() + "\r\n";
    }
    head += "Connection: close";
    return head + message.mid(end);
}

// Whether buffer holds a whole message: its head and Content-Length bytes of body.
bool whole(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf(kEnd);
    if (end < 0)
        return false;
    const qsizetype length = header(buffer.left(end), "content-length").toLongLong();
    return buffer.size() >= end + kEnd.size() + length;
}

} // namespace

// The relay's sockets, on its own thread.
class RelayWorker final : public QObject
{
    Q_OBJECT

public:
    RelayWorker(quint16 webhookPort, std::atomic<bool> &holding)
        : m_webhookPort(webhookPort)
        , m_holding(holding)
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &RelayWorker::accept);
        return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    }

    void releaseHeld()
    {
        const QList<Exchange> held = std::exchange(m_held, {});
        for (const Exchange &exchange : held)
            relay(exchange);
    }

signals:
    void held(const QByteArray &idempotencyKey);

private:
    struct Exchange
    {
        QPointer<QTcpSocket> client;
        QByteArray request;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
                *buffer += client->readAll();
                if (!whole(*buffer))
                    return;
                client->disconnect(this);
                const Exchange exchange{client, closing(*buffer)};
                if (exchange.request.startsWith("POST") && m_holding) {
                    m_held.append(exchange);
                    emit held(header(exchange.request.left(exchange.request.indexOf(kEnd)), "idempotency-key"));
                    return;
                }
                relay(exchange);
            });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    void relay(const Exchange &exchange)
    {
        auto *upstream = new QTcpSocket(this);
        struct Answer
        {
            QByteArray bytes;
            bool passed = false;
        };
        auto answer = std::make_shared<Answer>();
        const auto passOn = [answer, client = exchange.client] {
            if (answer->passed)
                return;
            answer->passed = true;
            if (!client)
                return;   // its sender is gone (killed): the live system's answer is lost
            if (answer->bytes.isEmpty()) {
                client->abort();
                return;
            }
            client->write(closing(answer->bytes));
            client->disconnectFromHost();
        };
        connect(upstream, &QTcpSocket::connected, upstream, [upstream, request = exchange.request] { upstream->write(request); });
        connect(upstream, &QTcpSocket::readyRead, upstream, [upstream, answer, passOn] {
            answer->bytes += upstream->readAll();
            if (whole(answer->bytes)) {
                passOn();
                upstream->disconnectFromHost();
            }
        });
        connect(upstream, &QTcpSocket::disconnected, upstream, [upstream, passOn] {
            passOn();
            upstream->deleteLater();
        });
        connect(upstream, &QTcpSocket::errorOccurred, upstream, [upstream, passOn](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::RemoteHostClosedError)
                return;   // disconnected() follows
            passOn();
            upstream->deleteLater();
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_webhookPort);
    }

    quint16 m_webhookPort;
    std::atomic<bool> &m_holding;
    QTcpServer *m_server = nullptr;
    QList<Exchange> m_held;
};

void WebhookRelay::ThreadStop::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

WebhookRelay::WebhookRelay(quint16 webhookPort, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("webhook-relay"));
    m_worker = new RelayWorker(webhookPort, m_holding);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RelayWorker::held, this, &WebhookRelay::held, Qt::QueuedConnection);
    m_thread->start();
}

WebhookRelay::~WebhookRelay() = default;

bool WebhookRelay::listen(QString *error)
{
    quint16 port = 0;
    QMetaObject::invokeMethod(m_worker, [this, &port] { port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    m_port = port;
    if (port != 0)
        return true;
    *error = QStringLiteral("the webhook relay cannot listen on a loopback port");
    return false;
}

void WebhookRelay::releaseHeld()
{
    QMetaObject::invokeMethod(m_worker, &RelayWorker::releaseHeld, Qt::QueuedConnection);
}

} // namespace sitroom::testing

#include "WebhookRelay.moc"
