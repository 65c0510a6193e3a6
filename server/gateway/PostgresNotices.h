#pragma once

class QSqlDatabase;

namespace sitroom::gateway {

// What the PostgreSQL server says outside any answer (the FATAL notice of a
// server shutting down, warnings) goes to the gateway's log instead of
// libpq's default, the process's stderr. Qt's driver has no hook for it:
// libpq's PQsetNoticeProcessor is looked up in the libpq the driver has
// loaded, and the connection taken from QSqlDriver::handle(). Nothing
// happens when either cannot be found.
void logServerNotices(const QSqlDatabase &db);

} // namespace sitroom::gateway
