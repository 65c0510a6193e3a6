#pragma once

#include "widgets/controls/ControlWords.h"

#include "sitroom/v1/alerts.pb.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QPainter;

namespace sitroom::widgets {

// How an alert's severity is drawn: never by colour alone. Critical is a red
// diamond with a bar, major an orange triangle with "!", minor an amber
// square, info a grey ring: four shapes that read in greyscale, each with a
// dark outline (3:1 against the grey background) and a word beside it.
struct SeverityLook
{
    QColor fill;
    QColor text;       // for the word: ≥ 4.5:1 on the panel background
    QString word;      // 긴급 / 주요 / 경미 / 정보 (translated)
    QString symbol;    // ◆ ▲ ■ ○ for places that cannot paint
};

class AlertWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::AlertWords)

public:
    static SeverityLook severityLook(int severity);
    // 미확인 / 확인 / 정상복귀 미확인 / 보류 / 해제
    static QString stateText(int state);
    // "provider/kakao" → the provider's name; "queue" → 대기열; "backend" → 예약 시스템.
    static QString sourceText(const QString &source, const ProviderNamer &name);
    // What happened, for the status line: "긴급 경보 발생: …"
    static QString transitionText(int transition);
};

void paintSeverityGlyph(QPainter &painter, const QRectF &box, int severity);

} // namespace sitroom::widgets
