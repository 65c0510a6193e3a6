#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::widgets {

class StaleNote;

// A headline figure for the wall: what it is, the number, one line of
// context, and, when the figure is not live, "–" with the stale strip.
class WallFigure final : public QWidget
{
    Q_OBJECT

public:
    explicit WallFigure(const QString &caption, QWidget *parent = nullptr);

    void setFigure(const QString &value, const QString &detail);
    void setStaleNote(const QString &note, const QString &details = {});

    QString captionText() const;
    QString valueText() const;
    QString detailText() const;
    QString staleText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
    StaleNote *m_note;
};

} // namespace sitroom::widgets
