#include "server/gateway/PostgresAddress.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

namespace sitroom::gateway {

namespace {

const QStringList kSchemes{QStringLiteral("postgresql://"), QStringLiteral("postgres://")};

// Settings QSqlDatabase takes itself; every other one goes in the connect options.
const QStringList kOwnFields{QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("dbname"),
                             QStringLiteral("user"), QStringLiteral("password")};

QString decoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

bool isPort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    return ok && port > 0 && port < 65536;
}

// As libpq reads a value: in single quotes when it has spaces, quotes or
// backslashes (or nothing), those escaped with a backslash.
QString quoted(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[^\\s'\\\\]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString out = value;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace

bool PostgresAddress::looksLikeOne(const QString &text)
{
    const QString t = text.trimmed();
    for (const QString &scheme : kSchemes)
        if (t.startsWith(scheme, Qt::CaseInsensitive))
            return true;
    static const QRegularExpression keyword(QStringLiteral("^[A-Za-z_]+\\s*="));
    return keyword.match(t).hasMatch();
}

bool PostgresAddress::set(const QString &key, const QString &value, QString *error)
{
    static const QRegularExpression name(QStringLiteral("^[a-z_]+$"));
    if (!name.match(key).hasMatch()) {
        *error = QStringLiteral("\"%1\" is not a PostgreSQL connection setting").arg(key);
        return false;
    }
    // Qt's driver joins the connect options with ';' turned into spaces.
    if (!kOwnFields.contains(key) && value.contains(QLatin1Char(';'))) {
        *error = QStringLiteral("the PostgreSQL setting %1 may not contain ';'").arg(key);
        return false;
    }
    if (key == QLatin1String("port")) {
        for (const QString &port : value.split(QLatin1Char(',')))
            if (!port.isEmpty() && !isPort(port)) {
                *error = QStringLiteral("\"%1\" is not a port number").arg(port);
                return false;
            }
    }
    for (auto &setting : m_settings)
        if (setting.first == key) {
            setting.second = value;
            return true;
        }
    m_settings.append({key, value});
    return true;
}

QString PostgresAddress::value(const QString &key) const
{
    for (const auto &setting : m_settings)
        if (setting.first == key)
            return setting.second;
    return {};
}

std::optional<PostgresAddress> PostgresAddress::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        *error = QStringLiteral("the PostgreSQL address is empty");
        return std::nullopt;
    }
    PostgresAddress a;
    QString scheme;
    for (const QString &s : kSchemes)
        if (t.startsWith(s, Qt::CaseInsensitive))
            scheme = s;
    if (!scheme.isEmpty()) {
        // postgresql://[user[:password]@][host[:port][,...]][/dbname][?key=value&...]
        QString rest = t.mid(scheme.size());
        const qsizetype queryAt = rest.indexOf(QLatin1Char('?'));
        const QString query = queryAt < 0 ? QString() : rest.mid(queryAt + 1);
        rest = rest.left(queryAt < 0 ? rest.size() : queryAt);
        const qsizetype pathAt = rest.indexOf(QLatin1Char('/'));
        const QString database = pathAt < 0 ? QString() : decoded(rest.mid(pathAt + 1));
        QString authority = rest.left(pathAt < 0 ? rest.size() : pathAt);
        const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
        if (at >= 0) {
            const QString userInfo = authority.left(at);
            authority = authority.mid(at + 1);
            const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
            if (!a.set(QStringLiteral("user"), decoded(userInfo.left(colon < 0 ? userInfo.size() : colon)), error))
                return std::nullopt;
            if (colon >= 0 && !a.set(QStringLiteral("password"), decoded(userInfo.mid(colon + 1)), error))
                return std::nullopt;
        }
        QStringList hosts, ports;
        bool anyPort = false;
        for (const QString &spec : authority.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString host = spec, port;
            if (spec.startsWith(QLatin1Char('['))) {
                const qsizetype close = spec.indexOf(QLatin1Char(']'));
                if (close < 0) {
                    *error = QStringLiteral("\"%1\" has no closing ']'").arg(spec);
                    return std::nullopt;
                }
                host = spec.mid(1, close - 1);
                if (spec.mid(close + 1).startsWith(QLatin1Char(':')))
                    port = spec.mid(close + 2);
            } else if (const qsizetype colon = spec.lastIndexOf(QLatin1Char(':')); colon >= 0) {
                host = spec.left(colon);
                port = spec.mid(colon + 1);
            }
            hosts << decoded(host);
            ports << port;
            anyPort = anyPort || !port.isEmpty();
        }
        if (!hosts.isEmpty() && !a.set(QStringLiteral("host"), hosts.join(QLatin1Char(',')), error))
            return std::nullopt;
        if (anyPort && !a.set(QStringLiteral("port"), ports.join(QLatin1Char(',')), error))
            return std::nullopt;
        if (!database.isEmpty() && !a.set(QStringLiteral("dbname"), database, error))
            return std::nullopt;
        for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                *error = QStringLiteral("\"%1\" in the address is not key=value").arg(pair.section(QLatin1Char('='), 0, 0));
                return std::nullopt;
            }
            if (!a.set(decoded(pair.left(eq)), decoded(pair.mid(eq + 1)), error))
                return std::nullopt;
        }
        return a;
    }
    // key = value ..., a value in single quotes when it has spaces, \' and \\ inside.
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < t.size() && t.at(i).isSpace())
            ++i;
    };
    for (skipSpaces(); i < t.size(); skipSpaces()) {
        const qsizetype keyStart = i;
        while (i < t.size() && t.at(i) != QLatin1Char('=') && !t.at(i).isSpace())
            ++i;
        const QString key = t.mid(keyStart, i - keyStart);
        skipSpaces();
        if (i >= t.size() || t.at(i) != QLatin1Char('=')) {
            *error = QStringLiteral("\"%1\" in the PostgreSQL address has no '=' and value").arg(key);
            return std::nullopt;
        }
        ++i;
        skipSpaces();
        QString value;
        if (i < t.size() && t.at(i) == QLatin1Char('\'')) {
            ++i;
            bool closed = false;
            while (i < t.size()) {
                const QChar c = t.at(i++);
                if (c == QLatin1Char('\\') && i < t.size()) {
                    value += t.at(i++);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                *error = QStringLiteral("the value of %1 in the PostgreSQL address has no closing quote").arg(key);
                return std::nullopt;
            }
        } else {
            while (i < t.size() && !t.at(i).isSpace()) {
                if (t.at(i) == QLatin1Char('\\') && i + 1 < t.size())
                    ++i;
                value += t.at(i++);
            }
        }
        if (!a.set(key, value, error))
            return std::nullopt;
    }
    return a;
}

void PostgresAddress::applyTo(QSqlDatabase &db) const
{
    db.setHostName(value(QStringLiteral("host")));
    db.setDatabaseName(value(QStringLiteral("dbname")));
    db.setUserName(value(QStringLiteral("user")));
    db.setPassword(value(QStringLiteral("password")));
    QStringList options;
    const QString port = value(QStringLiteral("port"));
    if (isPort(port))
        db.setPort(port.toInt());
    else if (!port.isEmpty())
        options << QStringLiteral("port=") + quoted(port);   // one per host
    for (const auto &[key, v] : m_settings)
        if (!kOwnFields.contains(key))
            options << key + QLatin1Char('=') + quoted(v);
    const std::pair<const char *, const char *> defaults[] = {
        {"connect_timeout", "3"},
        {"keepalives", "1"},
        {"keepalives_idle", "5"},
        {"keepalives_interval", "2"},
        {"keepalives_count", "3"},
        {"tcp_user_timeout", "10000"},
        {"application_name", "sitroom-gateway"},
    };
    for (const auto &[key, v] : defaults)
        if (value(QLatin1String(key)).isEmpty())
            options << QLatin1String(key) + QLatin1Char('=') + QLatin1String(v);
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

QString PostgresAddress::describe() const
{
    const QString user = value(QStringLiteral("user"));
    const QString host = value(QStringLiteral("host"));
    const QString port = value(QStringLiteral("port"));
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    out += host.isEmpty() ? QStringLiteral("localhost") : host;
    if (!port.isEmpty())
        out += QLatin1Char(':') + port;
    return out + QLatin1Char('/') + value(QStringLiteral("dbname"));
}

} // namespace sitroom::gateway
