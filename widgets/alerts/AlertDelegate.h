#pragma once

#include "widgets/controls/ControlWords.h"

#include <QStyledItemDelegate>
#include <QTimeZone>

namespace sitroom::widgets {

// Alert rows (flat list and flood groups): severity as a painted shape, a
// word and colour; time as a clock; the source by name; the state in words;
// a group row's count; the first-out alert marked in words and weight.
class AlertDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit AlertDelegate(QObject *parent = nullptr);

    void setNamer(ProviderNamer namer) { m_namer = std::move(namer); }
    // The live system's time zone, for the times shown (liveTimeZone()).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ProviderNamer m_namer;
    QTimeZone m_zone;
};

} // namespace sitroom::widgets
