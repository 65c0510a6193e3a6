#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sitroom::widgets {

// Acknowledging an alert: what it is, a comment (required: the other room
// reads it) and the runbook step taken, pre-filled when one was taken from
// this console. Opened with open(): live data keeps flowing underneath.
class AlertAckDialog final : public QDialog
{
    Q_OBJECT

public:
    AlertAckDialog(const QString &alertText, const QString &runbookStep, QWidget *parent = nullptr);

    QString comment() const;
    QString runbookStep() const;
    QPushButton *okButton() const { return m_ok; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QLineEdit *stepEdit() const { return m_step; }

private:
    QPlainTextEdit *m_comment;
    QLineEdit *m_step;
    QPushButton *m_ok;
};

// Shelving an alert: for 15 minutes to 12 hours, with a required reason.
class AlertShelveDialog final : public QDialog
{
    Q_OBJECT

public:
    AlertShelveDialog(const QString &alertText, bool critical, QWidget *parent = nullptr);

    quint32 durationS() const;
    QString reason() const;
    QPushButton *okButton() const { return m_ok; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QComboBox *durationBox() const { return m_duration; }

private:
    QComboBox *m_duration;
    QPlainTextEdit *m_reason;
    QPushButton *m_ok;
};

} // namespace sitroom::widgets
