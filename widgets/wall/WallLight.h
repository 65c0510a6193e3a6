#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::widgets {

class StaleNote;

// One provider's public traffic light for the wall, readable from across the
// room: the light's shape (never colour alone), the provider's name and the
// word citizens see (원활/지연/혼잡/중단), all huge. A light whose figure is
// not live shows no shape and "–", with the stale strip saying why.
class WallLight final : public QWidget
{
    Q_OBJECT

public:
    explicit WallLight(QWidget *parent = nullptr);

    // light: a sitroom::v1::Light; staleNote empty when the light is live.
    void setLight(const QString &name, int light, const QString &staleNote = {}, const QString &staleDetails = {});

    int light() const { return m_light; }
    bool isStale() const { return m_stale; }
    QString nameText() const;
    QString wordText() const;

    static constexpr int kGlyphSide = 200;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QWidget *m_glyph;
    QLabel *m_name;
    QLabel *m_word;
    StaleNote *m_note;
    int m_light = 0;
    bool m_stale = false;
};

} // namespace sitroom::widgets
