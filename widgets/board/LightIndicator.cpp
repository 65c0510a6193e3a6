#include "widgets/board/LightIndicator.h"

#include "widgets/board/LightGlyph.h"

#include <QPainter>

namespace sitroom::widgets {

LightIndicator::LightIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize LightIndicator::sizeHint() const
{
    const int side = fontMetrics().height() * 2;
    return {side, side};
}

void LightIndicator::setLight(sitroom::v1::Light light)
{
    if (light == m_light)
        return;
    m_light = light;
    setToolTip(lightLook(light).word);
    update();
}

void LightIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintLightGlyph(painter, rect().adjusted(1, 1, -1, -1), m_light);
}

} // namespace sitroom::widgets
