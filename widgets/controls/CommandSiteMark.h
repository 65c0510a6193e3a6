#pragma once

#include <QLabel>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's mark of the room in command, "지휘: 서울" (with "· 인계
// 대기" while a handover waits), its tooltip the whole story; hidden while
// the gateway says nothing of it.
class CommandSiteMark final : public QLabel
{
    Q_OBJECT

public:
    explicit CommandSiteMark(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
};

} // namespace sitroom::widgets
