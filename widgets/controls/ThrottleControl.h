#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sitroom::widgets {

// Who put the control state in force, for saying a change made elsewhere.
struct ControlOrigin
{
    bool known = true;       // false before the first control state: the rate reads "–"
    bool elsewhere = false;  // changed by someone else (another console or the system)
    QString who;             // "park (오송)"
    QString when;            // "20:05 KST", on the live system's clock
};

// The waiting room's throttle: a rate within the configuration's bounds and
// step, Apply, and Pause / Resume. It only asks; the control desk confirms
// and sends.
//
// The rate in force is always shown ("적용 중: 초당 600"). While the operator
// edits a different rate, that is a draft: marked "초안", styled apart, with
// a button to drop it. A change that arrives from elsewhere never overwrites
// a draft: the draft is kept and the change is said beside it ("다른 콘솔에서
// 입장 속도가 초당 500으로 바뀌었습니다 (park, 20:05 KST)"). Without a draft
// the box simply follows the rate in force.
class ThrottleControl final : public QWidget
{
    Q_OBJECT

public:
    explicit ThrottleControl(QWidget *parent = nullptr);
    ~ThrottleControl() override;

    // Bounds from the configuration; the value in force from the control state.
    void setPicture(const sitroom::v1::Configuration &configuration, const sitroom::v1::ControlState &control,
                    const ControlOrigin &origin = {});

    QDoubleSpinBox *rateBox() const { return m_rate; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *discardButton() const { return m_discard; }

    bool isDraft() const;
    double inForceRate() const { return m_inForceRate; }
    QString inForceText() const;
    // The change from elsewhere said beside the draft; empty when none.
    QString remoteChangeText() const;
    // Drops the draft: the box shows the rate in force again.
    void discardDraft();

signals:
    void rateRequested(double ratePerS);
    void pauseRequested();
    void resumeRequested();

private:
    double shownRate() const;
    void showRate(double rate);
    void refreshDraftLook();
    void setBounds(double minimum, double maximum, double step, int decimals);

    QDoubleSpinBox *m_rate;
    QLineEdit *m_rateText;        // the box's own line edit: what the operator types
    QLabel *m_draftMark;
    QLabel *m_inForce;
    QLabel *m_remote;
    QPushButton *m_apply;
    QPushButton *m_discard;
    QPushButton *m_pause;
    QPushButton *m_resume;
    quint64 m_shownRevision = 0;
    bool m_hasRevision = false;
    bool m_known = false;
    bool m_edited = false;        // the operator typed or stepped since the box last followed
    bool m_showing = false;       // the box is being set from the control state
    bool m_inForcePaused = false;
    double m_inForceRate = 0.0;
};

} // namespace sitroom::widgets
