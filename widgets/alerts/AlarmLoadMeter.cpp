#include "widgets/alerts/AlarmLoadMeter.h"

#include <QPainter>

#include <algorithm>

namespace sitroom::widgets {

using sitroom::models::AlarmLoadBand;
using sitroom::models::AlarmPicture;
using sitroom::models::AlarmVerdict;

namespace {
constexpr quint32 kScaleMax = 20;   // the bar's end; beyond it the marker sits at the end
const QColor kAlarmRed(0xa3, 0x1c, 0x1c);   // white on it: 7.6:1
}

AlarmLoadMeter::AlarmLoadMeter(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("alarmLoadMeter"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(tr("Alerts started in the last 10 minutes (ISA-18.2 target: about 1–2 per operator; "
                  "more than 10 is a flood, and the list is summarised by source), the alerts standing "
                  "now and those nobody has acknowledged. Never calm while a critical alert is "
                  "unacknowledged."));
    setPicture({});
}

void AlarmLoadMeter::setPicture(const AlarmPicture &picture)
{
    m_picture = picture;
    setAccessibleName(text());
    updateGeometry();
    update();
}

QString AlarmLoadMeter::figuresText() const
{
    const AlarmPicture &p = m_picture;
    QString text = tr("%1 started / 10 min").arg(p.startedLast10min) + QStringLiteral(" · ")
        + tr("%1 standing").arg(p.standing) + QStringLiteral(" · ");
    text += p.unacknowledgedCritical > 0
        ? tr("%1 unacknowledged (%2 critical)").arg(p.unacknowledged).arg(p.unacknowledgedCritical)
        : tr("%1 unacknowledged").arg(p.unacknowledged);
    if (p.shelved > 0)
        text += QStringLiteral(" · ") + tr("%1 shelved").arg(p.shelved);
    return text;
}

QString AlarmLoadMeter::verdictText() const
{
    switch (verdict()) {
    case AlarmVerdict::Calm: return tr("Calm (target ≤ 2)");
    case AlarmVerdict::Waiting:
        return m_picture.unacknowledged > 0 ? tr("Waiting: acknowledge the alerts")
                                            : tr("Many standing (target < 10)");
    case AlarmVerdict::Busy: return tr("Busy (above target)");
    case AlarmVerdict::CriticalUnacknowledged: return tr("Critical unacknowledged: acknowledge now");
    case AlarmVerdict::Flood: return tr("Flood: grouped by source");
    }
    return {};
}

QString AlarmLoadMeter::text() const
{
    return figuresText() + QStringLiteral(" · ") + verdictText();
}

QSize AlarmLoadMeter::sizeHint() const
{
    const QFontMetrics fm(font());
    return {std::max(320, fm.horizontalAdvance(figuresText()) + 24), fm.height() * 3 + 18};
}

QSize AlarmLoadMeter::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {200, fm.height() * 3 + 18};
}

void AlarmLoadMeter::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const AlarmVerdict v = verdict();
    const qreal line = fm.height() + 2;

    // First line: the counts, in the panel's text colour.
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(0, 0, width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(figuresText(), Qt::ElideRight, width()));

    // Second line: the word, with a shape so it reads without colour.
    QFont bold = font();
    bold.setBold(v != AlarmVerdict::Calm);
    p.setFont(bold);
    const QFontMetrics bm(bold);
    QString marker;
    switch (v) {
    case AlarmVerdict::Calm: break;
    case AlarmVerdict::Waiting: marker = QStringLiteral("● "); break;
    case AlarmVerdict::Busy: marker = QStringLiteral("▲ "); break;
    case AlarmVerdict::CriticalUnacknowledged:
    case AlarmVerdict::Flood: marker = QStringLiteral("◆ "); break;
    }
    const QString word = marker + verdictText();
    QRectF wordRect(0, line + 2, width(), line);
    if (v == AlarmVerdict::CriticalUnacknowledged) {
        // Its own look: white on red, a block no one reads as calm.
        const QRectF block(0, wordRect.top(), std::min<qreal>(width(), bm.horizontalAdvance(word) + 16), line);
        p.setPen(Qt::NoPen);
        p.setBrush(kAlarmRed);
        p.drawRect(block);
        p.setPen(Qt::white);
        wordRect = block.adjusted(8, 0, -4, 0);
    } else {
        p.setPen(v == AlarmVerdict::Flood ? kAlarmRed : palette().color(QPalette::WindowText));
    }
    p.drawText(wordRect, Qt::AlignLeft | Qt::AlignVCenter, bm.elidedText(word, Qt::ElideRight, int(wordRect.width())));

    // The bar of starts per 10 minutes: three bands, grey when calm; the marker a dark notch.
    const qreal top = wordRect.bottom() + 4;
    const qreal h = std::max<qreal>(8, height() - top - 4);
    const QRectF bar(1, top, width() - 2, h);
    const auto x = [&](double value) { return bar.left() + bar.width() * std::min<double>(value, kScaleMax) / kScaleMax; };
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
    const qreal mx = std::clamp(x(m_picture.startedLast10min), bar.left() + 1.5, bar.right() - 1.5);
    p.setPen(QPen(QColor(0x21, 0x21, 0x21), 3));
    p.drawLine(QPointF(mx, bar.top() - 2), QPointF(mx, bar.bottom() + 2));
}

} // namespace sitroom::widgets
