#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QFrame>

class QLabel;

namespace sitroom::widgets {

class LightIndicator;
class Sparkline;

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
    Sparkline *m_sparkline;
};

} // namespace sitroom::widgets
