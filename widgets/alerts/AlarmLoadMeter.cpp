#include "AlarmLoadMeter.h"

#include <QPainter>

#include <algorithm>

namespace sitroom::widgets {

using sitroom::models::AlarmLoadBand;

namespace {
constexpr quint32 kScaleMax = 20;   // the bar's end; beyond it the marker sits at the end
}

AlarmLoadMeter::AlarmLoadMeter(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("alarmLoadMeter"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setLoad(0, false);
}

void AlarmLoadMeter::setLoad(quint32 alertsPer10Min, bool flood)
{
    m_load = alertsPer10Min;
    m_flood = flood;
    setToolTip(tr("Alerts started in the last 10 minutes. ISA-18.2 target: about 1–2 per operator; "
                  "more than 10 is a flood, and the list is summarised by source."));
    setAccessibleName(text());
    update();
}

AlarmLoadBand AlarmLoadMeter::band() const
{
    return m_flood ? AlarmLoadBand::Flood : sitroom::models::alarmLoadBand(m_load);
}

QString AlarmLoadMeter::text() const
{
    QString word;
    switch (band()) {
    case AlarmLoadBand::Calm: word = tr("Calm (target ≤ 2)"); break;
    case AlarmLoadBand::Busy: word = tr("Busy (above target)"); break;
    case AlarmLoadBand::Flood: word = tr("Flood: grouped by source"); break;
    }
    return tr("%1 alerts / 10 min").arg(m_load) + QStringLiteral(" · ") + word;
}

QSize AlarmLoadMeter::sizeHint() const
{
    const QFontMetrics fm(font());
    return {std::max(320, fm.horizontalAdvance(text()) + 24), fm.height() * 2 + 14};
}

QSize AlarmLoadMeter::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {200, fm.height() * 2 + 14};
}

void AlarmLoadMeter::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const QRectF textRect(0, 0, width(), fm.height() + 2);
    QFont bold = font();
    bold.setBold(band() != AlarmLoadBand::Calm);
    p.setFont(bold);
    p.setPen(band() == AlarmLoadBand::Flood ? QColor(0xa3, 0x1c, 0x1c) : palette().color(QPalette::WindowText));
    const QString marker = band() == AlarmLoadBand::Flood ? QStringLiteral("◆ ") : band() == AlarmLoadBand::Busy ? QStringLiteral("▲ ") : QString();
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(marker + text(), Qt::ElideRight, width()));

    // The bar: three bands, grey when calm; the marker a dark notch.
    const qreal top = textRect.bottom() + 4;
    const qreal h = std::max<qreal>(8, height() - top - 4);
    const QRectF bar(1, top, width() - 2, h);
    const auto x = [&](double v) { return bar.left() + bar.width() * std::min<double>(v, kScaleMax) / kScaleMax; };
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xe0, 0xe0, 0xe0));
    p.drawRect(QRectF(bar.left(), bar.top(), x(2.5) - bar.left(), bar.height()));
    p.setBrush(QColor(0xf6, 0xd8, 0x8a));
    p.drawRect(QRectF(x(2.5), bar.top(), x(10.5) - x(2.5), bar.height()));
    p.setBrush(QColor(0xef, 0xa0, 0xa0));
    p.drawRect(QRectF(x(10.5), bar.top(), bar.right() - x(10.5), bar.height()));
    p.setPen(QPen(QColor(0x61, 0x61, 0x61), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar);
    // Band edges, so the bands read without colour.
    p.drawLine(QPointF(x(2.5), bar.top()), QPointF(x(2.5), bar.bottom()));
    p.drawLine(QPointF(x(10.5), bar.top()), QPointF(x(10.5), bar.bottom()));
    const qreal mx = x(m_load) ;
    p.setPen(QPen(QColor(0x21, 0x21, 0x21), 3));
    p.drawLine(QPointF(std::clamp(mx, bar.left() + 1.5, bar.right() - 1.5), bar.top() - 2),
               QPointF(std::clamp(mx, bar.left() + 1.5, bar.right() - 1.5), bar.bottom() + 2));
}

} // namespace sitroom::widgets
