#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace sitroom::gateway {

struct UserAccount
{
    QString name;
    sitroom::v1::Role role = sitroom::v1::ROLE_VIEWER;
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;
    QString passwordHash;
};

// The --users file: {"users": [{"name", "role", "site", "password_hash"}]}.
// A problem is one line, "users.json: line 7: users[2].role: must be viewer,
// operator or supervisor, not "admin"". Syntax errors get their line from the
// parser's offset; a field error gets the line where that user's "name" is
// written (found by scanning the text: good enough for hand-written files),
// or the line of the "users" key when the entry has no usable name.
class UsersFile final
{
public:
    static std::optional<UsersFile> load(const QString &path, QString *error);
    // displayName prefixes every message (the file's name as the user gave it).
    static std::optional<UsersFile> parse(const QByteArray &text, const QString &displayName, QString *error);

    const UserAccount *find(const QString &name) const;
    const QList<UserAccount> &accounts() const { return m_accounts; }

    static QString roleName(sitroom::v1::Role role);
    static QString siteName(sitroom::v1::Site site);

private:
    QList<UserAccount> m_accounts;
};

} // namespace sitroom::gateway
