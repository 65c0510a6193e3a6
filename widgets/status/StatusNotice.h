#pragma once

#include <QLabel>
#include <QTimer>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// How long a status message holds.
enum class NoticeLife {
    Timed,             // plain news: gone after kTimedMs (a problem after kProblemMs)
    UntilConnected,    // tied to the link being down: gone once the console is live again
    UntilAnswered,     // waiting for an answer: replaced by it, or gone after kProblemMs
};

// The status bar's message about this console's commands: shown while it
// still holds and then gone, so the bar never says something that stopped
// being true ("보내지 못함: 서버에 연결되어 있지 않음" ten minutes after the
// link came back). A problem reads dark red and bold (the "problem" property).
class StatusNotice final : public QLabel
{
    Q_OBJECT

public:
    static constexpr int kTimedMs = 30 * 1000;
    static constexpr int kProblemMs = 2 * 60 * 1000;

    explicit StatusNotice(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    void say(const QString &text, bool problem, NoticeLife life = NoticeLife::Timed);
    void clearNotice();
    bool isProblem() const { return property("problem").toBool(); }
    NoticeLife life() const { return m_life; }
    // Milliseconds until a timed message goes; -1 when none is timed.
    int remainingMs() const { return m_expiry.isActive() ? m_expiry.remainingTime() : -1; }

private:
    void onLinkChanged();

    const sitroom::models::SituationStore &m_store;
    QTimer m_expiry;
    NoticeLife m_life = NoticeLife::Timed;
};

} // namespace sitroom::widgets
