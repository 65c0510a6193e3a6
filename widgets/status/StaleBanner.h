#pragma once

#include <QLabel>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Across the top of the window while the data is stale or the link is down:
// large, dark red, with the age and what the console is doing about it.
// Hidden while everything is fresh, so its appearance is the alarm.
class StaleBanner final : public QLabel
{
    Q_OBJECT

public:
    explicit StaleBanner(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
};

} // namespace sitroom::widgets
