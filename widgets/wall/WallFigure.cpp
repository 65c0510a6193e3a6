#include "widgets/wall/WallFigure.h"

#include "widgets/common/StaleNote.h"
#include "widgets/wall/WallType.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace sitroom::widgets {

WallFigure::WallFigure(const QString &caption, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_note(new StaleNote(this))
{
    setObjectName(QStringLiteral("wallFigure"));
    m_caption->setObjectName(QStringLiteral("wallFigureCaption"));
    m_value->setObjectName(QStringLiteral("wallFigureValue"));
    m_detail->setObjectName(QStringLiteral("wallFigureDetail"));
    m_caption->setFont(wallFont(WallType::Heading, font()));
    m_value->setFont(wallFont(WallType::Figure, font()));
    m_detail->setFont(wallFont(WallType::Note, font()));
    m_note->setFont(wallFont(WallType::Note, font()));
    m_caption->setWordWrap(true);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 12, 20, 12);
    layout->setSpacing(4);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addWidget(m_note);
    layout->addStretch(1);
}

void WallFigure::setFigure(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleName(m_caption->text() + QStringLiteral(": ") + value);
}

void WallFigure::setStaleNote(const QString &note, const QString &details)
{
    m_note->setNote(note, details);
}

QString WallFigure::captionText() const
{
    return m_caption->text();
}

QString WallFigure::valueText() const
{
    return m_value->text();
}

QString WallFigure::detailText() const
{
    return m_detail->text();
}

QString WallFigure::staleText() const
{
    return m_note->text();
}

void WallFigure::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 2));
    p.setBrush(QColor(0xec, 0xec, 0xec));
    p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
}

} // namespace sitroom::widgets
