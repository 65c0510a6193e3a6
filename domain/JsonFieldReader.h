#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <cstdint>
#include <memory>

namespace sitroom::domain {

// Reads typed fields from a JSON object and remembers the first problem with
// its full path ("providers[2].capacity_per_s: must be ..."), so a bad
// configuration file is refused with the field and the reason. Unknown fields
// are problems too: a misspelt key must not silently fall back to a default.
class JsonFieldReader final
{
public:
    JsonFieldReader(QJsonObject object, QString path = {});

    bool ok() const { return m_errors->message.isEmpty(); }
    QString error() const { return m_errors->message; }
    void fail(const QString &field, const QString &reason);

    bool has(const QString &name) const { return m_object.contains(name); }

    double number(const QString &name, double min, double max);
    double number(const QString &name, double min, double max, double fallback);
    std::int64_t integer(const QString &name, std::int64_t min, std::int64_t max);
    std::int64_t integer(const QString &name, std::int64_t min, std::int64_t max, std::int64_t fallback);
    QString string(const QString &name);
    QString string(const QString &name, const QString &fallback);
    bool boolean(const QString &name, bool fallback);
    // An ISO 8601 time with its UTC offset, as milliseconds since the epoch.
    std::int64_t time(const QString &name, int *utcOffsetS = nullptr);
    QJsonArray array(const QString &name, bool required = true);

    // A reader for a nested object (field "name", or element "name[i]").
    JsonFieldReader object(const QString &name);
    JsonFieldReader element(const QJsonArray &array, const QString &name, qsizetype index);

    // Reports the first field that was never read.
    void rejectUnknownFields();

    QString pathOf(const QString &name) const;

private:
    struct Errors
    {
        QString message;
    };
    JsonFieldReader(QJsonObject object, QString path, std::shared_ptr<Errors> errors);
    const QJsonValue *lookup(const QString &name, bool required);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<Errors> m_errors;
    QSet<QString> m_read;
    QJsonValue m_current;
};

} // namespace sitroom::domain
