#include "widgets/status/StaleBanner.h"

#include "widgets/status/LinkText.h"
#include "widgets/status/StaleFigureWords.h"
#include "models/situation/SituationStore.h"

#include <algorithm>

namespace sitroom::widgets {

StaleBanner::StaleBanner(const sitroom::models::SituationStore &store, QWidget *parent)
    : QLabel(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("staleBanner"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setAttribute(Qt::WA_StyledBackground);
    connect(&store, &sitroom::models::SituationStore::freshnessChanged, this, &StaleBanner::refresh);
    connect(&store, &sitroom::models::SituationStore::ageChanged, this, &StaleBanner::refresh);
    connect(&store, &sitroom::models::SituationStore::linkChanged, this, &StaleBanner::refresh);
    connect(&store, &sitroom::models::SituationStore::staleFiguresChanged, this, &StaleBanner::refresh);
    refresh();
}

void StaleBanner::setSettingsProblem(const QString &problem)
{
    m_settingsProblem = problem;
    refresh();
}

void StaleBanner::refresh()
{
    // The whole picture's staleness first; figures the source could not read
    // fresh while the rest flows, on a line of their own.
    QStringList lines;
    const QString caption = !m_settingsProblem.isEmpty()
        ? tr("No data: this console does not connect. %1").arg(m_settingsProblem)
        : staleCaption(m_store);
    if (!caption.isEmpty())
        lines << QStringLiteral("⚠ ") + caption;
    const auto &figures = m_store.staleFigures();
    const QString figuresLine = StaleFigureWords::bannerLine(figures);
    // ‖ for "paused": none of the fonts Debian gives the console has ⏸,
    // which drew as an empty box.
    if (!figuresLine.isEmpty())
        lines << QStringLiteral("‖ ") + figuresLine;
    m_figuresLine = figuresLine;
    setToolTip(StaleFigureWords::details(figures));
    const bool shown = !lines.isEmpty();
    if (shown)
        setText(lines.join(u'\n'));
    if (shown == !isHidden())
        return;
    // Going: the height it had on screen; coming: the height it will take.
    const int band = shown ? heightForWidth(width() > 0 ? width() : sizeHint().width()) : height();
    setVisible(shown);
    emit shownChanged(shown, std::max(band, sizeHint().height()));
}

} // namespace sitroom::widgets
