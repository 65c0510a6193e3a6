#pragma once

#include <QList>
#include <QString>

namespace sitroom::testing {

struct TestUser
{
    QString name;
    QString role;       // viewer | operator | supervisor
    QString site;       // seoul | osong | ministry
    QString password;
};

// Writes a --users file (docs/controls.md) whose hashes use few PBKDF2
// iterations, so sign-ins in tests are fast. False when the file cannot be written.
bool writeUsersFile(const QString &path, const QList<TestUser> &users, int iterations = 1000);

// kim (operator, seoul), lee (operator, osong), park (supervisor, seoul),
// choi (supervisor, ministry), han (viewer, osong); password "<name>-pw".
QList<TestUser> standardTestUsers();

} // namespace sitroom::testing
