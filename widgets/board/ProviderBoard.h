#pragma once

#include <QWidget>

#include <vector>

class QAbstractItemModel;
class QGridLayout;
class QMenu;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

class BackendLoadStrip;
class ProviderTile;
class StaleOverlay;

// A tile per verification provider, what citizens see right now, under the
// booking backend's utilisation. Reads the provider model for the figures and
// the control in force, the store's history for the sparklines; repaints once
// per store update.
class ProviderBoard final : public QWidget
{
    Q_OBJECT

public:
    ProviderBoard(QAbstractItemModel *providers, const sitroom::models::SituationStore &store,
                  QWidget *parent = nullptr);

    void setColumns(int columns);   // tiles per row: 5 on a wall, 3 on a laptop
    int tileCount() const { return int(m_tiles.size()); }
    ProviderTile *tile(int row) const { return m_tiles.at(std::size_t(row)); }
    StaleOverlay *staleOverlay() const { return m_stale; }
    // The booking backend's utilisation, above the tiles.
    BackendLoadStrip *backendLoad() const { return m_backend; }

    // A tile's context menu: Disable… / Enable…, for supervisors only
    // (available), greyed while commands cannot be sent (enabled).
    void setProviderActions(bool available, bool enabled);
    // The menu for a tile, or nullptr when there is nothing to offer; the
    // caller owns it.
    QMenu *contextMenuFor(int row, QWidget *parent);

signals:
    void providerEnabledRequested(const QString &providerId, bool enabled);

private:
    void rebuild();
    void refreshTiles();
    void refreshSparklines();
    void relayout();

    QAbstractItemModel *m_model;
    const sitroom::models::SituationStore &m_store;
    BackendLoadStrip *m_backend;
    QGridLayout *m_grid;
    std::vector<ProviderTile *> m_tiles;
    StaleOverlay *m_stale;
    int m_columns = 5;
    bool m_actionsAvailable = false;
    bool m_actionsEnabled = false;
};

} // namespace sitroom::widgets
