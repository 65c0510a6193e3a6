#include "models/itemmodels/AuditModel.h"

#include "models/control/AuditStages.h"
#include "models/situation/SituationStore.h"
#include "models/words/ProviderNames.h"
#include "models/words/SiteNames.h"

#include <utility>

namespace sitroom::models {

AuditModel::AuditModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::auditChanged, this, &AuditModel::sync);
    connect(&store, &SituationStore::progressChanged, this, &AuditModel::syncStages);
    sync();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sitroom::v1::AuditEntry &e = m_rows[std::size_t(index.row())];
    switch (role) {
    case IdRole:
        return QVariant::fromValue<qulonglong>(e.id());
    case BeforeRole:
        return QString::fromStdString(e.before());
    case AfterRole:
        return QString::fromStdString(e.after());
    case StageRole:
    case StageAfterMsRole:
    case StageDetailRole:
    case CommandIdRole: {
        const sitroom::v1::CommandProgress *p = progressOf(e);
        if (!p)
            return {};
        if (role == StageRole)
            return int(p->stage());
        if (role == StageAfterMsRole)
            return p->after_ms();
        if (role == StageDetailRole)
            return words().text(p->detail_words(), p->detail());
        return QString::fromStdString(p->command_id());
    }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case RawValueRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time: {
        using sitroom::domain::LiveClock;
        const LiveClock::Stamp stamp = LiveClock::auditStamp(e.source_time_ms(), e.time_ms());
        if (role == RawValueRole)
            return QVariant::fromValue<qlonglong>(stamp.ms);
        const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
        if (role == Qt::ToolTipRole) {
            const QString text = clock().labelled(stamp, format);
            return stamp.source == LiveClock::Source::LiveSystem
                ? tr("%1 on the live system's clock").arg(text)
                : tr("%1: written before the gateway kept the live system's clock").arg(text);
        }
        // The header names the clock and the zone; a wall-clock row says so itself.
        const QString text = clock().time(stamp.ms, format);
        return stamp.source == LiveClock::Source::LiveSystem ? text : text + u' ' + LiveClock::wallClockNote();
    }
    case User:
        // The gateway writes its own rows (alert transitions, expiries, checks) as "system".
        if (e.user() == "system" && role != RawValueRole)
            return tr("system", "the gateway as the author of an audit row");
        return QString::fromStdString(e.user());
    case Site:
        if (role == RawValueRole)
            return e.site();
        // The gateway's own rows come from no site.
        return e.site() == quint32(sitroom::v1::SITE_UNSPECIFIED) ? QString() : SiteNames::name(e.site());
    case Action: {
        const QString action = words().text(e.action_words(), e.action());
        if (role == Qt::ToolTipRole && (!e.before().empty() || !e.after().empty()))
            return QString(action + u'\n'
                + tr("before: %1").arg(words().stateText(QString::fromStdString(e.before()))) + u'\n'
                + tr("after: %1").arg(words().stateText(QString::fromStdString(e.after()))));
        return action;
    }
    case Reason:
        return words().text(e.reason_words(), e.reason());
    case Outcome:
        return words().text(e.outcome_words(), e.outcome());
    case Stage:
        // The delegate words the stage (StageRole); sorting goes by it.
        if (role == RawValueRole) {
            const sitroom::v1::CommandProgress *p = progressOf(e);
            return p ? int(p->stage()) : 0;
        }
        return {};
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time (live system, %1)").arg(clock().zoneLabel());
    case User: return tr("User");
    case Site: return tr("Site");
    case Action: return tr("Action");
    case Reason: return tr("Reason");
    case Outcome: return tr("Outcome");
    case Stage: return tr("In the live system");
    default: return {};
    }
}

const sitroom::domain::LiveClock &AuditModel::clock() const
{
    const std::string &zone = m_store.configuration().timezone();
    if (zone != m_clockZone) {
        m_clockZone = zone;
        m_clock = sitroom::domain::LiveClock(QString::fromStdString(zone));
    }
    return m_clock;
}

const PhraseWords &AuditModel::words() const
{
    const std::string &zone = m_store.configuration().timezone();
    if (zone != m_wordsZone) {
        m_wordsZone = zone;
        m_words = PhraseWords(clock(), providerNamer(m_store));
    }
    return m_words;
}

const sitroom::v1::CommandProgress *AuditModel::progressOf(const sitroom::v1::AuditEntry &entry) const
{
    const auto it = m_stages.constFind(entry.id());
    return it == m_stages.constEnd() ? nullptr : &it.value();
}

void AuditModel::syncStages()
{
    const auto &progress = m_store.commandProgress();
    QHash<quint64, sitroom::v1::CommandProgress> stages;
    const QHash<quint64, int> pairs = AuditStages::pair(m_store.audit(), progress);
    for (auto it = pairs.constBegin(); it != pairs.constEnd(); ++it)
        stages.insert(it.key(), progress[std::size_t(it.value())]);
    const QHash<quint64, sitroom::v1::CommandProgress> before = std::exchange(m_stages, std::move(stages));
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const quint64 id = m_rows[std::size_t(row)].id();
        const auto was = before.constFind(id);
        const auto now = m_stages.constFind(id);
        const bool hadOne = was != before.constEnd();
        const bool hasOne = now != m_stages.constEnd();
        if (hadOne != hasOne || (hasOne && (was->stage() != now->stage() || was->after_ms() != now->after_ms()
                                            || was->command_id() != now->command_id()))) {
            const QModelIndex cell = index(row, Stage);
            emit dataChanged(cell, cell);
        }
    }
}

void AuditModel::sync()
{
    // A snapshot may bring another zone: the header says it, the rows follow.
    if (m_store.configuration().timezone() != m_clockZone) {
        clock();
        emit headerDataChanged(Qt::Horizontal, Time, Time);
        if (!m_rows.empty())
            emit dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
    }
    syncRows();
    syncStages();
}

void AuditModel::syncRows()
{
    const auto &audit = m_store.audit();  // ascending id
    if (audit.empty()) {
        if (!m_rows.empty()) {
            beginResetModel();
            m_rows.clear();
            endResetModel();
        }
        return;
    }
    // The common case: a few new entries on top, perhaps a few old ones gone.
    const quint64 newestHeld = m_rows.empty() ? 0 : m_rows.front().id();
    const quint64 oldestKept = audit.front().id();
    std::size_t fresh = 0;
    while (fresh < audit.size() && audit[audit.size() - 1 - fresh].id() > newestHeld)
        ++fresh;
    // The entries we hold must be exactly the store's older ones, else reset.
    std::size_t kept = 0;
    for (const auto &row : m_rows) {
        if (row.id() >= oldestKept)
            ++kept;
    }
    if (m_rows.empty() || kept + fresh != audit.size()) {
        beginResetModel();
        m_rows.assign(audit.rbegin(), audit.rend());
        endResetModel();
        return;
    }
    if (kept < m_rows.size()) {
        beginRemoveRows({}, int(kept), int(m_rows.size()) - 1);
        m_rows.resize(kept);
        endRemoveRows();
    }
    if (fresh > 0) {
        beginInsertRows({}, 0, int(fresh) - 1);
        m_rows.insert(m_rows.begin(), audit.rbegin(), audit.rbegin() + std::ptrdiff_t(fresh));
        endInsertRows();
    }
}

} // namespace sitroom::models
