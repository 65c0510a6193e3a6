#pragma once

#include "alerts/AlarmLoad.h"

#include <QWidget>

namespace sitroom::widgets {

// Alerts started in the last 10 minutes against the ISA-18.2 targets: the
// number, a bar with its three bands (≤ 2 calm, 3–10 busy, > 10 flood) and
// the band in words, so the load reads without colour.
class AlarmLoadMeter final : public QWidget
{
    Q_OBJECT

public:
    explicit AlarmLoadMeter(QWidget *parent = nullptr);

    void setLoad(quint32 alertsPer10Min, bool flood);
    quint32 load() const { return m_load; }
    sitroom::models::AlarmLoadBand band() const;
    QString text() const;        // "14 alerts / 10 min · Flood: summarised by source"

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    quint32 m_load = 0;
    bool m_flood = false;        // the engine's word; the count alone may lag
};

} // namespace sitroom::widgets
