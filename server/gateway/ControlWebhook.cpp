#include "server/gateway/ControlWebhook.h"

#include "server/gateway/ControlDiff.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/UsersFile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace sitroom::gateway {

struct ControlWebhook::Attempt
{
    ControlDeliveryRequest request;
    QByteArray body;
    QByteArray signature;
    std::function<void(const ControlDeliveryOutcome &)> done;
    int number = 0;
    QElapsedTimer since;
};

ControlWebhook::ControlWebhook(ControlWebhookOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
}

ControlWebhook::~ControlWebhook() = default;

QByteArray ControlWebhook::body(const ControlDeliveryRequest &request, qint64 sentAtMs)
{
    const sitroom::v1::Actor &a = request.actor;
    const QJsonObject actor{
        {QStringLiteral("user"), QString::fromStdString(a.user())},
        {QStringLiteral("site"), UsersFile::siteName(sitroom::v1::Site(a.site()))},
        {QStringLiteral("reason"), QString::fromStdString(a.reason())},
    };
    const QJsonObject o{
        {QStringLiteral("version"), 1},
        {QStringLiteral("command_id"), request.commandId},
        {QStringLiteral("revision"), double(request.revision)},
        {QStringLiteral("sent_at_ms"), double(sentAtMs)},
        {QStringLiteral("change"), request.change},
        {QStringLiteral("control"), liveControlJson(request.control)},
        {QStringLiteral("actor"), actor},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray ControlWebhook::signature(const QByteArray &secret, const QByteArray &body)
{
    return QByteArrayLiteral("sha256=")
        + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray ControlWebhook::readSecretFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the control secret %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray secret = file.read(64 * 1024).trimmed();
    if (secret.size() < 16) {
        *error = QStringLiteral("the control secret in %1 is %2; it must be at least 16 characters")
                     .arg(path, secret.isEmpty() ? QStringLiteral("empty") : QStringLiteral("too short"));
        return {};
    }
    return secret;
}

void ControlWebhook::deliver(const ControlDeliveryRequest &request, std::function<void(const ControlDeliveryOutcome &)> done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = request;
    // One body for every retry: the same key with the same bytes is a repeat
    // the live system recognises, never a conflict.
    attempt->body = body(request, request.sentAtMs != 0 ? request.sentAtMs : QDateTime::currentMSecsSinceEpoch());
    attempt->signature = signature(m_options.secret, attempt->body);
    attempt->done = std::move(done);
    attempt->since.start();
    send(attempt);
}

void ControlWebhook::send(std::shared_ptr<Attempt> attempt)
{
    ++attempt->number;
    QNetworkRequest request(m_options.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), attempt->request.commandId.toUtf8());
    request.setRawHeader(QByteArrayLiteral("X-Sitroom-Signature"), attempt->signature);
    request.setRawHeader(QByteArrayLiteral("X-Sitroom-Revision"), QByteArray::number(attempt->request.revision));
    request.setTransferTimeout(m_options.attemptTimeoutMs);
    if (m_options.tls)
        request.setSslConfiguration(*m_options.tls);
    QNetworkReply *reply = m_network->post(request, attempt->body);
    connect(reply, &QNetworkReply::finished, this, [this, attempt, reply] { finish(attempt, reply); });
}

namespace {

// What a request that got no HTTP answer met, from Qt's network error.
DeliveryFailure::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:   // the transfer time-out aborts it; nothing else does
        return DeliveryFailure::Kind::TimedOut;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return DeliveryFailure::Kind::SecureChannel;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
        return DeliveryFailure::Kind::ConnectionLost;
    default:
        return DeliveryFailure::Kind::Unreachable;
    }
}

// An answer that is not 2xx: the live system's own words (its JSON "error",
// or a short plain-text body) quoted; an answer of markup (a proxy's error
// page) is not its words, and is kept for the log only.
DeliveryFailure failureAnswered(int status, const QString &url, const QByteArray &answer)
{
    const QString error = QJsonDocument::fromJson(answer).object().value(QStringLiteral("error")).toString().trimmed();
    if (!error.isEmpty())
        return DeliveryFailure::answered(status, url, error.left(300));
    const QString body = QString::fromUtf8(answer.left(300)).simplified();
    if (body.startsWith(u'<'))
        return DeliveryFailure::answered(status, url, {}, body);
    return DeliveryFailure::answered(status, url, body);
}

} // namespace

void ControlWebhook::finish(std::shared_ptr<Attempt> attempt, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An attempt aborted at its time-out is closed: nothing to read.
    const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString url = m_options.url.toString();
    if (status >= 200 && status < 300) {
        qCInfo(lcGateway).noquote() << "control webhook accepted" << attempt->request.commandId << "revision"
                                    << attempt->request.revision << "with HTTP" << status;
        attempt->done(ControlDeliveryOutcome::taken());
        return;
    }
    DeliveryFailure failure = status != 0
        ? failureAnswered(status, url, answer)
        : DeliveryFailure::network(kindOf(reply->error()), url, reply->errorString(), m_options.attemptTimeoutMs);
    if (failure.isRefusal()) {
        // The live system's refusal: final, no retry.
        qCWarning(lcGateway).noquote() << "control webhook refused" << attempt->request.commandId << "with HTTP"
                                       << status << "-" << failure.english();
        attempt->done(ControlDeliveryOutcome::failed(std::move(failure)));
        return;
    }
    const int backoff = m_options.firstBackoffMs << std::min(attempt->number - 1, 10);
    if (attempt->number < m_options.maxAttempts
        && attempt->since.elapsed() + backoff + m_options.attemptTimeoutMs <= m_options.totalBudgetMs) {
        qCWarning(lcGateway).noquote() << "control webhook attempt" << attempt->number << "for"
                                       << attempt->request.commandId << "failed (" << failure.english()
                                       << "); retrying in" << backoff << "ms with the same key";
        QTimer::singleShot(backoff, this, [this, attempt] { send(attempt); });
        return;
    }
    failure.attempts = attempt->number;
    qCWarning(lcGateway).noquote() << "control webhook gave up on" << attempt->request.commandId << "-" << failure.english();
    attempt->done(ControlDeliveryOutcome::failed(std::move(failure)));
}

void ControlWebhook::probe(std::function<void(bool, const QString &, std::uint64_t)> done)
{
    QNetworkRequest request(m_options.url);
    request.setTransferTimeout(m_options.attemptTimeoutMs);
    if (m_options.tls)
        request.setSslConfiguration(*m_options.tls);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto revision = std::uint64_t(std::max(0.0, QJsonDocument::fromJson(reply->readAll()).object()
                                                              .value(QStringLiteral("revision")).toDouble()));
        if (status == 0)
            done(false, QStringLiteral("%1 cannot be reached: %2").arg(m_options.url.toString(), reply->errorString()), 0);
        else if (status >= 500)
            done(false, QStringLiteral("%1 answers HTTP %2").arg(m_options.url.toString()).arg(status), 0);
        else
            done(true, QStringLiteral("%1 answers HTTP %2").arg(m_options.url.toString()).arg(status), revision);
    });
}

} // namespace sitroom::gateway
