#include "tests/support/TestUsers.h"

#include "server/gateway/PasswordHash.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sitroom::testing {

bool writeUsersFile(const QString &path, const QList<TestUser> &users, int iterations)
{
    QJsonArray list;
    for (const TestUser &u : users) {
        list.append(QJsonObject{{QStringLiteral("name"), u.name},
                                {QStringLiteral("role"), u.role},
                                {QStringLiteral("site"), u.site},
                                {QStringLiteral("password_hash"), gateway::PasswordHash::hash(u.password, iterations)}});
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("users"), list}}).toJson(QJsonDocument::Indented));
    return file.flush();
}

QList<TestUser> standardTestUsers()
{
    return {
        {QStringLiteral("kim"), QStringLiteral("operator"), QStringLiteral("seoul"), QStringLiteral("kim-pw")},
        {QStringLiteral("lee"), QStringLiteral("operator"), QStringLiteral("osong"), QStringLiteral("lee-pw")},
        {QStringLiteral("park"), QStringLiteral("supervisor"), QStringLiteral("seoul"), QStringLiteral("park-pw")},
        {QStringLiteral("choi"), QStringLiteral("supervisor"), QStringLiteral("seoul"), QStringLiteral("choi-pw")},
        {QStringLiteral("han"), QStringLiteral("viewer"), QStringLiteral("osong"), QStringLiteral("han-pw")},
        {QStringLiteral("jung"), QStringLiteral("supervisor"), QStringLiteral("osong"), QStringLiteral("jung-pw")},
        {QStringLiteral("kang"), QStringLiteral("supervisor"), QStringLiteral("ministry"), QStringLiteral("kang-pw")},
    };
}

} // namespace sitroom::testing
