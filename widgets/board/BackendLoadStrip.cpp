#include "widgets/board/BackendLoadStrip.h"

#include "widgets/common/Formatting.h"
#include "models/situation/SituationStore.h"
#include "widgets/status/StaleFigureWords.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace sitroom::widgets {

namespace figure = sitroom::models::figure;

BackendLoadStrip::Level BackendLoadStrip::levelOf(double utilization)
{
    if (utilization >= kOverFraction)
        return Level::Over;
    if (utilization >= kHighFraction)
        return Level::High;
    return Level::Normal;
}

BackendLoadStrip::BackendLoadStrip(const sitroom::models::SituationStore &store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_caption(new QLabel(tr("Booking backend utilisation"), this))
    , m_figure(new QLabel(this))
    , m_word(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("backendLoad"));
    setAttribute(Qt::WA_StyledBackground);
    setFrameShape(QFrame::StyledPanel);
    m_caption->setObjectName(QStringLiteral("backendLoadCaption"));
    m_figure->setObjectName(QStringLiteral("backendLoadFigure"));
    m_word->setObjectName(QStringLiteral("backendLoadWord"));
    m_detail->setObjectName(QStringLiteral("backendLoadDetail"));
    m_figure->setAccessibleName(tr("Booking backend utilisation"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->setSpacing(12);
    layout->addWidget(m_caption);
    layout->addWidget(m_figure);
    layout->addWidget(m_word);
    layout->addSpacing(8);
    layout->addWidget(m_detail, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    connect(&store, &sitroom::models::SituationStore::stateChanged, this, &BackendLoadStrip::refresh);
    connect(&store, &sitroom::models::SituationStore::staleFiguresChanged, this, &BackendLoadStrip::refresh);
    refresh();
}

QString BackendLoadStrip::figureText() const
{
    return m_figure->text();
}

QString BackendLoadStrip::wordText() const
{
    return m_word->text();
}

QString BackendLoadStrip::detailText() const
{
    return m_detail->text();
}

void BackendLoadStrip::refresh()
{
    const QString dash = StaleFigureWords::placeholder();
    const bool hasData = m_store.hasSnapshot() && m_store.state().has_backend();
    const auto &b = m_store.state().backend();
    const bool stale = m_store.isFigureStale(figure::backendUtilization);
    const Level level = !hasData || stale ? Level::Unknown : levelOf(b.utilization());
    m_figure->setText(level == Level::Unknown ? dash : formatPercent(b.utilization(), 0));
    switch (level) {
    case Level::Over: m_word->setText(tr("■ Overloaded", "backend load")); break;
    case Level::High: m_word->setText(tr("▲ High", "backend load")); break;
    case Level::Normal: m_word->setText(tr("Normal", "backend load")); break;
    case Level::Unknown: m_word->setText(stale ? tr("not live", "backend load") : QString()); break;
    }
    if (!hasData) {
        m_detail->setText(tr("Requests %1 · capacity %2 · p95 %3").arg(dash, dash, dash));
    } else {
        const bool p95Stale = m_store.isFigureStale(figure::backendP95);
        m_detail->setText(tr("Requests %1 · capacity %2 · p95 %3")
                              .arg(stale ? dash : formatRate(b.requests_per_s()),
                                   b.capacity_per_s() > 0 ? formatRate(b.capacity_per_s()) : dash,
                                   p95Stale ? dash : formatMs(b.p95_latency_ms())));
    }
    if (level != m_level) {
        m_level = level;
        // The style sheet colours the strip by its level, like a tile by its light.
        const char *state = level == Level::Over ? "over" : level == Level::High ? "high" : "normal";
        for (QWidget *w : {static_cast<QWidget *>(this), static_cast<QWidget *>(m_figure), static_cast<QWidget *>(m_word)}) {
            w->setProperty("loadLevel", QLatin1String(state));
            w->style()->unpolish(w);
            w->style()->polish(w);
        }
    }
}

} // namespace sitroom::widgets
