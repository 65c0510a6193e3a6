#pragma once

#include "controls/ControlWords.h"

#include <QStyledItemDelegate>

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

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ProviderNamer m_namer;
};

} // namespace sitroom::widgets
