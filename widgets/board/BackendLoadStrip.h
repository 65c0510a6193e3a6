#pragma once

#include <QFrame>

class QLabel;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The booking backend's utilisation (requests against capacity) on the
// board, beside the providers: a figure with its own threshold. Grey while
// below 90 %; "▲ 높음" on amber from 90 %; "■ 과부하" on red from 100 % (it
// reached 204 % in cascade-drill). "–" before the first state and while the
// source cannot read it fresh.
class BackendLoadStrip final : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Unknown, Normal, High, Over };
    static constexpr double kHighFraction = 0.90;
    static constexpr double kOverFraction = 1.00;
    static Level levelOf(double utilization);

    explicit BackendLoadStrip(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    Level level() const { return m_level; }
    QString figureText() const;   // "204 %" or "–"
    QString wordText() const;     // "■ 과부하"
    QString detailText() const;   // "요청 4,896/s · 용량 2,400/s · p95 1.2 s"

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
    QLabel *m_caption;
    QLabel *m_figure;
    QLabel *m_word;
    QLabel *m_detail;
    Level m_level = Level::Unknown;
};

} // namespace sitroom::widgets
