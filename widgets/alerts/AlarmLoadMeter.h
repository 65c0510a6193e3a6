#pragma once

#include "models/alerts/AlarmLoad.h"

#include <QWidget>

namespace sitroom::widgets {

// The alarm load as ISA-18.2 watches it: alerts started in the last 10
// minutes against the targets (a bar with its three bands: ≤ 2 calm, 3–10
// busy, > 10 flood), beside the alerts standing and unacknowledged, and the
// situation in one word, so it reads without colour. It never says calm
// while a critical alert stands unacknowledged: that word is its own, white
// on red.
class AlarmLoadMeter final : public QWidget
{
    Q_OBJECT

public:
    explicit AlarmLoadMeter(QWidget *parent = nullptr);

    void setPicture(const sitroom::models::AlarmPicture &picture);
    const sitroom::models::AlarmPicture &picture() const { return m_picture; }
    quint32 load() const { return m_picture.startedLast10min; }
    sitroom::models::AlarmLoadBand band() const { return m_picture.rateBand(); }
    sitroom::models::AlarmVerdict verdict() const { return m_picture.verdict(); }
    // "시작 0건/10분 · 진행 14건 · 미확인 14건 (긴급 10) · 긴급 미확인: 즉시 확인"
    QString text() const;
    QString figuresText() const;   // the counts alone
    QString verdictText() const;   // the word alone

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    sitroom::models::AlarmPicture m_picture;
};

} // namespace sitroom::widgets
