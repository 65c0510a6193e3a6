#include "ThrottleControl.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <cmath>

namespace sitroom::widgets {

ThrottleControl::ThrottleControl(QWidget *parent)
    : QWidget(parent)
    , m_rate(new QDoubleSpinBox(this))
    , m_apply(new QPushButton(tr("Apply…"), this))
    , m_pause(new QPushButton(tr("Pause…"), this))
    , m_resume(new QPushButton(tr("Resume…"), this))
{
    setObjectName(QStringLiteral("throttleControl"));
    m_rate->setObjectName(QStringLiteral("throttleRate"));
    m_rate->setSuffix(tr(" /s", "per second"));
    m_rate->setKeyboardTracking(false);
    m_rate->setAccessibleName(tr("Admission rate"));
    m_apply->setObjectName(QStringLiteral("throttleApply"));
    m_pause->setObjectName(QStringLiteral("throttlePause"));
    m_resume->setObjectName(QStringLiteral("throttleResume"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(new QLabel(tr("Admission rate:"), this));
    layout->addWidget(m_rate);
    layout->addWidget(m_apply);
    layout->addStretch(1);
    layout->addWidget(m_pause);
    layout->addWidget(m_resume);

    connect(m_apply, &QPushButton::clicked, this, [this] { emit rateRequested(m_rate->value()); });
    connect(m_pause, &QPushButton::clicked, this, &ThrottleControl::pauseRequested);
    connect(m_resume, &QPushButton::clicked, this, &ThrottleControl::resumeRequested);
}

void ThrottleControl::setPicture(const sitroom::v1::Configuration &configuration,
                                 const sitroom::v1::ControlState &control)
{
    const double step = configuration.admission_rate_step_per_s() > 0 ? configuration.admission_rate_step_per_s() : 1.0;
    m_rate->setDecimals(std::abs(step - std::round(step)) < 1e-9 ? 0 : 2);
    m_rate->setSingleStep(step);
    const double max = configuration.admission_rate_max_per_s();
    m_rate->setRange(configuration.admission_rate_min_per_s(), max > 0 ? max : 1e6);
    // A new revision is news; an unchanged one must not undo the operator's typing.
    const bool news = !m_hasRevision || control.revision() != m_shownRevision;
    if (news && !m_rate->hasFocus())
        m_rate->setValue(control.admission_rate_per_s());
    m_shownRevision = control.revision();
    m_hasRevision = true;
    m_pause->setVisible(!control.admission_paused());
    m_resume->setVisible(control.admission_paused());
}

} // namespace sitroom::widgets
