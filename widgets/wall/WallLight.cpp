#include "widgets/wall/WallLight.h"

#include "widgets/board/LightGlyph.h"
#include "widgets/common/StaleNote.h"
#include "widgets/wall/WallType.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace sitroom::widgets {

namespace {

// Paints the light's shape; nothing while the light is not known or not live.
class WallGlyph final : public QWidget
{
public:
    explicit WallGlyph(QWidget *parent)
        : QWidget(parent)
    {
        setFixedSize(WallLight::kGlyphSide, WallLight::kGlyphSide);
    }
    void setLight(int light, bool stale)
    {
        m_light = light;
        m_stale = stale;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_stale || m_light == sitroom::v1::LIGHT_UNSPECIFIED)
            return;
        QPainter p(this);
        paintLightGlyph(p, QRectF(rect()).adjusted(4, 4, -4, -4), sitroom::v1::Light(m_light));
    }

private:
    int m_light = 0;
    bool m_stale = false;
};

} // namespace

WallLight::WallLight(QWidget *parent)
    : QWidget(parent)
    , m_glyph(new WallGlyph(this))
    , m_name(new QLabel(this))
    , m_word(new QLabel(this))
    , m_note(new StaleNote(this))
{
    setObjectName(QStringLiteral("wallLight"));
    m_name->setObjectName(QStringLiteral("wallLightName"));
    m_word->setObjectName(QStringLiteral("wallLightWord"));
    m_name->setFont(wallFont(WallType::Heading, font()));
    m_word->setFont(wallFont(WallType::Word, font()));
    m_note->setFont(wallFont(WallType::Note, font()));
    for (QLabel *label : {m_name, m_word})
        label->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 16, 12, 16);
    layout->setSpacing(8);
    layout->addStretch(1);
    layout->addWidget(m_glyph, 0, Qt::AlignHCenter);
    layout->addWidget(m_name);
    layout->addWidget(m_word);
    layout->addWidget(m_note);
    layout->addStretch(1);
    m_name->setWordWrap(true);
}

void WallLight::setLight(const QString &name, int light, const QString &staleNote, const QString &staleDetails)
{
    m_light = light;
    m_stale = !staleNote.isEmpty();
    static_cast<WallGlyph *>(m_glyph)->setLight(light, m_stale);
    m_name->setText(name);
    const LightLook look = lightLook(sitroom::v1::Light(light));
    m_word->setText(m_stale ? QStringLiteral("–") : look.word);
    m_note->setNote(staleNote, staleDetails);
    setAccessibleName(name + QStringLiteral(": ") + m_word->text());
    update();
}

QString WallLight::nameText() const
{
    return m_name->text();
}

QString WallLight::wordText() const
{
    return m_word->text();
}

void WallLight::paintEvent(QPaintEvent *)
{
    // Grey when smooth; a strong border and a tint only when abnormal, as on
    // the desk's tiles (ISA-101: colour for what needs attention).
    QColor fill(0xec, 0xec, 0xec), border(0x9e, 0x9e, 0x9e);
    int width = 2;
    Qt::PenStyle style = Qt::SolidLine;
    if (!m_stale) {
        switch (m_light) {
        case sitroom::v1::LIGHT_YELLOW: fill = QColor(0xf3, 0xea, 0xd2); border = QColor(0xb0, 0x7a, 0x00); width = 6; break;
        case sitroom::v1::LIGHT_RED: fill = QColor(0xf3, 0xdc, 0xdc); border = QColor(0xb7, 0x1c, 0x1c); width = 8; break;
        case sitroom::v1::LIGHT_SUSPENDED: fill = QColor(0xd5, 0xd5, 0xd5); border = QColor(0x42, 0x42, 0x42); width = 6; style = Qt::DashLine; break;
        default: break;
        }
    }
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(border, width, style));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(width / 2.0, width / 2.0, -width / 2.0, -width / 2.0), 8, 8);
}

} // namespace sitroom::widgets
