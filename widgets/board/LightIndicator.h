#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QWidget>

namespace sitroom::widgets {

// A provider's light as a shape in its colour (see LightGlyph).
class LightIndicator final : public QWidget
{
    Q_OBJECT

public:
    explicit LightIndicator(QWidget *parent = nullptr);

    void setLight(sitroom::v1::Light light);
    sitroom::v1::Light light() const { return m_light; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    sitroom::v1::Light m_light = sitroom::v1::LIGHT_UNSPECIFIED;
};

} // namespace sitroom::widgets
