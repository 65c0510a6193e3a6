#pragma once

#include <QStyledItemDelegate>

namespace sitroom::widgets {

// The audit timeline's "in the live system" column: the stage of the row's
// command in words (ControlWords::stageText), a problem stage in dark red.
class AuditStageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit AuditStageDelegate(QObject *parent = nullptr);

    // The words for a cell of the Stage column (empty for a row without progress).
    static QString text(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace sitroom::widgets
