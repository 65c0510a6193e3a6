#pragma once

#include <QWidget>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// "훈련 상황" (DRILL) across the top of a console window while the live
// system says it is a drill (Configuration.drill), so no one takes an
// exercise for real operations: above the menu bar and everything else, on
// every layout (desk, compact, wall), white on a deep violet that no alarm
// uses (contrast 9:1). The window's contents move down to make room, so it
// covers nothing; it cannot be hidden or closed while the drill lasts.
class DrillBanner final : public QWidget
{
    Q_OBJECT

public:
    DrillBanner(const sitroom::models::SituationStore &store, QWidget *window);

    bool isDrill() const { return m_drill; }
    QString text() const;
    QSize sizeHint() const override;
    // Only the drill decides: hide() and show() from outside change nothing.
    void setVisible(bool visible) override;

    static QColor background();
    static QColor foreground();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void place();
    QFont bannerFont() const;

    const sitroom::models::SituationStore &m_store;
    QWidget *m_window;
    bool m_drill = false;
};

} // namespace sitroom::widgets
