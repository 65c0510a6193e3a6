#include "widgets/board/ProviderBoard.h"

#include "widgets/board/BackendLoadStrip.h"
#include "widgets/board/ProviderTile.h"
#include "widgets/chart/Sparkline.h"
#include "widgets/common/StaleOverlay.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "widgets/status/StaleFigureWords.h"

#include <QAbstractItemModel>
#include <QGridLayout>
#include <QMenu>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::HistoryRing;
using sitroom::models::ProviderModel;
namespace figure = sitroom::models::figure;

namespace {
// The sparkline shows the last half hour of p95 latency.
constexpr qint64 kSparklineWindowMs = 30 * 60 * 1000;
} // namespace

ProviderBoard::ProviderBoard(QAbstractItemModel *providers, const sitroom::models::SituationStore &store,
                             QWidget *parent)
    : QWidget(parent)
    , m_model(providers)
    , m_store(store)
    , m_backend(new BackendLoadStrip(store, this))
    , m_grid(new QGridLayout)
    , m_stale(new StaleOverlay(this))
{
    setObjectName(QStringLiteral("providerBoard"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_backend);
    layout->addLayout(m_grid);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProviderBoard::rebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProviderBoard::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProviderBoard::rebuild);
    // Figures follow the model, sparklines the history: a batch with both
    // updates each once.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProviderBoard::refreshTiles);
    connect(&m_store, &sitroom::models::SituationStore::historyChanged, this, &ProviderBoard::refreshSparklines);
    connect(&m_store, &sitroom::models::SituationStore::staleFiguresChanged, this, &ProviderBoard::refreshTiles);
    rebuild();
}

void ProviderBoard::setColumns(int columns)
{
    m_columns = std::max(1, columns);
    relayout();
}

void ProviderBoard::rebuild()
{
    for (ProviderTile *tile : m_tiles)
        delete tile;
    m_tiles.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *tile = new ProviderTile(this);
        tile->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(tile, &QWidget::customContextMenuRequested, this, [this, row, tile](const QPoint &pos) {
            if (QMenu *menu = contextMenuFor(row, tile)) {
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(tile->mapToGlobal(pos));
            }
        });
        tile->sparkline()->setWindowLength(kSparklineWindowMs);
        tile->sparkline()->setZeroBased(true);
        m_tiles.push_back(tile);
    }
    relayout();
    refreshTiles();
    refreshSparklines();
    m_stale->raise();
}

void ProviderBoard::setProviderActions(bool available, bool enabled)
{
    m_actionsAvailable = available;
    m_actionsEnabled = enabled;
}

QMenu *ProviderBoard::contextMenuFor(int row, QWidget *parent)
{
    if (!m_actionsAvailable || row < 0 || row >= m_model->rowCount())
        return nullptr;
    const QModelIndex index = m_model->index(row, ProviderModel::Name);
    const QString id = index.data(ProviderModel::IdRole).toString();
    const QString name = index.data(Qt::DisplayRole).toString();
    const QVariant enabledValue = index.data(ProviderModel::EnabledRole);
    const bool enabled = !enabledValue.isValid() || enabledValue.toBool();
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("providerMenu"));
    QAction *disable = menu->addAction(tr("Disable %1…").arg(name));
    disable->setObjectName(QStringLiteral("disableProvider"));
    disable->setEnabled(m_actionsEnabled && enabled);
    QAction *enable = menu->addAction(tr("Enable %1…").arg(name));
    enable->setObjectName(QStringLiteral("enableProvider"));
    enable->setEnabled(m_actionsEnabled && !enabled);
    connect(disable, &QAction::triggered, this, [this, id] { emit providerEnabledRequested(id, false); });
    connect(enable, &QAction::triggered, this, [this, id] { emit providerEnabledRequested(id, true); });
    return menu;
}

void ProviderBoard::relayout()
{
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        m_grid->removeWidget(m_tiles[i]);
        m_grid->addWidget(m_tiles[i], int(i) / m_columns, int(i) % m_columns);
    }
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, c < m_columns ? 1 : 0);
}

void ProviderBoard::refreshTiles()
{
    const auto &config = m_store.configuration();
    const qint64 now = m_store.state().sim_time_ms();
    for (std::size_t row = 0; row < m_tiles.size() && int(row) < m_model->rowCount(); ++row) {
        const auto value = [this, row](int column, int role = ProviderModel::RawValueRole) {
            return m_model->index(int(row), column).data(role);
        };
        ProviderTileData d;
        d.id = value(ProviderModel::Name, ProviderModel::IdRole).toString();
        d.name = value(ProviderModel::Name, Qt::DisplayRole).toString();
        const QVariant light = value(ProviderModel::Name, ProviderModel::LightRole);
        d.light = light.isValid() ? sitroom::v1::Light(light.toInt()) : sitroom::v1::LIGHT_UNSPECIFIED;
        d.p95Ms = value(ProviderModel::P95Latency).toDouble();
        d.successRate = value(ProviderModel::SuccessRate).toDouble();
        d.requestsPerS = value(ProviderModel::RequestsPerSecond).toDouble();
        d.share = value(ProviderModel::Share).toDouble();
        d.lightSinceMs = value(ProviderModel::Name, ProviderModel::LightSinceRole).toLongLong();
        d.nowMs = now;
        d.hasData = value(ProviderModel::Name, ProviderModel::HasDataRole).toBool();
        ProviderSwitch &c = d.control;
        // The control in force: valid only while the controls hold it disabled.
        const QVariant disabledUntil = value(ProviderModel::Name, ProviderModel::DisabledUntilRole);
        c.enabled = !disabledUntil.isValid();
        c.by = value(ProviderModel::Name, ProviderModel::SwitchedByRole).toString();
        c.site = value(ProviderModel::Name, ProviderModel::SwitchedSiteRole).toUInt();
        c.reason = value(ProviderModel::Name, ProviderModel::SwitchedReasonRole).toString();
        c.approvedBy = value(ProviderModel::Name, ProviderModel::ApprovedByRole).toString();
        c.disabledUntilMs = disabledUntil.toLongLong();
        const QVariant ramp = value(ProviderModel::Name, ProviderModel::RampProgressRole);
        c.rampProgress = ramp.isValid() ? ramp.toDouble() : -1.0;
        c.rampEndMs = value(ProviderModel::Name, ProviderModel::RampEndRole).toLongLong();
        c.nowMs = now;
        c.timeZone = QString::fromStdString(config.timezone());
        d.yellowP95Ms = config.light_thresholds().yellow_p95_ms();
        d.redP95Ms = config.light_thresholds().red_p95_ms();
        const std::vector<sitroom::models::StaleFigure> stale = m_store.staleFiguresUnder(figure::providerPrefix(d.id));
        d.lightStale = m_store.isFigureStale(figure::provider(d.id, "light"));
        d.p95Stale = m_store.isFigureStale(figure::provider(d.id, "p95_latency_ms"));
        d.successStale = m_store.isFigureStale(figure::provider(d.id, "error_rate"));
        d.requestsStale = m_store.isFigureStale(figure::provider(d.id, "requests_per_s"));
        d.staleNote = StaleFigureWords::noteText(stale);
        d.staleDetails = StaleFigureWords::details(stale);
        ProviderTile *tile = m_tiles[row];
        tile->setData(d);
        Sparkline *spark = tile->sparkline();
        spark->setThreshold(d.yellowP95Ms);
        spark->setAbnormal(d.light == sitroom::v1::LIGHT_YELLOW || d.light == sitroom::v1::LIGHT_RED);
    }
}

void ProviderBoard::refreshSparklines()
{
    const qint64 now = m_store.state().sim_time_ms();
    const HistoryRing &history = m_store.history();
    for (ProviderTile *tile : m_tiles) {
        Sparkline *spark = tile->sparkline();
        spark->setWindowEnd(now);
        spark->setSamples(history.span(history.column(HistoryRing::providerColumn(tile->data().id, "p95"))));
    }
}

} // namespace sitroom::widgets
