#include "server/gateway/PostgresNotices.h"

#include "server/gateway/GatewayLog.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <dlfcn.h>

#include <cstring>

namespace sitroom::gateway {

namespace {

// libpq's types, as libpq-fe.h declares them.
using NoticeProcessor = void (*)(void *arg, const char *message);
using SetNoticeProcessor = NoticeProcessor (*)(void *conn, NoticeProcessor processor, void *arg);

SetNoticeProcessor setNoticeProcessor()
{
    static const SetNoticeProcessor found = [] {
        SetNoticeProcessor fn = nullptr;
        // Already loaded by the QPSQL driver: RTLD_NOLOAD finds it, loads nothing.
        if (void *libpq = dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD)) {
            if (void *symbol = dlsym(libpq, "PQsetNoticeProcessor"))
                std::memcpy(&fn, &symbol, sizeof fn);
        }
        return fn;
    }();
    return found;
}

void toLog(void *, const char *message)
{
    qCInfo(lcGateway).noquote() << "PostgreSQL says:" << QString::fromUtf8(message).trimmed();
}

} // namespace

void logServerNotices(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt names the type by libpq's struct: "pg_conn*" (its docs say "PGconn*").
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return;
    void *connection = *static_cast<void *const *>(handle.constData());
    if (const SetNoticeProcessor set = setNoticeProcessor(); set && connection)
        set(connection, &toLog, nullptr);
}

} // namespace sitroom::gateway
