#pragma once

#include "models/control/PhraseWords.h"
#include "domain/LiveClock.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace sitroom::models {

class SituationStore;

// The audit timeline, newest first: who did what, where, when and why, and
// how it ended. New entries are inserted at the top; entries the store lets go
// of leave at the bottom. A row of an applied change also carries where that
// change stands in the live system (the Stage column's roles; AuditStages
// pairs rows with the store's command progress); views word it. Times are on
// the live system's clock in its zone, the header says which (an old row with
// only the gateway's wall clock says so in its cell).
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, User, Site, Action, Reason, Outcome, Stage, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        BeforeRole,
        AfterRole,
        StageRole,          // sitroom::v1::CommandStage as int; unset for a row without progress
        StageAfterMsRole,   // from acceptance to the effect seen (or giving up)
        StageDetailRole,    // the gateway's detail in the console's words, for tooltips
        CommandIdRole,
    };

    explicit AuditModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const sitroom::v1::AuditEntry &entry(int row) const { return m_rows.at(std::size_t(row)); }
    // The live system's clock the Time column is on (its zone follows the configuration).
    const sitroom::domain::LiveClock &clock() const;
    // The server's Phrases in the console's words, on that clock.
    const PhraseWords &words() const;

private:
    void sync();
    void syncRows();
    void syncStages();
    const sitroom::v1::CommandProgress *progressOf(const sitroom::v1::AuditEntry &entry) const;

    const SituationStore &m_store;
    mutable sitroom::domain::LiveClock m_clock;
    mutable std::string m_clockZone;  // Configuration.timezone m_clock was made for
    mutable PhraseWords m_words;
    mutable std::string m_wordsZone = "\n";  // the zone m_words was made for ("\n": not yet)
    std::vector<sitroom::v1::AuditEntry> m_rows;  // newest first
    QHash<quint64, sitroom::v1::CommandProgress> m_stages;  // audit id → its command's latest progress
};

} // namespace sitroom::models
