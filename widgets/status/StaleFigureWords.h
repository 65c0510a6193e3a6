#pragma once

#include "models/situation/StaleFigures.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace sitroom::widgets {

// Stale figures in plain words: why, how many, which.
class StaleFigureWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::StaleFigureWords)

public:
    static QString reasonText(sitroom::models::StaleFigureReason reason);
    // "프로메테우스 응답 없음", or the reasons by count when they differ:
    // "조회 실패 3, 데이터 없음 2".
    static QString reasonsText(const std::vector<sitroom::models::StaleFigure> &figures);
    // For the banner: "지표 14개 멈춤: 프로메테우스 응답 없음"; empty when none.
    static QString bannerLine(const std::vector<sitroom::models::StaleFigure> &figures);
    // For a tile or panel: "멈춤: 프로메테우스 응답 없음"; empty when none.
    static QString noteText(const std::vector<sitroom::models::StaleFigure> &figures);
    // One line per figure, its reason, since when and the source's words.
    static QString details(const std::vector<sitroom::models::StaleFigure> &figures);
    // The value shown instead of a stale figure's.
    static QString placeholder() { return QStringLiteral("–"); }
};

} // namespace sitroom::widgets
