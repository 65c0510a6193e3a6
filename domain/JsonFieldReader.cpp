#include "domain/JsonFieldReader.h"

#include <QDateTime>

#include <cmath>

namespace sitroom::domain {

namespace {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return u'"' + value.toString() + u'"';
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

} // namespace

JsonFieldReader::JsonFieldReader(QJsonObject object, QString path)
    : JsonFieldReader(std::move(object), std::move(path), std::make_shared<Errors>())
{
}

JsonFieldReader::JsonFieldReader(QJsonObject object, QString path, std::shared_ptr<Errors> errors)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_errors(std::move(errors))
{
}

QString JsonFieldReader::pathOf(const QString &name) const
{
    if (m_path.isEmpty())
        return name;
    if (name.startsWith(u'['))
        return m_path + name;
    return m_path + u'.' + name;
}

void JsonFieldReader::fail(const QString &field, const QString &reason)
{
    if (m_errors->message.isEmpty())
        m_errors->message = (field.isEmpty() ? (m_path.isEmpty() ? QStringLiteral("(top level)") : m_path)
                                             : pathOf(field))
            + QStringLiteral(": ") + reason;
}

const QJsonValue *JsonFieldReader::lookup(const QString &name, bool required)
{
    m_read.insert(name);
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd() || it->isUndefined()) {
        if (required)
            fail(name, QStringLiteral("is missing"));
        return nullptr;
    }
    m_current = *it;
    return &m_current;
}

double JsonFieldReader::number(const QString &name, double min, double max)
{
    const QJsonValue *value = lookup(name, true);
    if (!value)
        return min;
    if (!value->isDouble() || !std::isfinite(value->toDouble())) {
        fail(name, QStringLiteral("must be a number, not %1").arg(describe(*value)));
        return min;
    }
    const double number = value->toDouble();
    if (number < min || number > max) {
        fail(name, QStringLiteral("must be from %1 to %2, not %3").arg(min).arg(max).arg(number));
        return min;
    }
    return number;
}

double JsonFieldReader::number(const QString &name, double min, double max, double fallback)
{
    if (!m_object.contains(name)) {
        m_read.insert(name);
        return fallback;
    }
    return number(name, min, max);
}

std::int64_t JsonFieldReader::integer(const QString &name, std::int64_t min, std::int64_t max)
{
    const QJsonValue *value = lookup(name, true);
    if (!value)
        return min;
    const double number = value->toDouble(std::nan(""));
    if (!value->isDouble() || std::floor(number) != number) {
        fail(name, QStringLiteral("must be a whole number, not %1").arg(describe(*value)));
        return min;
    }
    if (number < double(min) || number > double(max)) {
        fail(name, QStringLiteral("must be from %1 to %2, not %3").arg(min).arg(max).arg(number, 0, 'f', 0));
        return min;
    }
    return static_cast<std::int64_t>(number);
}

std::int64_t JsonFieldReader::integer(const QString &name, std::int64_t min, std::int64_t max,
                                      std::int64_t fallback)
{
    if (!m_object.contains(name)) {
        m_read.insert(name);
        return fallback;
    }
    return integer(name, min, max);
}

QString JsonFieldReader::string(const QString &name)
{
    const QJsonValue *value = lookup(name, true);
    if (!value)
        return {};
    if (!value->isString() || value->toString().trimmed().isEmpty()) {
        fail(name, QStringLiteral("must be a non-empty string, not %1").arg(describe(*value)));
        return {};
    }
    return value->toString();
}

QString JsonFieldReader::string(const QString &name, const QString &fallback)
{
    if (!m_object.contains(name)) {
        m_read.insert(name);
        return fallback;
    }
    return string(name);
}

bool JsonFieldReader::boolean(const QString &name, bool fallback)
{
    const QJsonValue *value = lookup(name, false);
    if (!value)
        return fallback;
    if (!value->isBool()) {
        fail(name, QStringLiteral("must be true or false, not %1").arg(describe(*value)));
        return fallback;
    }
    return value->toBool();
}

std::int64_t JsonFieldReader::time(const QString &name, int *utcOffsetS)
{
    const QString text = string(name);
    if (text.isEmpty())
        return 0;
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    const bool hasOffset = text.endsWith(u'Z') || text.mid(19).contains(u'+') || text.mid(19).contains(u'-');
    if (!when.isValid() || !hasOffset) {
        fail(name, QStringLiteral("must be an ISO 8601 time with its UTC offset, such as "
                                  "\"2021-08-09T20:00:00+09:00\", not \"%1\"").arg(text));
        return 0;
    }
    if (utcOffsetS)
        *utcOffsetS = when.offsetFromUtc();
    return when.toMSecsSinceEpoch();
}

QJsonArray JsonFieldReader::array(const QString &name, bool required)
{
    const QJsonValue *value = lookup(name, required);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(name, QStringLiteral("must be an array, not %1").arg(describe(*value)));
        return {};
    }
    return value->toArray();
}

JsonFieldReader JsonFieldReader::object(const QString &name)
{
    const QJsonValue *value = lookup(name, true);
    if (value && !value->isObject())
        fail(name, QStringLiteral("must be an object, not %1").arg(describe(*value)));
    return JsonFieldReader(value ? value->toObject() : QJsonObject(), pathOf(name), m_errors);
}

JsonFieldReader JsonFieldReader::element(const QJsonArray &array, const QString &name, qsizetype index)
{
    const QString elementPath = pathOf(name) + QStringLiteral("[%1]").arg(index);
    const QJsonValue value = array.at(index);
    if (!value.isObject() && ok())
        m_errors->message = elementPath + QStringLiteral(": must be an object, not ") + describe(value);
    return JsonFieldReader(value.toObject(), elementPath, m_errors);
}

void JsonFieldReader::rejectUnknownFields()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key())) {
            QStringList known(m_read.cbegin(), m_read.cend());
            known.sort();
            fail(it.key(), QStringLiteral("unknown field (known here: %1)").arg(known.join(QStringLiteral(", "))));
            return;
        }
    }
}

} // namespace sitroom::domain
