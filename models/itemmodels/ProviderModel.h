#pragma once

#include <QAbstractTableModel>
#include <QHash>

#include <string>

namespace sitroom::models {

class SituationStore;

// The verification providers, one row each, in the configuration's order.
// Thin: display text is the plain number; colours, shapes and words are the
// views' business. RawValueRole gives the number for sorting and drawing.
class ProviderModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Light, P95Latency, SuccessRate, RequestsPerSecond, Share, InFlight, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        LightRole,          // sitroom::v1::Light as int
        EnabledRole,
        LightSinceRole,     // ms since epoch, live-system clock
        SimpleAuthRole,
        CapacityRole,
        // The control in force (ControlState.providers), from the gateway:
        // who last switched the provider and why, until when a disable holds
        // and how far a re-enabled provider has ramped back in. Invalid when
        // nobody has switched it (or before the first control state).
        SwitchedByRole,         // user name
        SwitchedSiteRole,       // a sitroom::v1::Site value
        SwitchedReasonRole,     // the requester's reason
        ApprovedByRole,         // the second supervisor's user name; invalid when none
        SwitchedAtRole,         // ms since epoch, live-system clock
        DisabledUntilRole,      // ms since epoch, live-system clock; 0: until re-enabled by hand
        RampProgressRole,       // 0..1 while a re-enabled provider ramps back in; invalid otherwise
        RampEndRole,            // ms since epoch, live-system clock, while ramping
        HasDataRole,            // the live system's state lists the provider (false before the first snapshot)
    };

    explicit ProviderModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Names come from the live system in Korean and English: the Name
    // column shows the console's (models/words/DisplayLanguage).
    int rowOf(const QString &providerId) const;

private:
    void reset();
    void refresh();
    void refreshControl();
    void mapStateRows();
    QVariant raw(int row, int column) const;
    QVariant controlValue(int row, int role) const;

    const SituationStore &m_store;
    QStringList m_ids;
    QList<int> m_stateIndex; // row -> index into state().providers(), -1 when absent
    std::string m_controlSwitches; // the control state's providers as last seen, serialized
};

} // namespace sitroom::models
