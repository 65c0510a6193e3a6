#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace sitroom::gateway {

// Where a shared PostgreSQL is and how to sign in to it, as libpq takes it:
// a URL (postgresql://user:password@host:port/database?sslmode=require) or a
// key=value string (host=db1 port=5432 dbname=sitroom user=gw). Multiple
// hosts ("host=a,b" or "postgresql://a:5432,b:5432/db") are passed on for
// libpq to try in turn. The password is kept for the connection and never
// shown: describe() leaves it out, and so does every message made here.
class PostgresAddress final
{
public:
    // nullopt, with a message saying what is wrong (never the password),
    // when the text is neither form.
    static std::optional<PostgresAddress> parse(const QString &text, QString *error);

    // Whether the text is meant as a PostgreSQL address rather than, say, a
    // folder: it starts with postgresql:// or postgres://, or has a key=value.
    static bool looksLikeOne(const QString &text);

    // Gives the connection its host, port, database, user and password, and
    // the other settings as Qt's QPSQL connect options, with the defaults a
    // gateway needs where the address sets none: a 3 s connect timeout, TCP
    // keepalives and a 10 s TCP user timeout (a server that vanishes is
    // noticed in seconds), and application_name=sitroom-gateway.
    void applyTo(QSqlDatabase &db) const;

    // postgresql://user@host:port/database, without the password.
    QString describe() const;

    QString value(const QString &key) const;

private:
    bool set(const QString &key, const QString &value, QString *error);

    QList<QPair<QString, QString>> m_settings;   // libpq keywords, in order
};

} // namespace sitroom::gateway
