#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace sitroom::testing {

class RelayWorker;

// An HTTP relay in front of a live system's control webhook, on a free
// loopback port: each request (one per connection) goes on to the webhook and
// its answer back. While holding, a POST stops here instead, and the test
// says when it goes on (releaseHeld): the moment after a gateway has decided
// a change and sent it, before the live system has answered, is then the
// test's to choose, with no sleep. GETs (the gateway's start-up probe) are
// never held. It runs on a thread of its own, so it answers while the test
// waits on a child process.
class WebhookRelay final : public QObject
{
    Q_OBJECT

public:
    explicit WebhookRelay(quint16 webhookPort, QObject *parent = nullptr);
    ~WebhookRelay() override;

    bool listen(QString *error);
    quint16 port() const { return m_port; }
    QString controlUrl() const { return QStringLiteral("http://127.0.0.1:%1/control").arg(m_port); }

    void setHolding(bool holding) { m_holding = holding; }
    // Sends the held requests on; their answers go to their senders if they
    // are still there (a killed gateway's are dropped).
    void releaseHeld();

signals:
    // A POST held, by its Idempotency-Key (queued to the test's thread).
    void held(const QByteArray &idempotencyKey);

private:
    struct ThreadStop
    {
        void operator()(QThread *thread) const;
    };
    std::atomic<bool> m_holding{false};
    quint16 m_port = 0;
    std::unique_ptr<QThread, ThreadStop> m_thread;
    RelayWorker *m_worker = nullptr;   // lives on m_thread, deleted when it finishes
};

} // namespace sitroom::testing
