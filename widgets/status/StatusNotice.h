#pragma once

#include "widgets/common/ElidedLabel.h"

#include <QTimer>

#include <deque>

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

// The status bar's news: this console's commands and their answers, others'
// changes, the room in command moving, a move to another gateway. Shown
// while it still holds and then gone, so the bar never says something that
// stopped being true ("보내지 못함: 서버에 연결되어 있지 않음" ten minutes after
// the link came back). A problem reads dark red and bold (the "problem"
// property). It gives way to what must stay whole in the status bar: cut to
// what fits, whole in its tooltip, and kept with its time in a history the
// operator opens with a click (or View ▸ Recent messages).
class StatusNotice final : public ElidedLabel
{
    Q_OBJECT

public:
    static constexpr int kTimedMs = 30 * 1000;
    static constexpr int kProblemMs = 2 * 60 * 1000;
    // The history keeps this many, newest last.
    static constexpr std::size_t kHistorySize = 50;

    struct Said
    {
        QString when;   // on the live system's clock in its zone, labelled
        QString text;
        bool problem = false;
    };

    explicit StatusNotice(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    void say(const QString &text, bool problem, NoticeLife life = NoticeLife::Timed);
    void clearNotice();
    bool isProblem() const { return property("problem").toBool(); }
    NoticeLife life() const { return m_life; }
    // Milliseconds until a timed message goes; -1 when none is timed.
    int remainingMs() const { return m_expiry.isActive() ? m_expiry.remainingTime() : -1; }
    const std::deque<Said> &history() const { return m_history; }
    // Opens the history over the status bar, newest first (it closes on a click elsewhere).
    void showHistory();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    void onLinkChanged();
    void refreshToolTip();

    const sitroom::models::SituationStore &m_store;
    QTimer m_expiry;
    NoticeLife m_life = NoticeLife::Timed;
    std::deque<Said> m_history;
};

} // namespace sitroom::widgets
