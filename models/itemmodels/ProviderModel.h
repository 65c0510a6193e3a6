#pragma once

#include <QAbstractTableModel>
#include <QHash>

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
        NameKoRole,
        NameEnRole,
        SimpleAuthRole,
        CapacityRole,
    };

    explicit ProviderModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &providerId) const;
    // Names come from the live system in Korean and English; the console's
    // language picks one.
    void setEnglishNames(bool english);

private:
    void reset();
    void refresh();
    void mapStateRows();
    QVariant raw(int row, int column) const;

    const SituationStore &m_store;
    bool m_englishNames = false;
    QStringList m_ids;
    QList<int> m_stateIndex; // row -> index into state().providers(), -1 when absent
};

} // namespace sitroom::models
