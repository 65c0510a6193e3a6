#include "StaleBanner.h"

#include "LinkText.h"
#include "situation/SituationStore.h"

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
    refresh();
}

void StaleBanner::refresh()
{
    const QString caption = staleCaption(m_store);
    setVisible(!caption.isEmpty());
    if (!caption.isEmpty())
        setText(QStringLiteral("⚠ ") + caption);
}

} // namespace sitroom::widgets
