#pragma once

#include <QLabel>

namespace sitroom::widgets {

// A one-line label that gives way in a row short of room (the status bar at
// 1366 px), so that what must stay whole beside it (the gateway, the room in
// command, the data's age, the clock) keeps its width: it shows its short
// form when one is set and the whole does not fit ("승인 대기 1건" for the
// whole line), else as much as fits, ending in "…". text() is always the
// whole text; whoever sets it says it whole in the tooltip too.
//
// A layout takes width equally from whatever can give some, so the order in
// which labels give way is set by what they ask for:
// - GiveWay::First asks only for its short form and takes, by its stretch,
//   what the row has left, up to its whole text (the news);
// - GiveWay::Last asks for its whole text and gives way only once nothing
//   asked for less can (who signed in, the round trip).
// Set its text through ElidedLabel (setText, clear), so that it knows how
// wide its whole text is.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    enum class GiveWay { First, Last };

    explicit ElidedLabel(GiveWay giveWay, QWidget *parent = nullptr);

    void setText(const QString &text);
    void clear();
    // What it says when the whole does not fit; empty: the whole, cut short.
    void setShortForm(const QString &text);
    QString shortForm() const { return m_shortForm; }
    // Short of room, it may take no width at all: what it says is kept
    // elsewhere too (the live system's name, the last command's stage).
    void setMayVanish(bool mayVanish);

    // What it shows in the width it has now.
    QString shownText() const;
    bool isCut() const { return shownText() != text(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect textRect() const;
    int widthFor(const QString &text) const;
    void refreshWidths();

    GiveWay m_giveWay;
    QString m_shortForm;
    bool m_mayVanish = false;
};

} // namespace sitroom::widgets
