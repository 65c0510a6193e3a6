#include "widgets/controls/AuditPanel.h"

#include "widgets/controls/AuditStageDelegate.h"
#include "models/control/AuditCsv.h"
#include "models/itemmodels/AuditModel.h"
#include "models/situation/SituationStore.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::AuditModel;

AuditPanel::AuditPanel(AuditModel *model, const sitroom::models::SituationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("auditPanel"));
    m_view->setModel(model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    // What became of it reads longest ("적용됨: …; 운영 시스템이 12 ms 만에 수락함"): it takes
    // the room left; what was done and why keep a width that reads, the rest in the tooltip.
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::Outcome, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(AuditModel::Action, 260);
    m_view->horizontalHeader()->resizeSection(AuditModel::Reason, 200);
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::Time, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::Stage, QHeaderView::ResizeToContents);
    m_view->setItemDelegateForColumn(AuditModel::Stage, new AuditStageDelegate(m_view));
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_result->setObjectName(QStringLiteral("auditExportResult"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_result, 1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_view, 1);
    layout->addLayout(bar);
    connect(m_export, &QPushButton::clicked, this, &AuditPanel::chooseFile);
}

bool AuditPanel::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    // The file's times read as the table's: the live system's clock and zone.
    const QByteArray csv = sitroom::models::auditCsv(m_store.audit(), m_model->clock());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) < 0
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void AuditPanel::chooseFile()
{
    // Not the static getSaveFileName: open() keeps the console live behind it.
    auto *dialog = new QFileDialog(this, tr("Export the audit log"), QDir::homePath(), tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(QStringLiteral("sitroom-audit.csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (exportTo(path, &error))
            m_result->setText(tr("Exported %1 entries to %2").arg(m_store.audit().size()).arg(QDir::toNativeSeparators(path)));
        else
            m_result->setText(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), error));
    });
    dialog->open();
}

} // namespace sitroom::widgets
