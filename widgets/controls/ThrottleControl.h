#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QWidget>

class QDoubleSpinBox;
class QPushButton;

namespace sitroom::widgets {

// The waiting room's throttle: a rate within the configuration's bounds and
// step, Apply, and Pause / Resume. It only asks; the control desk confirms
// and sends.
class ThrottleControl final : public QWidget
{
    Q_OBJECT

public:
    explicit ThrottleControl(QWidget *parent = nullptr);

    // Bounds from the configuration; the value follows the control state
    // unless the operator is editing it.
    void setPicture(const sitroom::v1::Configuration &configuration, const sitroom::v1::ControlState &control);

    QDoubleSpinBox *rateBox() const { return m_rate; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }

signals:
    void rateRequested(double ratePerS);
    void pauseRequested();
    void resumeRequested();

private:
    QDoubleSpinBox *m_rate;
    QPushButton *m_apply;
    QPushButton *m_pause;
    QPushButton *m_resume;
    quint64 m_shownRevision = 0;
    bool m_hasRevision = false;
};

} // namespace sitroom::widgets
