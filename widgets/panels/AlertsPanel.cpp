#include "AlertsPanel.h"

#include "common/StaleOverlay.h"
#include "itemmodels/AlertModel.h"

#include "sitroom/v1/alerts.pb.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::AlertModel;

namespace {

struct SeverityLook
{
    QString symbol;
    QString word;
    QColor color;
};

SeverityLook severityLook(int severity)
{
    switch (severity) {
    case sitroom::v1::SEVERITY_CRITICAL: return {QStringLiteral("◆"), AlertsPanel::tr("Critical"), QColor(0xc6, 0x28, 0x28)};
    case sitroom::v1::SEVERITY_MAJOR: return {QStringLiteral("▲"), AlertsPanel::tr("Major"), QColor(0xef, 0x6c, 0x00)};
    case sitroom::v1::SEVERITY_MINOR: return {QStringLiteral("●"), AlertsPanel::tr("Minor"), QColor(0xf9, 0xa8, 0x25)};
    default: return {QStringLiteral("○"), AlertsPanel::tr("Info"), QColor(0x61, 0x61, 0x61)};
    }
}

QString stateWord(int state)
{
    switch (state) {
    case sitroom::v1::ALERT_ACTIVE_UNACKED: return AlertsPanel::tr("Active, unacknowledged");
    case sitroom::v1::ALERT_ACTIVE_ACKED: return AlertsPanel::tr("Acknowledged");
    case sitroom::v1::ALERT_RTN_UNACKED: return AlertsPanel::tr("Back to normal, unacknowledged");
    case sitroom::v1::ALERT_SHELVED: return AlertsPanel::tr("Shelved");
    case sitroom::v1::ALERT_CLEARED: return AlertsPanel::tr("Cleared");
    default: return AlertsPanel::tr("Unknown");
    }
}

// Severity as symbol, word and colour; time as a clock; state as words.
class AlertDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int severity = index.data(AlertModel::SeverityRole).toInt();
        switch (index.column()) {
        case AlertModel::Severity: {
            const SeverityLook look = severityLook(severity);
            option->text = look.symbol + u' ' + look.word;
            option->palette.setColor(QPalette::Text, look.color.darker(severity >= sitroom::v1::SEVERITY_MAJOR ? 130 : 160));
            option->font.setBold(severity >= sitroom::v1::SEVERITY_MAJOR);
            break;
        }
        case AlertModel::Raised:
            option->text = QLocale().toString(QDateTime::fromMSecsSinceEpoch(index.data().toLongLong()).time(),
                                              QStringLiteral("HH:mm:ss"));
            break;
        case AlertModel::State:
            option->text = stateWord(index.data().toInt());
            break;
        default:
            break;
        }
    }
};

} // namespace

AlertsPanel::AlertsPanel(AlertModel *alerts, QWidget *parent)
    : QWidget(parent)
    , m_alerts(alerts)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(tr("No active alerts"), this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_sorted->setSourceModel(alerts);
    m_sorted->setSortRole(AlertModel::RawValueRole);
    m_view->setModel(m_sorted);
    m_view->setItemDelegate(new AlertDelegate(m_view));
    m_view->setSortingEnabled(true);
    // Most severe first; the proxy keeps the source order (newest last) among equals.
    m_view->sortByColumn(AlertModel::Severity, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertModel::Message, QHeaderView::Stretch);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("emptyNote"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    m_stale = new StaleOverlay(this);

    connect(alerts, &QAbstractItemModel::modelReset, this, &AlertsPanel::refresh);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::refresh);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::refresh);
    refresh();
}

void AlertsPanel::refresh()
{
    const bool empty = m_alerts->rowCount() == 0;
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

} // namespace sitroom::widgets
