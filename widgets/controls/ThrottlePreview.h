#pragma once

#include "models/control/AdmissionProjection.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QDialog;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

class ControlDesk;
class ThrottleControl;
class TimeSeriesChart;

// The throttle's what-if on the waiting room's charts: while the operator
// looks at the confirmation of a new rate, a pause or a resume, the next 30
// minutes (AdmissionProjection) continue the queue, arrival and admission lines,
// dashed, under "예측", with the wait and the booking backend's load in the
// projection's note; the confirmation moves beside the charts if it covers
// them and the screen has room. Confirmed or cancelled, it goes. It follows the picture
// while shown (each tick starts it again from now), and is not drawn at all
// while a figure it starts from is not live: a projection from a stale queue
// would be a guess dressed as a line.
class ThrottlePreview final : public QObject
{
    Q_OBJECT

public:
    // Arrivals are the projection's input, held: drawn so the reader sees the assumption.
    enum class Figure { QueueDepth, ArrivalsPerS, AdmittedPerS, AdmissionRate };

    explicit ThrottlePreview(const sitroom::models::SituationStore &store, QObject *parent = nullptr);

    // Where the projection goes: a chart's series and what it plots.
    void addTarget(TimeSeriesChart *chart, int series, Figure figure);
    // Shows the projection while the desk's confirmation for the throttle's
    // wishes is open. Connect the throttle to the desk first: the dialog is
    // looked up when the wish arrives.
    void follow(ThrottleControl *throttle, ControlDesk *desk);

    // Shown until clear(), or until `dialog` (if given) closes either way.
    void show(double ratePerS, bool paused, QDialog *dialog = nullptr);
    void clear();

    bool isShowing() const { return m_showing; }
    // False while showing but a figure it starts from is stale: nothing drawn.
    bool isDrawn() const { return m_drawn; }
    const sitroom::models::AdmissionProjection &projection() const { return m_projection; }

signals:
    void changed();

private:
    struct Target
    {
        QPointer<TimeSeriesChart> chart;
        int series = -1;
        Figure figure = Figure::QueueDepth;
    };

    void recompute();
    void keepClear(QDialog *dialog) const;
    void removeFromCharts();
    QString noteFor(const TimeSeriesChart *chart) const;

    const sitroom::models::SituationStore &m_store;
    std::vector<Target> m_targets;
    QPointer<QDialog> m_dialog;
    bool m_showing = false;
    bool m_drawn = false;
    double m_ratePerS = 0.0;
    bool m_paused = false;
    sitroom::models::AdmissionProjection m_projection;
};

} // namespace sitroom::widgets
