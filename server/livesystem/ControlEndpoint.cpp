#include "server/livesystem/ControlEndpoint.h"

#include "server/livesystem/ControlSignature.h"
#include "server/livesystem/LiveControlTarget.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLiveControl, "sitroom.sim")

namespace sitroom::livesystem {

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ControlAnswer refuse(int status, const QString &reason)
{
    return {status, json(QJsonObject{{QStringLiteral("error"), reason}})};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    default: return QByteArrayLiteral("OTHER");
    }
}

ControlRequest requestOf(const QHttpServerRequest &request)
{
    ControlRequest r;
    r.method = methodName(request.method());
    r.body = request.body();
    for (const auto &[name, value] : request.headers()) {
        const QByteArray lower = name.toLower();
        if (lower == "idempotency-key")
            r.idempotencyKey = value.trimmed();
        else if (lower == "x-sitroom-signature")
            r.signature = value.trimmed();
        else if (lower == "x-sitroom-revision")
            r.revision = value.trimmed();
    }
    return r;
}

} // namespace

ControlEndpoint::ControlEndpoint(LiveControlTarget &target, const QByteArray &secret, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_secret(secret)
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/control"), [this](const QHttpServerRequest &request) {
        const ControlAnswer answer = handle(requestOf(request));
        QHttpServerResponse response(QByteArrayLiteral("application/json"), answer.body,
                                     static_cast<QHttpServerResponse::StatusCode>(answer.status));
        if (answer.status == 405)
            response.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST"));
        return response;
    });
    m_server->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(json(QJsonObject{{QStringLiteral("error"), QStringLiteral("only /control is served here")}}),
                        QByteArrayLiteral("application/json"), QHttpServerResponder::StatusCode::NotFound);
    });
}

ControlEndpoint::~ControlEndpoint() = default;

bool ControlEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_port = m_server->listen(address, port);
    if (m_port != 0)
        return true;
    if (error)
        *error = QStringLiteral("cannot serve the control endpoint on %1:%2 (the port is taken or the address is not this machine's)")
                     .arg(address.toString()).arg(port);
    return false;
}

ControlAnswer ControlEndpoint::handle(const ControlRequest &request)
{
    const ControlAnswer answer = decide(request);
    if (request.method == "POST") {
        qCInfo(lcLiveControl).noquote() << "control request key" << QString::fromUtf8(request.idempotencyKey.left(80))
                                        << "revision" << QString::fromUtf8(request.revision.left(20))
                                        << "->" << answer.status;
    }
    return answer;
}

ControlAnswer ControlEndpoint::decide(const ControlRequest &request)
{
    if (request.method == "GET") {
        return {200, json(QJsonObject{{QStringLiteral("ok"), true},
                                      {QStringLiteral("revision"), double(m_revision)}})};
    }
    if (request.method != "POST")
        return refuse(405, QStringLiteral("only POST (a control change) and GET (reachability) are served on /control"));
    if (request.body.size() > kMaxBodyBytes)
        return refuse(413, QStringLiteral("the body is over %1 bytes").arg(kMaxBodyBytes));
    if (request.signature.isEmpty())
        return refuse(401, QStringLiteral("X-Sitroom-Signature is missing"));
    if (!verifyControlSignature(m_secret, request.body, request.signature))
        return refuse(401, QStringLiteral("X-Sitroom-Signature does not match the body under the shared secret"));
    if (request.idempotencyKey.isEmpty())
        return refuse(400, QStringLiteral("Idempotency-Key is missing"));

    ControlAnswer answer;
    switch (m_memory.check(request.idempotencyKey, request.body, &answer)) {
    case IdempotencyMemory::Seen::Repeat:
        return answer;
    case IdempotencyMemory::Seen::Conflict:
        // Not remembered: the first body's answer stays the one for this key.
        return refuse(409, QStringLiteral("Idempotency-Key %1 was used before with a different body")
                               .arg(QString::fromUtf8(request.idempotencyKey)));
    case IdempotencyMemory::Seen::New:
        break;
    }

    const auto remembered = [&](const ControlAnswer &a) {
        m_memory.remember(request.idempotencyKey, request.body, a);
        return a;
    };
    QString error;
    const std::optional<ControlCommand> command = parseControlCommand(request.body, &error);
    if (!command)
        return remembered(refuse(400, error));
    if (command->commandId.toUtf8() != request.idempotencyKey)
        return remembered(refuse(400, QStringLiteral("Idempotency-Key must equal the body's command_id")));
    if (!request.revision.isEmpty() && request.revision != QByteArray::number(quint64(command->revision)))
        return remembered(refuse(400, QStringLiteral("X-Sitroom-Revision must equal the body's revision")));
    if (command->revision <= m_revision) {
        return remembered(refuse(409, QStringLiteral("stale revision: %1 is not above the last applied revision %2")
                                          .arg(command->revision).arg(m_revision)));
    }
    const QString refusal = m_target.refusal(*command);
    if (!refusal.isEmpty())
        return remembered(refuse(422, refusal));

    m_target.apply(*command);
    m_revision = command->revision;
    qCInfo(lcLiveControl).noquote() << "control applied: revision" << m_revision << command->action
                                    << "by" << command->actorUser << "at" << command->actorSite;
    emit applied(m_revision);
    return remembered({200, json(QJsonObject{{QStringLiteral("applied"), true},
                                             {QStringLiteral("revision"), double(m_revision)}})});
}

} // namespace sitroom::livesystem
