#pragma once

#include "Scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace sitroom::sim {

// Reads scenarios: the shipped ones by name (compiled in from
// resources/scenarios/), or any file by path. Every problem is reported with
// the file, the field and the reason.
class ScenarioLoader final
{
public:
    static QStringList shippedNames();

    // NAME of a shipped scenario, or a path to a JSON file.
    std::optional<Scenario> load(const QString &nameOrPath);
    std::optional<Scenario> parse(const QByteArray &json, const QString &origin);

    QString error() const { return m_error; }

private:
    QString m_error;
};

} // namespace sitroom::sim
