#include "tests/app/ControlledServer.h"

#include "tests/support/CtlProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace sitroom::testing {

bool ControlledServer::start(QString *error, const QStringList &extra)
{
    if (!tls.isValid() || !dir.isValid()) {
        *error = QStringLiteral("no temporary directories: ") + tls.errorString();
        return false;
    }
    struct User { const char *name, *role, *site; };
    const User users[] = {{"op", "operator", "seoul"}, {"sup1", "supervisor", "seoul"},
                          {"sup2", "supervisor", "seoul"}, {"oop", "operator", "osong"},
                          {"osup", "supervisor", "osong"}, {"view", "viewer", "ministry"}};
    QJsonArray list;
    for (const User &u : users) {
        const QString password = QLatin1String(u.name) + QStringLiteral("-secret");
        const auto hashed = runCtl({QStringLiteral("hash-password"), QStringLiteral("--iterations"), QStringLiteral("1000")},
                                   password.toUtf8() + '\n');
        if (hashed.exitCode != 0) {
            *error = QStringLiteral("hash-password failed: ") + describe(hashed);
            return false;
        }
        QFile file(passwordFile(QLatin1String(u.name)));
        if (!file.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write ") + file.fileName();
            return false;
        }
        file.write(password.toUtf8() + '\n');
        list.append(QJsonObject{{QStringLiteral("name"), QLatin1String(u.name)},
                                {QStringLiteral("role"), QLatin1String(u.role)},
                                {QStringLiteral("site"), QLatin1String(u.site)},
                                {QStringLiteral("password_hash"), hashed.out.trimmed()}});
    }
    QFile usersFile(dir.filePath(QStringLiteral("users.json")));
    if (!usersFile.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write ") + usersFile.fileName();
        return false;
    }
    usersFile.write(QJsonDocument(QJsonObject{{QStringLiteral("users"), list}}).toJson());
    usersFile.close();
    return sim.start(QStringList{QStringLiteral("--tls-dir"), tls.path(), QStringLiteral("--users"), usersFile.fileName(),
                                 QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state"))}
                         + extra,
                     error);
}

QString ControlledServer::passwordFile(const QString &user) const
{
    return dir.filePath(user + QStringLiteral(".password"));
}

QStringList ControlledServer::as(const QString &user) const
{
    return {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(sim.port()), QStringLiteral("--ca"),
            tls.caPath(), QStringLiteral("--user"), user, QStringLiteral("--password-file"), passwordFile(user)};
}

QJsonObject statusJson(const QStringList &connection, QString *error)
{
    const auto run = runCtl(connection + QStringList{QStringLiteral("--json"), QStringLiteral("status")});
    if (run.exitCode != 0) {
        *error = describe(run);
        return {};
    }
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace sitroom::testing
