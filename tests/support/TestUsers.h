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

// kim (operator, seoul), lee (operator, osong), park and choi (supervisors,
// seoul: Seoul is in command unless a test hands it over, and its requests
// need a second Seoul supervisor), han (viewer, osong), jung (supervisor,
// osong), kang (supervisor, ministry); password "<name>-pw".
QList<TestUser> standardTestUsers();

} // namespace sitroom::testing
