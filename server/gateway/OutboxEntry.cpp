#include "server/gateway/OutboxEntry.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <string>

namespace sitroom::gateway {

namespace {

QString encoded(const google::protobuf::MessageLite &message)
{
    return QString::fromLatin1(QByteArray::fromStdString(message.SerializeAsString()).toBase64());
}

bool decode(const QJsonValue &value, google::protobuf::MessageLite *message)
{
    const QByteArray bytes = QByteArray::fromBase64(value.toString().toLatin1());
    return message->ParseFromArray(bytes.constData(), int(bytes.size()));
}

} // namespace

QByteArray OutboxEntry::payload() const
{
    const QJsonObject o{
        {QStringLiteral("change"), request.change},
        {QStringLiteral("control"), encoded(request.control)},
        {QStringLiteral("actor"), encoded(request.actor)},
        // Whole milliseconds since 1970 are exact in a double.
        {QStringLiteral("sent_at_ms"), double(request.sentAtMs)},
        {QStringLiteral("restore"), encoded(restore)},
        {QStringLiteral("summary"), encoded(summary)},
        {QStringLiteral("restores"), restoresCommandId},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool OutboxEntry::readPayload(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    request.commandId = commandId;
    request.revision = revision;
    request.change = o.value(QStringLiteral("change")).toObject();
    request.sentAtMs = qint64(o.value(QStringLiteral("sent_at_ms")).toDouble());
    restoresCommandId = o.value(QStringLiteral("restores")).toString();
    return decode(o.value(QStringLiteral("control")), &request.control)
        && decode(o.value(QStringLiteral("actor")), &request.actor)
        && decode(o.value(QStringLiteral("restore")), &restore)
        && decode(o.value(QStringLiteral("summary")), &summary);
}

} // namespace sitroom::gateway
