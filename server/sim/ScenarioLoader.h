#pragma once

#include "server/sim/Scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sitroom::sim {

// Reads scenarios: the shipped ones by name (compiled in from
// resources/scenarios/), or any file by path. Every problem is reported with
// the file, the field and the reason. A scenario may start from another with
// "extends": NAME|FILE; its own fields are merged over the base's (objects
// field by field, arrays and values replaced).
class ScenarioLoader final
{
public:
    static QStringList shippedNames();

    // NAME of a shipped scenario, or a path to a JSON file.
    std::optional<Scenario> load(const QString &nameOrPath);
    std::optional<Scenario> parse(const QByteArray &json, const QString &origin);

    QString error() const { return m_error; }

private:
    std::optional<QJsonObject> readObject(const QString &nameOrPath, int depth);

    QString m_error;
};

} // namespace sitroom::sim
