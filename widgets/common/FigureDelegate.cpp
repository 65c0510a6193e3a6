#include "widgets/common/FigureDelegate.h"

#include "widgets/common/Formatting.h"

#include <QPainter>

namespace sitroom::widgets {

FigureDelegate::FigureDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void FigureDelegate::setColumnKind(int column, Kind kind)
{
    m_kinds.insert(column, kind);
}

void FigureDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    m_currentColumn = index.column();
    QStyledItemDelegate::initStyleOption(option, index);
    if (!m_kinds.contains(index.column()))
        return;
    option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    // A figure with no value yet reads "–", never blank and never 0.
    const QVariant value = index.data(Qt::DisplayRole);
    if (!value.isValid() || value.isNull()) {
        option->features |= QStyleOptionViewItem::HasDisplay;
        option->text = QStringLiteral("–");
    }
}

QString FigureDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    const auto kind = m_kinds.constFind(m_currentColumn);
    if (kind == m_kinds.constEnd() || !value.isValid())
        return value.isValid() ? QStyledItemDelegate::displayText(value, locale) : QStringLiteral("–");
    const double v = value.toDouble();
    switch (*kind) {
    case Kind::Count: return formatCount(v);
    case Kind::Percent:
    case Kind::ProgressBar: return formatPercent(v);
    case Kind::Rate: return formatRate(v);
    case Kind::PerMinute: return tr("%1/min").arg(formatCount(v));
    case Kind::Milliseconds: return formatMs(v);
    }
    return {};
}

void FigureDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_kinds.value(index.column(), Kind::Count) != Kind::ProgressBar || !index.data().isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double fraction = std::clamp(index.data().toDouble(), 0.0, 1.0);
    const QRect bar = option.rect.adjusted(4, 5, -4, -5);
    painter->save();
    painter->fillRect(bar, QColor(0xf5, 0xf5, 0xf5));
    painter->fillRect(QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()), QColor(0x60, 0x7d, 0x8b));
    painter->setPen(QColor(0x61, 0x61, 0x61));
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    painter->setPen(QColor(0x21, 0x21, 0x21));
    painter->drawText(bar, Qt::AlignCenter, formatPercent(fraction));
    painter->restore();
}

} // namespace sitroom::widgets
