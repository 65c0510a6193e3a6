#include "widgets/alerts/AlertDialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sitroom::widgets {

namespace {

QDialogButtonBox *buttonBox(QDialog *dialog, const QString &okText, QPushButton **ok)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    *ok = buttons->button(QDialogButtonBox::Ok);
    (*ok)->setText(okText);
    buttons->button(QDialogButtonBox::Cancel)->setText(AlertAckDialog::tr("Cancel"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QLabel *alertLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("alertSummary"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AlertAckDialog::AlertAckDialog(const QString &alertText, const QString &runbookStep, QWidget *parent)
    : QDialog(parent)
    , m_comment(new QPlainTextEdit(this))
    , m_step(new QLineEdit(runbookStep, this))
{
    setObjectName(QStringLiteral("alertAckDialog"));
    setWindowTitle(tr("Acknowledge alert"));
    setWindowModality(Qt::WindowModal);
    auto *heading = new QLabel(tr("Acknowledge alert"), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setPlaceholderText(tr("What did you see or do? Both rooms read this."));
    m_comment->setTabChangesFocus(true);
    m_comment->setMinimumHeight(70);
    m_step->setObjectName(QStringLiteral("runbookStepEdit"));
    m_step->setPlaceholderText(tr("none"));
    auto *form = new QFormLayout;
    form->addRow(tr("Runbook step taken:"), m_step);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(alertLabel(alertText, this));
    layout->addWidget(new QLabel(tr("Comment (required, recorded in the audit log):"), this));
    layout->addWidget(m_comment);
    layout->addLayout(form);
    layout->addWidget(buttonBox(this, tr("Acknowledge"), &m_ok));
    setMinimumWidth(520);
    const auto refresh = [this] { m_ok->setEnabled(!comment().isEmpty()); };
    connect(m_comment, &QPlainTextEdit::textChanged, this, refresh);
    refresh();
    m_comment->setFocus();
}

QString AlertAckDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QString AlertAckDialog::runbookStep() const
{
    return m_step->text().trimmed();
}

AlertShelveDialog::AlertShelveDialog(const QString &alertText, bool critical, QWidget *parent)
    : QDialog(parent)
    , m_duration(new QComboBox(this))
    , m_reason(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("alertShelveDialog"));
    setWindowTitle(tr("Shelve alert"));
    setWindowModality(Qt::WindowModal);
    auto *heading = new QLabel(tr("Shelve alert"), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    m_duration->setObjectName(QStringLiteral("shelveDuration"));
    m_duration->addItem(tr("15 minutes"), 15 * 60);
    m_duration->addItem(tr("30 minutes"), 30 * 60);
    m_duration->addItem(tr("1 hour"), 60 * 60);
    m_duration->addItem(tr("2 hours"), 2 * 60 * 60);
    m_duration->addItem(tr("4 hours"), 4 * 60 * 60);
    m_duration->addItem(tr("8 hours"), 8 * 60 * 60);
    m_duration->addItem(tr("12 hours"), 12 * 60 * 60);
    m_duration->setCurrentIndex(2);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Why hide this alert, and who watches the condition meanwhile?"));
    m_reason->setTabChangesFocus(true);
    m_reason->setMinimumHeight(70);
    auto *note = new QLabel(tr("A shelved alert stays listed as shelved and comes back unacknowledged when the time runs out."), this);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("approvalNote"));
    auto *form = new QFormLayout;
    form->addRow(tr("For:"), m_duration);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(alertLabel(alertText, this));
    layout->addLayout(form);
    layout->addWidget(note);
    if (critical) {
        auto *warning = new QLabel(tr("▲ A critical alert: the server may refuse to let an operator shelve it."), this);
        warning->setObjectName(QStringLiteral("effectWarning"));
        warning->setWordWrap(true);
        layout->addWidget(warning);
    }
    layout->addWidget(new QLabel(tr("Reason (required, recorded in the audit log):"), this));
    layout->addWidget(m_reason);
    layout->addWidget(buttonBox(this, tr("Shelve"), &m_ok));
    setMinimumWidth(520);
    const auto refresh = [this] { m_ok->setEnabled(!reason().isEmpty()); };
    connect(m_reason, &QPlainTextEdit::textChanged, this, refresh);
    refresh();
    m_reason->setFocus();
}

quint32 AlertShelveDialog::durationS() const
{
    return m_duration->currentData().toUInt();
}

QString AlertShelveDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

} // namespace sitroom::widgets
