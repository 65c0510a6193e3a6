#pragma once

#include "widgets/board/SwitchWords.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QFrame>

class QLabel;

namespace sitroom::widgets {

class LightIndicator;
class Sparkline;
class StaleNote;

// What one tile shows; the board fills it from the provider model.
struct ProviderTileData
{
    QString id;
    QString name;
    sitroom::v1::Light light = sitroom::v1::LIGHT_UNSPECIFIED;
    double p95Ms = 0.0;
    double successRate = 0.0;
    double requestsPerS = 0.0;
    double share = 0.0;
    qint64 lightSinceMs = 0;
    qint64 nowMs = 0;              // live-system clock, for "since"
    double yellowP95Ms = 0.0;      // thresholds, for the sparkline
    double redP95Ms = 0.0;
    // Figures the live system's source could not read fresh: shown as "–",
    // never as their last value, with staleNote saying why.
    bool lightStale = false;
    bool p95Stale = false;
    bool successStale = false;      // error_rate
    bool requestsStale = false;     // requests per second (and so the share)
    QString staleNote;              // empty while every figure is live
    QString staleDetails;           // tooltip: each figure, its reason, since when
    // False until the live system's state lists the provider: every figure
    // reads "–", never 0.
    bool hasData = true;
    // The control in force: who disabled it, why, until when; the ramp back.
    ProviderSwitch control;
};

// One verification provider: its light as shape, colour and word; p95
// latency, success rate, requests per second and share of traffic; a sparkline
// of p95 latency against the light's thresholds. Grey and calm while 원활;
// the light's colour frames the tile only while something is wrong.
class ProviderTile final : public QFrame
{
    Q_OBJECT

public:
    explicit ProviderTile(QWidget *parent = nullptr);

    void setData(const ProviderTileData &data);
    const ProviderTileData &data() const { return m_data; }
    Sparkline *sparkline() const { return m_sparkline; }
    QString lightWord() const;
    StaleNote *staleNote() const { return m_staleNote; }
    // The figures as shown (p95, success, requests, share), for tests.
    QStringList figureTexts() const;
    // Who switched it, why, until when, the ramp back; empty when none.
    QString controlText() const;

private:
    ProviderTileData m_data;
    LightIndicator *m_indicator;
    QLabel *m_name;
    QLabel *m_word;
    QLabel *m_since;
    QLabel *m_p95;
    QLabel *m_success;
    QLabel *m_requests;
    QLabel *m_share;
    QLabel *m_control;
    Sparkline *m_sparkline;
    StaleNote *m_staleNote;
};

} // namespace sitroom::widgets
