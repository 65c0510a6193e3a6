#include "proto/transport/Defaults.h"

#include <QStandardPaths>

#include <algorithm>

namespace sitroom::transport {

QString defaultListenAddress()
{
    return QStringLiteral("127.0.0.1:%1").arg(kDefaultPort);
}

QString defaultTlsDir()
{
    // GenericDataLocation, not AppDataLocation: the simulator, the console and
    // sitroomctl have different application names but must share this folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/sitroom/tls");
}

bool parseHostPort(const QString &text, QString *host, quint16 *port, QString *error,
                   bool allowAnyPort)
{
    const QString trimmed = text.trimmed();
    QString hostPart;
    QString portPart;
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = QStringLiteral("'%1': missing ']' after an IPv6 address").arg(text);
            return false;
        }
        hostPart = trimmed.mid(1, close - 1);
        const QString rest = trimmed.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                *error = QStringLiteral("'%1': expected ':PORT' after ']'").arg(text);
                return false;
            }
            portPart = rest.mid(1);
        }
    } else {
        const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && trimmed.indexOf(QLatin1Char(':')) != colon) {
            *error = QStringLiteral("'%1': write an IPv6 address as [ADDRESS]:PORT").arg(text);
            return false;
        }
        hostPart = colon >= 0 ? trimmed.left(colon) : trimmed;
        portPart = colon >= 0 ? trimmed.mid(colon + 1) : QString();
    }
    if (hostPart.isEmpty()) {
        *error = QStringLiteral("'%1': no host name or address").arg(text);
        return false;
    }
    // "localhost :7600" would otherwise yield the host "localhost ", which fails
    // later in name resolution with a message that hides the typo.
    if (std::any_of(hostPart.cbegin(), hostPart.cend(), [](QChar c) { return c.isSpace(); })) {
        *error = QStringLiteral("'%1': blank inside the host name or address").arg(text);
        return false;
    }
    quint16 value = kDefaultPort;
    if (!portPart.isNull()) {
        // Digits only: toUInt() alone would also take "+80" and " 80".
        const bool digitsOnly = !portPart.isEmpty()
            && std::all_of(portPart.cbegin(), portPart.cend(),
                           [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
        bool ok = false;
        const uint parsed = digitsOnly ? portPart.toUInt(&ok) : 0;
        if (!ok || parsed > 65535 || (parsed == 0 && !allowAnyPort)) {
            *error = QStringLiteral("'%1': port must be a number from %2 to 65535")
                         .arg(text)
                         .arg(allowAnyPort ? 0 : 1);
            return false;
        }
        value = static_cast<quint16>(parsed);
    }
    *host = hostPart;
    *port = value;
    return true;
}

QString HostPort::text() const
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                           : QStringLiteral("%1:%2").arg(host).arg(port);
}

bool parseHostPortList(const QString &text, QList<HostPort> *addresses, QString *error)
{
    QList<HostPort> parsed;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.trimmed().isEmpty()) {
            *error = items.size() > 1 ? QStringLiteral("'%1': an empty address in the list").arg(text)
                                      : QStringLiteral("'%1': no host name or address").arg(text);
            return false;
        }
        HostPort address;
        if (!parseHostPort(item, &address.host, &address.port, error))
            return false;
        if (parsed.contains(address)) {
            *error = QStringLiteral("'%1': %2 is listed twice").arg(text, address.text());
            return false;
        }
        parsed.append(address);
    }
    *addresses = parsed;
    return true;
}

} // namespace sitroom::transport
