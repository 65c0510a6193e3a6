#pragma once

#include <QWidget>

namespace sitroom::widgets {

// Laid over a panel while its data is stale: grey hatching across everything
// and a caption with the age, so no stale number can pass for a fresh one.
// Transparent to the mouse; follows its parent's size.
class StaleOverlay final : public QWidget
{
    Q_OBJECT

public:
    explicit StaleOverlay(QWidget *panel);

    void setStale(bool stale, const QString &caption = {});
    bool isStale() const { return m_stale; }
    QString caption() const { return m_caption; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_stale = false;
    QString m_caption;
};

} // namespace sitroom::widgets
