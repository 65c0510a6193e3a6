#pragma once

#include "server/gateway/ControlDelivery.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace sitroom::gateway {

struct ControlWebhookOptions
{
    QUrl url;                            // http:// or https://
    QByteArray secret;                   // HMAC-SHA256 key
    int attemptTimeoutMs = 5000;         // one POST
    int maxAttempts = 4;                 // network errors and 5xx are retried...
    int firstBackoffMs = 250;            // ...after 250 ms, 500 ms, 1 s (x2 each)
    int totalBudgetMs = 15000;           // and never past this since the first attempt
    std::optional<QSslConfiguration> tls; // for https: the CA to trust
};

// The control webhook's client side (docs/control-webhook.md): each change is
// POSTed as signed JSON with its command_id as Idempotency-Key; 2xx is
// accepted; 4xx is the live system's refusal, said in its own words; network
// errors, time-outs and 5xx are retried with the same key and body within a
// bound. Deliveries run one at a time in the order given.
class ControlWebhook final : public QObject, public ControlDelivery
{
    Q_OBJECT

public:
    explicit ControlWebhook(ControlWebhookOptions options, QObject *parent = nullptr);
    ~ControlWebhook() override;

    void deliver(const ControlDeliveryRequest &request, std::function<void(const ControlDeliveryOutcome &)> done) override;

    // GET on the URL: whether the live system answers at all (start-up
    // check), and the control revision it reports having applied (0 when it
    // does not say).
    void probe(std::function<void(bool ok, const QString &detail, std::uint64_t revision)> done);

    // The exact bytes POSTed and their signature header value.
    static QByteArray body(const ControlDeliveryRequest &request, qint64 sentAtMs);
    static QByteArray signature(const QByteArray &secret, const QByteArray &body);
    // Reads a secret file: its content, whitespace trimmed; empty with a message when unusable.
    static QByteArray readSecretFile(const QString &path, QString *error);

    const QUrl &url() const { return m_options.url; }

private:
    struct Attempt;
    void send(std::shared_ptr<Attempt> attempt);
    void finish(std::shared_ptr<Attempt> attempt, QNetworkReply *reply);

    ControlWebhookOptions m_options;
    QNetworkAccessManager *m_network;
};

} // namespace sitroom::gateway
