#pragma once

#include <QSslConfiguration>
#include <QString>

namespace sitroom::gateway {

// Reads ca.pem, server.pem and server.key from dir into a server-side TLS
// configuration (TLS 1.2 or later). False with a message naming the file and
// what is wrong with it.
bool loadServerTls(const QString &dir, QSslConfiguration *configuration, QString *error);

} // namespace sitroom::gateway
