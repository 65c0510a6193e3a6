#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::widgets {

// The wall's alarm line: how many critical alerts stand, how many of them no
// one acknowledged, and the worst one's title. Grey and quiet when none
// stands; white on dark red while one does (colour only when abnormal, and
// the words say it too).
class WallAlarm final : public QWidget
{
    Q_OBJECT

public:
    explicit WallAlarm(QWidget *parent = nullptr);

    // title: the worst standing critical alert's, empty when none stands.
    void setCritical(int standing, int unacknowledged, const QString &title);

    int standing() const { return m_standing; }
    QString countText() const;
    QString titleText() const;

    static QColor alarmBackground();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_count;
    QLabel *m_title;
    int m_standing = 0;
};

} // namespace sitroom::widgets
