#pragma once

#include <QString>

namespace sitroom::gateway {

// Makes sure dir holds the development TLS material the demo needs: ca.pem
// (with its key, ca.key, mode 0600) and server.pem / server.key (0600) signed
// by that CA for localhost, 127.0.0.1 and ::1.
//
// A missing or empty directory gets a fresh set. A complete set is left alone.
// A partial set is refused, naming what is missing: regenerating would
// silently invalidate the ca.pem that consoles already trust.
bool ensureDevelopmentTls(const QString &dir, QString *error);

} // namespace sitroom::gateway
