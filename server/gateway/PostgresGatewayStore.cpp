#include "server/gateway/PostgresGatewayStore.h"

#include "server/gateway/GatewayLog.h"
#include "server/gateway/PostgresGatewayTransaction.h"
#include "server/gateway/PostgresNotices.h"
#include "server/gateway/PostgresRows.h"
#include "server/gateway/StateRows.h"

#include <QSqlError>
#include <QSocketNotifier>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace sitroom::gateway {

namespace {

const QString kDriver = QStringLiteral("QPSQL");

} // namespace

PostgresGatewayStore::PostgresGatewayStore(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("sitroom-shared-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_watch = new QTimer(this);
    m_watch->setInterval(m_retryMs);
    QObject::connect(m_watch, &QTimer::timeout, this, &PostgresGatewayStore::checkLink);
}

PostgresGatewayStore::~PostgresGatewayStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

QString PostgresGatewayStore::unreachable(const QString &why)
{
    return QStringLiteral("the shared state store cannot be reached: ") + why;
}

StoreChanges PostgresGatewayStore::changesFrom(const QString &payload)
{
    StoreChanges changes;
    for (const QString &word : payload.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString what = word.section(QLatin1Char('='), 0, 0);
        const std::uint64_t number = word.section(QLatin1Char('='), 1).toULongLong();
        if (what == QLatin1String("control")) {
            changes.control = true;
            changes.controlRevision = number;
        } else if (what == QLatin1String("alerts")) {
            changes.alerts = true;
        } else if (what == QLatin1String("audit")) {
            changes.audit = true;
            changes.lastAuditId = number;
        } else if (what == QLatin1String("outbox")) {
            changes.deliveries = true;
        }
    }
    // A notice this build cannot read still says something changed.
    if (!changes.control && !changes.alerts && !changes.audit && !changes.deliveries)
        return StoreChanges::everything();
    return changes;
}

bool PostgresGatewayStore::open(const QString &address, QString *error)
{
    return open(address, postgres::schemaSteps(), error);
}

bool PostgresGatewayStore::open(const QString &address, const std::vector<postgres::SchemaStep> &steps, QString *error)
{
    QString why;
    m_address = PostgresAddress::parse(address, &why);
    if (!m_address) {
        *error = QStringLiteral("the shared state store's address cannot be used: %1").arg(why);
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(kDriver)) {
        *error = QStringLiteral("cannot reach the shared state store %1: Qt's PostgreSQL driver (QPSQL) is not installed "
                                "(Debian's libqt6sql6-psql has it)").arg(location());
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, m_connection);
    m_address->applyTo(db);
    QObject::connect(db.driver(), &QSqlDriver::notification, this, &PostgresGatewayStore::heard);
    if (!tryConnect(&why)) {
        *error = QStringLiteral("cannot reach the shared state store %1: %2").arg(location(), why);
        return false;
    }
    if (!postgres::prepareSchema(db, steps, location(), error))
        return false;
    m_watch->start();
    return true;
}

void PostgresGatewayStore::setRetryIntervalMs(int ms)
{
    m_retryMs = std::max(10, ms);
    m_watch->setInterval(m_retryMs);
}

void PostgresGatewayStore::setLockWaitMs(int ms)
{
    m_lockWaitMs = std::max(1, ms);
    if (isReachable()) {
        QSqlQuery q(database());
        q.exec(QStringLiteral("SET lock_timeout = %1").arg(m_lockWaitMs));
    }
}

QSqlDatabase PostgresGatewayStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString PostgresGatewayStore::location() const
{
    return m_address ? m_address->describe() : QStringLiteral("(no PostgreSQL address)");
}

bool PostgresGatewayStore::isReachable() const
{
    return m_reachable && database().isOpen();
}

void PostgresGatewayStore::setChangeListener(std::function<void(const StoreChanges &)> listener)
{
    m_listener = std::move(listener);
}

bool PostgresGatewayStore::tryConnect(QString *error) const
{
    m_sinceAttempt.start();
    QSqlDatabase db = database();
    db.close();
    if (!db.open()) {
        m_lastError = postgres::said(db.lastError());
        *error = m_lastError;
        return false;
    }
    QSqlQuery q(db);
    // A lock the other gateway holds too long, or a transaction left open by
    // a gateway that hangs, ends in an error instead of a wait without end.
    if (!q.exec(QStringLiteral("SET client_min_messages = warning"))
        || !q.exec(QStringLiteral("SET lock_timeout = %1").arg(m_lockWaitMs))
        || !q.exec(QStringLiteral("SET idle_in_transaction_session_timeout = '30s'"))
        || !db.driver()->subscribeToNotification(QLatin1String(postgres::kChangeChannel))) {
        m_lastError = postgres::said(q.lastError().isValid() ? q.lastError() : db.driver()->lastError());
        *error = m_lastError;
        db.close();
        return false;
    }
    logServerNotices(db);
    // The driver listens on the connection's socket. When the server goes,
    // libpq closes that socket while reading from it: the driver's notifier
    // is put to sleep at once (it would watch a closed descriptor) and the
    // link checked, instead of at the next tick.
    auto *self = const_cast<PostgresGatewayStore *>(this);
    if (auto *notifier = db.driver()->findChild<QSocketNotifier *>()) {
        QObject::connect(notifier, &QSocketNotifier::activated, self, [self, notifier] {
            if (self->database().isOpen())
                return;
            notifier->setEnabled(false);
            QMetaObject::invokeMethod(self, &PostgresGatewayStore::checkLink, Qt::QueuedConnection);
        });
    }
    m_reachable = true;
    m_lastError.clear();
    // A new session: a lock the store held went with the old one.
    ++m_link;
    if (m_everConnected) {
        qCInfo(lcGateway).noquote() << "the shared state store" << location() << "can be reached again";
        // What was announced while the link was down is lost: anything may have changed.
        QMetaObject::invokeMethod(
            self,
            [this] {
                if (m_listener)
                    m_listener(StoreChanges::everything());
            },
            Qt::QueuedConnection);
    }
    m_everConnected = true;
    return true;
}

void PostgresGatewayStore::noteFailure() const
{
    QSqlDatabase db = database();
    if (db.isOpen() || !m_reachable)
        return;
    m_reachable = false;
    m_lastError = postgres::said(db.lastError());
    if (m_lastError.isEmpty())
        m_lastError = QStringLiteral("the connection to %1 was lost").arg(location());
    qCWarning(lcGateway).noquote() << "the shared state store" << location() << "cannot be reached:" << m_lastError;
}

bool PostgresGatewayStore::connected(QString *error) const
{
    if (m_reachable && database().isOpen())
        return true;
    if (m_reachable) {
        noteFailure();
        // Closed at once, so nothing waits on its socket while the server is away.
        database().close();
    }
    if (m_sinceAttempt.isValid() && m_sinceAttempt.elapsed() < m_retryMs) {
        *error = m_lastError;
        return false;
    }
    return tryConnect(error);
}

void PostgresGatewayStore::checkLink()
{
    QString error;
    connected(&error);
}

void PostgresGatewayStore::heard(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    // Our own commits are known already; the notice is for the other gateway.
    if (source == QSqlDriver::SelfSource || name != QLatin1String(postgres::kChangeChannel) || !m_listener)
        return;
    m_listener(changesFrom(payload.toString()));
}

std::unique_ptr<GatewayTransaction> PostgresGatewayStore::begin(QString *error)
{
    QString why;
    if (!connected(&why)) {
        *error = unreachable(why);
        return nullptr;
    }
    return PostgresGatewayTransaction::begin(*this, error);
}

std::optional<sitroom::v1::ControlState> PostgresGatewayStore::loadControl() const
{
    QString why;
    if (!connected(&why))
        return std::nullopt;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT state FROM control_state WHERE k = 1"))) {
        noteFailure();
        return std::nullopt;
    }
    if (!q.next() || q.isNull(0))
        return std::nullopt;
    return staterows::parsed<sitroom::v1::ControlState>(q.value(0).toByteArray());
}

std::optional<sitroom::v1::CommandResult> PostgresGatewayStore::findResult(const QString &commandId) const
{
    QString why;
    if (!connected(&why))
        return std::nullopt;
    QSqlQuery q(database());
    return pgrows::findResult(q, commandId, [this] { noteFailure(); });
}

std::vector<sitroom::v1::Alert> PostgresGatewayStore::loadOpenAlerts() const
{
    std::vector<sitroom::v1::Alert> alerts;
    QString why;
    if (!connected(&why))
        return alerts;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT alert FROM alerts WHERE state <> ? ORDER BY raised_order"));
    q.addBindValue(int(sitroom::v1::ALERT_CLEARED));
    if (!q.exec()) {
        noteFailure();
        return alerts;
    }
    while (q.next())
        if (auto alert = staterows::parsed<sitroom::v1::Alert>(q.value(0).toByteArray()))
            alerts.push_back(std::move(*alert));
    return alerts;
}

std::uint64_t PostgresGatewayStore::loadNextAlertId() const
{
    QString why;
    if (!connected(&why))
        return 1;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT next_id FROM alert_meta WHERE k = 1"))) {
        noteFailure();
        return 1;
    }
    if (!q.next())
        return 1;
    return std::max<std::uint64_t>(1, q.value(0).toULongLong());
}

std::vector<sitroom::v1::AuditEntry> PostgresGatewayStore::recentAudit(int n) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    QString why;
    if (!connected(&why))
        return out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY id DESC LIMIT ?").arg(QLatin1String(pgrows::kAuditColumns)));
    q.addBindValue(n);
    if (!q.exec()) {
        noteFailure();
        return out;
    }
    while (q.next())
        out.push_back(staterows::auditEntryFrom(q));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<sitroom::v1::AuditEntry> PostgresGatewayStore::auditPage(std::uint64_t afterId, int limit, bool *more) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    if (more)
        *more = false;
    QString why;
    if (!connected(&why))
        return out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit WHERE id > ? ORDER BY id LIMIT ?").arg(QLatin1String(pgrows::kAuditColumns)));
    q.addBindValue(qlonglong(afterId));
    q.addBindValue(limit + 1);
    if (!q.exec()) {
        noteFailure();
        return out;
    }
    while (q.next())
        out.push_back(staterows::auditEntryFrom(q));
    const bool hasMore = int(out.size()) > limit;
    if (hasMore)
        out.pop_back();
    if (more)
        *more = hasMore;
    return out;
}

AuditVerification PostgresGatewayStore::verifyAudit() const
{
    QString why;
    if (!connected(&why))
        return AuditChainCheck::unreadable(unreachable(why));
    // The head and the rows as of one moment: the other gateway may append
    // meanwhile, and a head read after the rows would be ahead of them (rows
    // "missing" from an intact chain). One read-only snapshot holds both, so
    // rows past the head (appended without it) still show. Should no
    // transaction be open to us, the head is read first and the rows up to
    // it: its row is appended in the transaction that moves it.
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const bool snapshot = db.transaction()
        && q.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
    const auto end = [&db, snapshot] {
        if (snapshot)
            db.rollback();
    };
    if (!q.exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE k = 1"))) {
        noteFailure();
        const QString error = postgres::said(q.lastError());
        end();
        return AuditChainCheck::unreadable(error);
    }
    std::optional<AuditHead> head;
    if (q.next())
        head = AuditHead{q.value(0).toULongLong(), q.value(1).toByteArray()};
    q.finish();
    const QString upTo = head && !snapshot ? QStringLiteral(" WHERE id <= %1").arg(head->lastId) : QString();
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit%2 ORDER BY id").arg(QLatin1String(pgrows::kAuditColumns), upTo))) {
        noteFailure();
        const QString error = postgres::said(q.lastError());
        end();
        return AuditChainCheck::unreadable(error);
    }
    AuditChainCheck check;
    bool more = false;
    while ((more = q.next()) && check.add(staterows::auditEntryFrom(q))) {
    }
    // Rows that stop coming because the connection went are rows not read,
    // not rows missing from the chain.
    if (!more && q.lastError().isValid()) {
        noteFailure();
        const QString error = postgres::said(q.lastError());
        q.finish();
        end();
        return AuditChainCheck::unreadable(error);
    }
    q.finish();
    end();
    return check.finish(head);
}

} // namespace sitroom::gateway
