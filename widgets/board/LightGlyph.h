#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace sitroom::widgets {

// How a provider's public traffic light is drawn: never by colour alone.
// 원활 is a grey circle (normal needs no colour, ISA-101), 지연 an amber
// triangle, 혼잡 a red octagon, 중단 a dark square with a cross; each shape has
// a dark outline so it stands 3:1 against the grey background.
struct LightLook
{
    QColor fill;
    QColor outline;
    QString word;      // 원활 / 지연 / 혼잡 / 중단 (translated)
    QString symbol;    // a text symbol for places that cannot paint: ● ▲ ■ ✕
    bool abnormal = false;
};

LightLook lightLook(sitroom::v1::Light light);
void paintLightGlyph(QPainter &painter, const QRectF &box, sitroom::v1::Light light);

} // namespace sitroom::widgets
