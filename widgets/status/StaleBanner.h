#pragma once

#include <QLabel>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Across the top of the window while the data is stale or the link is down:
// large, dark red, with the age and what the console is doing about it.
// Hidden while everything is fresh, so its appearance is the alarm. A line
// also counts the figures the live system's source could not read fresh.
class StaleBanner final : public QLabel
{
    Q_OBJECT

public:
    explicit StaleBanner(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    // "지표 14개 멈춤: 프로메테우스 응답 없음", empty when none.
    QString figuresLine() const { return m_figuresLine; }

    // A setting that keeps the console from connecting at all (an address
    // that does not parse): said in place of what the link is doing, since
    // nothing is connecting. Empty: none.
    void setSettingsProblem(const QString &problem);
    QString settingsProblem() const { return m_settingsProblem; }

signals:
    // The banner appeared or went; band: the height it takes or gave back
    // (its own), so the window can hand it to the panels below and leave no
    // blank band where it was.
    void shownChanged(bool shown, int band);

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
    QString m_figuresLine;
    QString m_settingsProblem;
};

} // namespace sitroom::widgets
