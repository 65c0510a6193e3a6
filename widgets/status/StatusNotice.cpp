#include "widgets/status/StatusNotice.h"

#include "models/situation/SituationStore.h"

#include <QStyle>

namespace sitroom::widgets {

StatusNotice::StatusNotice(const sitroom::models::SituationStore &store, QWidget *parent)
    : QLabel(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("controlNotice"));
    setWordWrap(false);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &StatusNotice::clearNotice);
    connect(&store, &sitroom::models::SituationStore::linkChanged, this, &StatusNotice::onLinkChanged);
}

void StatusNotice::say(const QString &text, bool problem, NoticeLife life)
{
    m_life = life;
    setText(text);
    setToolTip(text);
    setProperty("problem", problem);
    style()->unpolish(this);
    style()->polish(this);
    // A message tied to the link still times out as a problem would, should
    // the link come back without the console hearing of it.
    m_expiry.start(problem || life != NoticeLife::Timed ? kProblemMs : kTimedMs);
}

void StatusNotice::clearNotice()
{
    m_expiry.stop();
    m_life = NoticeLife::Timed;
    clear();
    setToolTip(QString());
    setProperty("problem", false);
    style()->unpolish(this);
    style()->polish(this);
}

void StatusNotice::onLinkChanged()
{
    // "Not sent: not connected" stops holding the moment the console is live again.
    if (m_life == NoticeLife::UntilConnected && m_store.isLive() && !text().isEmpty())
        clearNotice();
}

} // namespace sitroom::widgets
