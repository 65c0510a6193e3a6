#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QAbstractTableModel>

#include <vector>

namespace sitroom::models {

class SituationStore;

// The audit timeline, newest first: who did what, where, when and why, and
// how it ended. New entries are inserted at the top; entries the store lets go
// of leave at the bottom.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, User, Site, Action, Reason, Outcome, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        BeforeRole,
        AfterRole,
    };

    explicit AuditModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const sitroom::v1::AuditEntry &entry(int row) const { return m_rows.at(std::size_t(row)); }
    static QString siteText(quint32 site);

private:
    void sync();

    const SituationStore &m_store;
    std::vector<sitroom::v1::AuditEntry> m_rows;  // newest first
};

} // namespace sitroom::models
