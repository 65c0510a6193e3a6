#include "widgets/controls/ControlConfirmDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace sitroom::widgets {

ControlConfirmDialog::ControlConfirmDialog(const ControlProposal &proposal, QWidget *parent)
    : QDialog(parent)
    , m_effect(new QLabel(proposal.effect, this))
    , m_route(new QLabel(this))
    , m_staleWarning(new QLabel(this))
    , m_override(new QCheckBox(tr("Act on stale data: I know the picture may be out of date"), this))
    , m_reason(new QPlainTextEdit(this))
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("controlConfirmDialog"));
    setWindowTitle(proposal.title);
    setWindowModality(Qt::WindowModal);

    auto *heading = new QLabel(proposal.title, this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    auto *values = new QFormLayout;
    values->addRow(tr("Now:"), new QLabel(proposal.currentValue, this));
    auto *newValue = new QLabel(proposal.newValue, this);
    newValue->setObjectName(QStringLiteral("newValue"));
    values->addRow(tr("New:"), newValue);
    if (proposal.offerDuration) {
        m_duration = new QComboBox(this);
        m_duration->addItem(tr("Until enabled again"), 0);
        m_duration->addItem(tr("15 minutes"), 15 * 60);
        m_duration->addItem(tr("30 minutes"), 30 * 60);
        m_duration->addItem(tr("1 hour"), 60 * 60);
        m_duration->addItem(tr("2 hours"), 2 * 60 * 60);
        values->addRow(tr("For:"), m_duration);
    }

    auto *effectCaption = new QLabel(tr("Expected effect"), this);
    effectCaption->setObjectName(QStringLiteral("panelCaption"));
    m_effect->setObjectName(proposal.warning ? QStringLiteral("effectWarning") : QStringLiteral("effect"));
    m_effect->setWordWrap(true);
    m_effect->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_effect->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QGridLayout *comparison = nullptr;
    if (proposal.compare) {
        // Then and now side by side, now on the right where the eye ends.
        m_effectThen = new QLabel(proposal.effectThen, this);
        m_effectThen->setObjectName(proposal.warningThen ? QStringLiteral("effectWarning") : QStringLiteral("effect"));
        m_effectThen->setWordWrap(true);
        m_effectThen->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_effectThen->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *thenCaption = new QLabel(proposal.thenCaption, this);
        thenCaption->setObjectName(QStringLiteral("effectThenCaption"));
        m_nowCaption = new QLabel(proposal.nowCaption, this);
        m_nowCaption->setObjectName(QStringLiteral("effectNowCaption"));
        comparison = new QGridLayout;
        comparison->setHorizontalSpacing(16);
        comparison->addWidget(thenCaption, 0, 0);
        comparison->addWidget(m_nowCaption, 0, 1);
        comparison->addWidget(m_effectThen, 1, 0);
        comparison->addWidget(m_effect, 1, 1);
        comparison->setColumnStretch(0, 1);
        comparison->setColumnStretch(1, 1);
    }

    m_route->setWordWrap(true);

    m_staleWarning->setObjectName(QStringLiteral("staleWarning"));
    m_staleWarning->setWordWrap(true);

    auto *reasonCaption = new QLabel(tr("Reason (required, recorded in the audit log):"), this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Why this change, now?"));
    m_reason->setTabChangesFocus(true);
    m_reason->setMinimumHeight(70);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_defaultOk = proposal.compare ? tr("Approve") : tr("Apply");
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(values);
    layout->addWidget(effectCaption);
    if (comparison)
        layout->addLayout(comparison);
    else
        layout->addWidget(m_effect);
    layout->addWidget(m_route);
    m_details = new QVBoxLayout;
    layout->addLayout(m_details);
    layout->addWidget(m_staleWarning);
    layout->addWidget(m_override);
    layout->addWidget(reasonCaption);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    setMinimumWidth(proposal.compare ? 860 : 520);

    connect(m_reason, &QPlainTextEdit::textChanged, this, &ControlConfirmDialog::refreshOk);
    connect(m_override, &QCheckBox::toggled, this, &ControlConfirmDialog::refreshOk);
    m_reason->setFocus();
    // The deadline is the gateway's: said once the request is made, not guessed here.
    setRoute({!proposal.approvalNote.isEmpty() ? proposal.approvalNote
              : proposal.needsApproval
                  ? tr("■ Hazardous: a second supervisor must approve this before it takes effect, "
                       "by the deadline the server sets when it receives the request.")
                  : tr("Takes effect at once; no second approval needed."),
              proposal.needsApproval ? RouteTone::Waits : RouteTone::Plain,
              !proposal.okText.isEmpty() ? proposal.okText : proposal.needsApproval ? tr("Request approval") : QString()});
    setStale(false);
}

void ControlConfirmDialog::setRoute(const ControlRoute &route)
{
    m_routeTone = route.tone;
    m_route->setText(route.note);
    const QString name = route.tone == RouteTone::Waits ? QStringLiteral("approvalNeeded")
                         : route.tone == RouteTone::Plain ? QStringLiteral("approvalNote")
                                                          : QStringLiteral("gatewayRefuses");
    if (m_route->objectName() != name) {
        m_route->setObjectName(name);
        m_route->style()->unpolish(m_route);
        m_route->style()->polish(m_route);
    }
    m_ok->setText(!route.okText.isEmpty() ? route.okText : m_defaultOk);
    refreshOk();
}

QString ControlConfirmDialog::routeText() const
{
    return m_route->text();
}

void ControlConfirmDialog::setStale(bool stale)
{
    m_dataStale = stale;
    refreshStale();
}

void ControlConfirmDialog::setStaleFigures(const QString &text)
{
    m_staleFigures = text;
    refreshStale();
}

void ControlConfirmDialog::refreshStale()
{
    const bool stale = m_dataStale || !m_staleFigures.isEmpty();
    if (m_dataStale)
        m_staleWarning->setText(tr("▲ The data on this console is stale: the figures above may no longer be true. "
                                   "Sending is refused unless you override explicitly; the override is audited."));
    else if (stale)
        m_staleWarning->setText(tr("▲ Figures this change is decided on are not live (%1): they may no longer be true. "
                                   "Sending is refused unless you override explicitly; the override is audited.")
                                    .arg(m_staleFigures));
    m_stale = stale;
    m_staleWarning->setVisible(stale);
    m_override->setVisible(stale);
    if (!stale)
        m_override->setChecked(false);
    refreshOk();
}

QString ControlConfirmDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

bool ControlConfirmDialog::staleOverride() const
{
    return m_stale && m_override->isChecked();
}

quint32 ControlConfirmDialog::disableForS() const
{
    return m_duration ? m_duration->currentData().toUInt() : 0;
}

void ControlConfirmDialog::setReason(const QString &reason)
{
    m_reason->setPlainText(reason);
}

void ControlConfirmDialog::setDisableForS(quint32 seconds)
{
    if (!m_duration)
        return;
    int at = m_duration->findData(int(seconds));
    if (at < 0) {
        m_duration->addItem(tr("%1 minutes").arg(seconds / 60), int(seconds));
        at = m_duration->count() - 1;
    }
    m_duration->setCurrentIndex(at);
}

QString ControlConfirmDialog::effectText() const
{
    return m_effect->text();
}

QString ControlConfirmDialog::effectThenText() const
{
    return m_effectThen ? m_effectThen->text() : QString();
}

void ControlConfirmDialog::setEffect(const QString &effect, bool warning, const QString &caption)
{
    if (effect != m_effect->text())
        m_effect->setText(effect);
    const QString name = warning ? QStringLiteral("effectWarning") : QStringLiteral("effect");
    if (m_effect->objectName() != name) {
        m_effect->setObjectName(name);
        m_effect->style()->unpolish(m_effect);
        m_effect->style()->polish(m_effect);
    }
    if (m_nowCaption && !caption.isEmpty())
        m_nowCaption->setText(caption);
}

void ControlConfirmDialog::addDetail(QWidget *widget)
{
    m_details->addWidget(widget);
    widget->show();  // the dialog may be open already
}

void ControlConfirmDialog::refreshOk()
{
    m_ok->setEnabled(m_routeTone != RouteTone::CannotSend && !reason().isEmpty()
                     && (!m_stale || m_override->isChecked()));
}

} // namespace sitroom::widgets
