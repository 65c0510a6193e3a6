#include "widgets/controls/AuditStageDelegate.h"

#include "widgets/controls/ControlWords.h"
#include "models/itemmodels/AuditModel.h"

namespace sitroom::widgets {

using sitroom::models::AuditModel;

AuditStageDelegate::AuditStageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString AuditStageDelegate::text(const QModelIndex &index)
{
    const QVariant stage = index.data(AuditModel::StageRole);
    if (!stage.isValid())
        return {};
    return ControlWords::stageText(sitroom::v1::CommandStage(stage.toInt()),
                                   index.data(AuditModel::StageAfterMsRole).toUInt(),
                                   index.data(AuditModel::StageDetailRole).toString());
}

void AuditStageDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = text(index);
    option->features |= QStyleOptionViewItem::HasDisplay;
    const QVariant stage = index.data(AuditModel::StageRole);
    if (stage.isValid() && ControlWords::isProblemStage(sitroom::v1::CommandStage(stage.toInt()))) {
        option->palette.setColor(QPalette::Text, QColor(0x8e, 0x00, 0x00));
        option->font.setBold(true);
    }
}

} // namespace sitroom::widgets
