#pragma once

#include <QLabel>

namespace sitroom::widgets {

// Says in place why some figures of a tile or panel are not live: the same
// grey hatching and dark caption as StaleOverlay, in a strip, so a partial
// staleness looks like the whole-data one. Hidden while the text is empty;
// the tooltip names each figure, its reason and since when.
class StaleNote final : public QLabel
{
    Q_OBJECT

public:
    explicit StaleNote(QWidget *parent = nullptr);

    void setNote(const QString &text, const QString &details = {});
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace sitroom::widgets
