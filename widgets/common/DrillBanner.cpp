#include "widgets/common/DrillBanner.h"

#include "models/situation/SituationStore.h"

#include <QEvent>
#include <QPainter>

namespace sitroom::widgets {

namespace {
// Deep violet: not an alarm colour (no red, orange, amber or green) and
// white on it reads at 9:1.
const QColor kDrillBackground(0x45, 0x27, 0xa0);
}

DrillBanner::DrillBanner(const sitroom::models::SituationStore &store, QWidget *window)
    : QWidget(window)
    , m_store(store)
    , m_window(window)
{
    setObjectName(QStringLiteral("drillBanner"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    window->installEventFilter(this);
    // Every snapshot and tick, not only a new layout of providers: a gateway
    // restarted into (or out of) a drill keeps its providers.
    connect(&store, &sitroom::models::SituationStore::configurationChanged, this, &DrillBanner::refresh);
    connect(&store, &sitroom::models::SituationStore::stateChanged, this, [this] {
        if (m_store.configuration().drill() != m_drill)
            refresh();
    });
    refresh();
}

QColor DrillBanner::background()
{
    return kDrillBackground;
}

QColor DrillBanner::foreground()
{
    return Qt::white;
}

QString DrillBanner::text() const
{
    return tr("DRILL", "banner over the whole console during an exercise") + QStringLiteral(" · ")
        + tr("an exercise, not real operations");
}

QFont DrillBanner::bannerFont() const
{
    // Readable from across the room on the wall, unmissable on a desk.
    const bool wall = m_window->property("layoutMode").toString() == u"wall";
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(wall ? 44 : 22);
    return f;
}

QSize DrillBanner::sizeHint() const
{
    const QFontMetrics fm(bannerFont());
    return {fm.horizontalAdvance(text()) + 48, fm.height() + fm.height() / 2};
}

void DrillBanner::setVisible(bool)
{
    QWidget::setVisible(m_drill);
}

void DrillBanner::refresh()
{
    m_drill = m_store.configuration().drill();
    setAccessibleName(m_drill ? text() : QString());
    setToolTip(m_drill ? tr("The live system says this is a drill: its figures and alerts are an exercise's.") : QString());
    place();
    setVisible(m_drill);
}

void DrillBanner::place()
{
    const int h = m_drill ? sizeHint().height() : 0;
    // The window lays out its menu bar, docks and central widget below the banner.
    const QMargins margins = m_window->contentsMargins();
    if (margins.top() != h)
        m_window->setContentsMargins(margins.left(), h, margins.right(), margins.bottom());
    setGeometry(0, 0, m_window->width(), h);
    raise();
}

bool DrillBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::DynamicPropertyChange:   // the layout mode
        case QEvent::ChildAdded:              // keep above anything added later
            place();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DrillBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        refresh();
    QWidget::changeEvent(event);
}

void DrillBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), kDrillBackground);
    // A white rule at the foot, so the band reads as a band in greyscale too.
    p.fillRect(QRect(0, height() - 3, width(), 3), foreground());
    p.setPen(foreground());
    p.setFont(bannerFont());
    const QFontMetrics fm(bannerFont());
    p.drawText(rect().adjusted(12, 0, -12, -3), Qt::AlignCenter, fm.elidedText(text(), Qt::ElideRight, width() - 24));
}

} // namespace sitroom::widgets
