#include "widgets/controls/ThrottleControl.h"

#include "widgets/common/Formatting.h"
#include "widgets/status/StaleFigureWords.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>

#include <cmath>

namespace sitroom::widgets {

namespace {
bool sameRate(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}
} // namespace

ThrottleControl::ThrottleControl(QWidget *parent)
    : QWidget(parent)
    , m_rate(new QDoubleSpinBox(this))
    , m_draftMark(new QLabel(tr("Draft"), this))
    , m_inForce(new QLabel(this))
    , m_remote(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply…"), this))
    , m_discard(new QPushButton(tr("Discard draft"), this))
    , m_pause(new QPushButton(tr("Pause…"), this))
    , m_resume(new QPushButton(tr("Resume…"), this))
{
    setObjectName(QStringLiteral("throttleControl"));
    m_rate->setObjectName(QStringLiteral("throttleRate"));
    m_rate->setSuffix(tr(" /s", "per second"));
    m_rate->setKeyboardTracking(false);
    m_rate->setAccessibleName(tr("Admission rate"));
    m_rateText = m_rate->findChild<QLineEdit *>();
    Q_ASSERT(m_rateText);
    m_draftMark->setObjectName(QStringLiteral("throttleDraftMark"));
    m_inForce->setObjectName(QStringLiteral("throttleInForce"));
    m_remote->setObjectName(QStringLiteral("throttleRemoteChange"));
    m_remote->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("throttleApply"));
    m_discard->setObjectName(QStringLiteral("throttleDiscard"));
    m_pause->setObjectName(QStringLiteral("throttlePause"));
    m_resume->setObjectName(QStringLiteral("throttleResume"));
    m_draftMark->hide();
    m_discard->hide();
    m_remote->hide();

    m_rate->setMinimumWidth(m_rate->fontMetrics().horizontalAdvance(QStringLiteral("00,000 /s")) + 40);
    // The box and its actions on one line; what is in force, and a draft's
    // fate, on the next; a change from elsewhere under them.
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Admission rate:"), this));
    row->addWidget(m_rate);
    row->addWidget(m_apply);
    row->addStretch(1);
    row->addWidget(m_pause);
    row->addWidget(m_resume);
    auto *state = new QHBoxLayout;
    state->addWidget(m_inForce);
    state->addWidget(m_draftMark);
    state->addWidget(m_discard);
    state->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addLayout(state);
    layout->addWidget(m_remote);

    connect(m_apply, &QPushButton::clicked, this, [this] {
        m_rate->interpretText();
        emit rateRequested(m_rate->value());
    });
    connect(m_discard, &QPushButton::clicked, this, &ThrottleControl::discardDraft);
    connect(m_pause, &QPushButton::clicked, this, &ThrottleControl::pauseRequested);
    connect(m_resume, &QPushButton::clicked, this, &ThrottleControl::resumeRequested);
    // Typing or stepping makes a draft; the box being set from the control state
    // does not. With keyboard tracking off the box says nothing until the rate is
    // entered, so what is being typed is heard from the box's line edit.
    const auto edited = [this] {
        if (!m_showing) {
            m_edited = true;
            refreshDraftLook();
        }
    };
    connect(m_rate, &QDoubleSpinBox::textChanged, this, edited);
    connect(m_rateText, &QLineEdit::textEdited, this, edited);
    refreshDraftLook();
}

ThrottleControl::~ThrottleControl()
{
    // Closing the window takes the focus from a box being typed in, and the box
    // then commits its text: nothing of this object is left to hear it.
    m_rate->disconnect(this);
    m_rateText->disconnect(this);
}

double ThrottleControl::shownRate() const
{
    return m_rate->valueFromText(m_rate->cleanText());
}

bool ThrottleControl::isDraft() const
{
    return m_known && m_edited && !sameRate(shownRate(), m_inForceRate);
}

QString ThrottleControl::inForceText() const
{
    return m_inForce->text();
}

QString ThrottleControl::remoteChangeText() const
{
    return m_remote->isVisibleTo(this) ? m_remote->text() : QString();
}

void ThrottleControl::showRate(double rate)
{
    m_showing = true;
    m_rate->setValue(rate);
    m_showing = false;
    m_edited = false;
}

void ThrottleControl::discardDraft()
{
    showRate(m_inForceRate);
    m_remote->hide();
    refreshDraftLook();
}

void ThrottleControl::setPicture(const sitroom::v1::Configuration &configuration,
                                 const sitroom::v1::ControlState &control, const ControlOrigin &origin)
{
    const double step = configuration.admission_rate_step_per_s() > 0 ? configuration.admission_rate_step_per_s() : 1.0;
    const double max = configuration.admission_rate_max_per_s();
    setBounds(configuration.admission_rate_min_per_s(), max > 0 ? max : 1e6, step,
              std::abs(step - std::round(step)) < 1e-9 ? 0 : 2);
    m_known = origin.known;
    if (!origin.known) {
        // Nothing in force is known yet: "–", never 0.
        m_rate->setSpecialValueText(StaleFigureWords::placeholder());
        showRate(m_rate->minimum());
        m_inForce->setText(tr("In force: %1").arg(StaleFigureWords::placeholder()));
        m_hasRevision = false;
        refreshDraftLook();
        return;
    }
    if (!m_rate->specialValueText().isEmpty()) {
        m_showing = true;
        m_rate->setSpecialValueText(QString());
        m_showing = false;
    }
    // A new revision is news; an unchanged one must not undo the operator's typing.
    const bool news = !m_hasRevision || control.revision() != m_shownRevision;
    const bool rateMoved = m_hasRevision && !sameRate(control.admission_rate_per_s(), m_inForceRate);
    const bool hadDraft = isDraft();
    m_inForceRate = control.admission_rate_per_s();
    m_inForcePaused = control.admission_paused();
    m_inForce->setText(m_inForcePaused ? tr("In force: admission paused (rate %1)").arg(formatRate(m_inForceRate))
                                       : tr("In force: %1").arg(formatRate(m_inForceRate)));
    if (news) {
        if (!hadDraft) {
            showRate(m_inForceRate);   // no draft: the box follows the rate in force
            m_remote->hide();
        } else if (sameRate(shownRate(), m_inForceRate)) {
            m_edited = false;          // the draft is now in force (ours, or the same elsewhere)
            m_remote->hide();
        } else if (rateMoved && origin.elsewhere) {
            m_remote->setText(tr("Changed at another console: admission rate now %1 (%2, %3). Your draft %4 is kept; "
                                 "apply it or discard it.")
                                  .arg(formatRate(m_inForceRate), origin.who, origin.when, formatRate(shownRate())));
            m_remote->show();
        }
    }
    m_shownRevision = control.revision();
    m_hasRevision = true;
    m_pause->setVisible(!control.admission_paused());
    m_resume->setVisible(control.admission_paused());
    refreshDraftLook();
}

// The box redraws its text from its value whenever a bound is set, which would
// drop a rate being typed: bounds are set only when they change, and what the
// operator typed is put back.
void ThrottleControl::setBounds(double minimum, double maximum, double step, int decimals)
{
    if (m_rate->decimals() == decimals && sameRate(m_rate->singleStep(), step) && sameRate(m_rate->minimum(), minimum)
        && sameRate(m_rate->maximum(), maximum))
        return;
    const QString typed = m_edited ? m_rateText->text() : QString();
    const int cursor = m_rateText->cursorPosition();
    m_showing = true;
    m_rate->setDecimals(decimals);
    m_rate->setSingleStep(step);
    m_rate->setRange(minimum, maximum);
    if (!typed.isEmpty() && m_rateText->text() != typed) {
        m_rateText->setText(typed);
        m_rateText->setCursorPosition(cursor);
    }
    m_showing = false;
}

void ThrottleControl::refreshDraftLook()
{
    const bool draft = isDraft();
    m_draftMark->setVisible(draft);
    m_discard->setVisible(draft);
    m_apply->setEnabled(m_known);
    if (!draft)
        m_remote->hide();
    if (m_rate->property("draft").toBool() != draft) {
        // The style sheet sets a draft apart (dashed amber frame, italic).
        m_rate->setProperty("draft", draft);
        m_rate->style()->unpolish(m_rate);
        m_rate->style()->polish(m_rate);
    }
}

} // namespace sitroom::widgets
