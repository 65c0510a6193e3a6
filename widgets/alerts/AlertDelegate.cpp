#include "widgets/alerts/AlertDelegate.h"

#include "widgets/alerts/AlertLook.h"
#include "widgets/common/Formatting.h"

#include "models/itemmodels/AlertGroupModel.h"
#include "models/itemmodels/AlertModel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace sitroom::widgets {

using sitroom::models::AlertGroupModel;
using sitroom::models::AlertModel;

AlertDelegate::AlertDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void AlertDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool group = index.data(AlertGroupModel::IsGroupRole).toBool();
    const int severity = index.data(AlertModel::SeverityRole).toInt();
    const bool firstOut = index.data(AlertModel::FirstOutRole).toBool();
    const int state = index.data(AlertModel::StateRole).toInt();
    const bool unacked = state == sitroom::v1::ALERT_ACTIVE_UNACKED || state == sitroom::v1::ALERT_RTN_UNACKED;
    option->font.setBold(group || (unacked && severity >= sitroom::v1::SEVERITY_MAJOR) || (firstOut && !group));
    if (firstOut && !group)
        option->backgroundBrush = QColor(0xff, 0xf3, 0xcd);
    switch (index.column()) {
    case AlertModel::Severity: {
        const SeverityLook look = AlertWords::severityLook(severity);
        option->text = look.word;
        option->palette.setColor(QPalette::Text, look.text);
        break;
    }
    case AlertModel::Raised:
        option->text = formatClock(index.data().toLongLong(), m_zone, QStringLiteral("HH:mm:ss"));
        break;
    case AlertModel::Source: {
        const QString source = AlertWords::sourceText(index.data().toString(), m_namer);
        option->text = group ? tr("%1 — alerts: %2").arg(source).arg(index.data(AlertGroupModel::CountRole).toInt())
                             : source;
        break;
    }
    case AlertModel::Message:
        if (group && firstOut)
            option->text = tr("First out: %1").arg(option->text);
        else if (firstOut)
            option->text = tr("▶ First out: %1").arg(option->text);
        break;
    case AlertModel::State:
        if (group) {
            const int n = index.data(AlertGroupModel::UnackedRole).toInt();
            option->text = n > 0 ? tr("%1 unacknowledged").arg(n) : tr("All acknowledged");
        } else {
            QString text = AlertWords::stateText(state);
            const qint64 until = index.data(AlertModel::ShelvedUntilRole).toLongLong();
            if (state == sitroom::v1::ALERT_SHELVED && until > 0)
                text = tr("%1 until %2").arg(text, formatClock(until, m_zone, QStringLiteral("HH:mm")));
            option->text = text;
        }
        break;
    default:
        break;
    }
}

void AlertDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != AlertModel::Severity) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QRect content = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int side = std::min(content.height() - 2, QFontMetrics(opt.font).height());
    const QRectF glyph(content.left() + 2, content.center().y() - side / 2.0 + 0.5, side, side);
    paintSeverityGlyph(*painter, glyph, index.data(AlertModel::SeverityRole).toInt());
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                       : opt.palette.color(QPalette::Text));
    painter->drawText(content.adjusted(side + 8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize AlertDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == AlertModel::Severity)
        size.rwidth() += QFontMetrics(option.font).height() + 10;
    return size;
}

} // namespace sitroom::widgets
