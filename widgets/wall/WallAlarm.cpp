#include "widgets/wall/WallAlarm.h"

#include "widgets/wall/WallType.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace sitroom::widgets {

namespace {
const QColor kAlarm(0xb7, 0x1c, 0x1c);   // white on it: 6.6:1
const QColor kInk(0x1a, 0x1a, 0x1a);
}

WallAlarm::WallAlarm(QWidget *parent)
    : QWidget(parent)
    , m_count(new QLabel(this))
    , m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("wallAlarm"));
    m_count->setObjectName(QStringLiteral("wallAlarmCount"));
    m_title->setObjectName(QStringLiteral("wallAlarmTitle"));
    m_count->setFont(wallFont(WallType::Heading, font()));
    m_title->setFont(wallFont(WallType::Heading, font()));
    m_title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 12);
    layout->setSpacing(4);
    layout->addWidget(m_count);
    layout->addWidget(m_title);
    setCritical(0, 0, {});
}

QColor WallAlarm::alarmBackground()
{
    return kAlarm;
}

void WallAlarm::setCritical(int standing, int unacknowledged, const QString &title)
{
    m_standing = standing;
    if (standing == 0)
        m_count->setText(tr("No critical alert stands"));
    else if (unacknowledged > 0)
        m_count->setText(tr("■ Critical alerts standing: %1 (%2 unacknowledged)").arg(standing).arg(unacknowledged));
    else
        m_count->setText(tr("■ Critical alerts standing: %1").arg(standing));
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, standing > 0 ? Qt::white : kInk);
    for (QLabel *label : {m_count, m_title})
        label->setPalette(pal);
    setAccessibleName(m_count->text() + u' ' + title);
    update();
}

QString WallAlarm::countText() const
{
    return m_count->text();
}

QString WallAlarm::titleText() const
{
    return m_title->text();
}

void WallAlarm::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(QPen(m_standing > 0 ? QColor(0x3d, 0x00, 0x00) : QColor(0x9e, 0x9e, 0x9e), m_standing > 0 ? 4 : 2));
    p.setBrush(m_standing > 0 ? kAlarm : QColor(0xec, 0xec, 0xec));
    p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}

} // namespace sitroom::widgets
