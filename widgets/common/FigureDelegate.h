#pragma once

#include <QHash>
#include <QStyledItemDelegate>

namespace sitroom::widgets {

// Formats the raw numbers of the item models for reading (the models stay
// thin), and draws progress columns as bars with their percentage.
class FigureDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Kind { Count, Percent, Rate, PerMinute, Milliseconds, ProgressBar };

    explicit FigureDelegate(QObject *parent = nullptr);

    void setColumnKind(int column, Kind kind);
    QString displayText(const QVariant &value, const QLocale &locale) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QHash<int, Kind> m_kinds;
    mutable int m_currentColumn = -1;
};

} // namespace sitroom::widgets
