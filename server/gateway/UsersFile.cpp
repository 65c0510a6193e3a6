#include "server/gateway/UsersFile.h"

#include "server/gateway/PasswordHash.h"

#include "proto/sitroom/SiteKey.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sitroom::gateway {

namespace {

int lineAt(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    return int(text.left(offset).count('\n')) + 1;
}

// The line of the first "name": "<name>" after from (a byte offset), or 0.
int lineOfName(const QByteArray &text, const QString &name, qsizetype *from)
{
    if (name.isEmpty())
        return 0;
    const QByteArray quoted = QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    qsizetype at = *from;
    while ((at = text.indexOf(quoted, at)) >= 0) {
        // Must be the value of a "name" key: the text before it ends with "name" :
        qsizetype before = at - 1;
        while (before >= 0 && QByteArrayView(" \t\r\n").contains(text[before]))
            --before;
        if (before >= 0 && text[before] == ':') {
            qsizetype k = before - 1;
            while (k >= 0 && QByteArrayView(" \t\r\n").contains(text[k]))
                --k;
            if (k >= 5 && text.mid(k - 5, 6) == "\"name\"") {
                *from = at + quoted.size();
                return lineAt(text, at);
            }
        }
        at += quoted.size();
    }
    return 0;
}

QString quoteValue(const QJsonValue &v)
{
    if (v.isString())
        return u'"' + v.toString() + u'"';
    if (v.isUndefined())
        return QStringLiteral("missing");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

} // namespace

QString UsersFile::roleName(sitroom::v1::Role role)
{
    switch (role) {
    case sitroom::v1::ROLE_OPERATOR: return QStringLiteral("operator");
    case sitroom::v1::ROLE_SUPERVISOR: return QStringLiteral("supervisor");
    case sitroom::v1::ROLE_VIEWER: return QStringLiteral("viewer");
    default: return QStringLiteral("none");
    }
}

QString UsersFile::siteName(sitroom::v1::Site site)
{
    const QString key = sitroom::siteKey(site);
    return key.isEmpty() ? QStringLiteral("unknown") : key;
}

std::optional<UsersFile> UsersFile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), error);
}

std::optional<UsersFile> UsersFile::parse(const QByteArray &text, const QString &displayName, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: line %2: not valid JSON: %3")
                     .arg(displayName).arg(lineAt(text, parseError.offset)).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject() || !doc.object().value(QLatin1String("users")).isArray()) {
        *error = QStringLiteral("%1: line 1: must be an object {\"users\": [...]}").arg(displayName);
        return std::nullopt;
    }
    const qsizetype usersKey = text.indexOf("\"users\"");
    const int usersLine = usersKey >= 0 ? lineAt(text, usersKey) : 1;

    UsersFile out;
    QSet<QString> seen;
    qsizetype scanFrom = 0;
    const QJsonArray users = doc.object().value(QLatin1String("users")).toArray();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QJsonObject u = users.at(i).toObject();
        const QString name = u.value(QLatin1String("name")).toString();
        int line = lineOfName(text, name, &scanFrom);
        if (line == 0)
            line = usersLine;
        const auto fail = [&](const QString &field, const QString &why) {
            *error = QStringLiteral("%1: line %2: users[%3]%4: %5")
                         .arg(displayName).arg(line).arg(i)
                         .arg(field.isEmpty() ? QString() : u'.' + field, why);
            return std::nullopt;
        };
        if (!users.at(i).isObject())
            return fail(QString(), QStringLiteral("must be an object with name, role, site and password_hash"));
        if (name.trimmed().isEmpty() || name.trimmed() != name)
            return fail(QStringLiteral("name"), QStringLiteral("must be a non-empty string without surrounding spaces, not %1")
                                                    .arg(quoteValue(u.value(QLatin1String("name")))));
        if (seen.contains(name))
            return fail(QStringLiteral("name"), QStringLiteral("\"%1\" is listed twice").arg(name));
        seen.insert(name);

        UserAccount account;
        account.name = name;
        const QJsonValue role = u.value(QLatin1String("role"));
        if (role == QLatin1String("viewer"))
            account.role = sitroom::v1::ROLE_VIEWER;
        else if (role == QLatin1String("operator"))
            account.role = sitroom::v1::ROLE_OPERATOR;
        else if (role == QLatin1String("supervisor"))
            account.role = sitroom::v1::ROLE_SUPERVISOR;
        else
            return fail(QStringLiteral("role"), QStringLiteral("must be viewer, operator or supervisor, not %1").arg(quoteValue(role)));
        const QJsonValue site = u.value(QLatin1String("site"));
        if (const std::optional<sitroom::v1::Site> known = sitroom::siteFromKey(site.toString()))
            account.site = *known;
        else
            return fail(QStringLiteral("site"), QStringLiteral("must be %1, not %2").arg(sitroom::siteKeyChoices(), quoteValue(site)));
        const QJsonValue hash = u.value(QLatin1String("password_hash"));
        QString why;
        if (!hash.isString())
            return fail(QStringLiteral("password_hash"), QStringLiteral("must be a string, not %1").arg(quoteValue(hash)));
        if (!PasswordHash::isWellFormed(hash.toString(), &why))
            return fail(QStringLiteral("password_hash"), why);
        account.passwordHash = hash.toString();
        for (auto it = u.constBegin(); it != u.constEnd(); ++it) {
            static const QSet<QString> known{QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("site"),
                                             QStringLiteral("password_hash")};
            if (!known.contains(it.key()))
                return fail(it.key(), QStringLiteral("unknown field (expected name, role, site, password_hash)"));
        }
        out.m_accounts.append(account);
    }
    return out;
}

const UserAccount *UsersFile::find(const QString &name) const
{
    for (const UserAccount &a : m_accounts)
        if (a.name == name)
            return &a;
    return nullptr;
}

} // namespace sitroom::gateway
