#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QAbstractTableModel>

#include <vector>

namespace sitroom::v1 {
class AlertEvent;
}

namespace sitroom::models {

class SituationStore;

// The store's alerts (every alert not cleared), most severe (latched) first,
// then newest first. A snapshot resets the model; each AlertEvent changes one
// row to what the store holds now: inserted where it sorts, changed in place,
// moved when its severity or time moved it, or removed when the store let it
// go, so the selection and the view's scroll survive a busy night. Which
// alerts stay is the store's rule alone.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Severity, Raised, Source, Message, State, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        KeyRole,
        SeverityRole,   // sitroom::v1::Severity as int (latched)
        StateRole,      // sitroom::v1::AlertState as int
        RunbookRole,
        FirstOutRole,
        SourceRole,     // "provider/kakao", "queue", "backend"
        GroupRole,      // flood_group, or the source when the engine gave none
        ActiveSeverityRole,
        ShelvedUntilRole,
    };

    explicit AlertModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const sitroom::v1::Alert *alertAt(int row) const;
    int rowOf(const QString &id) const;
    // True when `a` sorts before `b`: higher severity, then later raised, then id.
    static bool sortsBefore(const sitroom::v1::Alert &a, const sitroom::v1::Alert &b);

private:
    void reload();
    void apply(const sitroom::v1::AlertEvent &event);
    int insertionRow(const sitroom::v1::Alert &alert) const;

    const SituationStore &m_store;
    std::vector<sitroom::v1::Alert> m_rows;
};

} // namespace sitroom::models
