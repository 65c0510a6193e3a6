#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace sitroom::widgets {

// What the operator is about to do, in words, for the confirmation.
struct ControlProposal
{
    QString title;           // "Change the admission rate"
    QString currentValue;
    QString newValue;
    QString effect;          // expected effect, plain words, may hold several lines
    bool warning = false;    // the effect holds a warning (capacity, nowhere to go)
    bool needsApproval = false;
    // Who must approve or accept it, when it is not a second supervisor for a
    // hazard (the room in command; the other room, for a handover).
    QString approvalNote;
    QString okText;          // the confirming button, when not Apply / Request approval / Approve
    bool offerDuration = false;  // a disable: "until enabled again" or for a while
    // An approval: the effect on the figures the request was made on, shown
    // beside the effect on the figures now (effect), each under its caption.
    bool compare = false;
    QString effectThen;
    bool warningThen = false;
    QString thenCaption;
    QString nowCaption;
};

// How the confirmation says what the gateway will do with the command.
enum class RouteTone {
    Plain,        // it takes effect
    Waits,        // it waits for someone's approval or answer
    Refused,      // the gateway will refuse it: nothing will change
    CannotSend,   // it cannot leave this console now: the confirming button waits
};

// What will happen once it is sent, and the confirming button's words (empty:
// Apply, or Approve for an approval).
struct ControlRoute
{
    QString note;
    RouteTone tone = RouteTone::Plain;
    QString okText;
};

// The one confirmation every control goes through: current and new value,
// the expected effect, whether a second supervisor must approve, and a reason
// without which nothing is sent. While the data is stale it also asks for an
// explicit override. Opened with open() (window-modal), so live updates keep
// flowing underneath and into it (setStale).
class ControlConfirmDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ControlConfirmDialog(const ControlProposal &proposal, QWidget *parent = nullptr);

    void setStale(bool stale);
    // What the gateway will do with it, as the console knows it now (it moves
    // while the dialog is open: the link, the room in command, the gateway's
    // state store). Until set, what the proposal says.
    void setRoute(const ControlRoute &route);
    QString routeText() const;
    RouteTone routeTone() const { return m_routeTone; }
    // The figures this change is decided on that are not live, in words
    // ("지표 3개 멈춤: 프로메테우스 응답 없음"); empty when all are. Either
    // staleness needs the explicit override.
    void setStaleFigures(const QString &text);
    QString reason() const;
    bool staleOverride() const;
    quint32 disableForS() const;     // 0 = until enabled again
    // Pre-fills from a runbook step: the reason (still editable) and a disable duration.
    void setReason(const QString &reason);
    void setDisableForS(quint32 seconds);

    QPushButton *okButton() const { return m_ok; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QCheckBox *staleOverrideBox() const { return m_override; }
    QLabel *staleWarning() const { return m_staleWarning; }
    QComboBox *durationBox() const { return m_duration; }
    QString effectText() const;
    QString effectThenText() const;
    // The effect on the figures now, as they move while the dialog is open.
    void setEffect(const QString &effect, bool warning, const QString &caption = {});
    // A widget of the proposal's own (an approval's countdown), above the reason.
    void addDetail(QWidget *widget);

private:
    void refreshOk();
    void refreshStale();

    QLabel *m_effect;
    QLabel *m_route;
    RouteTone m_routeTone = RouteTone::Plain;
    QString m_defaultOk;           // Apply, Approve, or the proposal's own
    QLabel *m_effectThen = nullptr;
    QLabel *m_nowCaption = nullptr;
    QVBoxLayout *m_details = nullptr;
    QLabel *m_staleWarning;
    QString m_staleFigures;
    QCheckBox *m_override;
    QComboBox *m_duration = nullptr;
    QPlainTextEdit *m_reason;
    QPushButton *m_ok;
    bool m_stale = false;          // the whole picture or the figures it depends on
    bool m_dataStale = false;
};

} // namespace sitroom::widgets
