#include "widgets/board/ProviderTile.h"

#include "widgets/board/LightGlyph.h"
#include "widgets/board/LightIndicator.h"
#include "widgets/chart/Sparkline.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/StaleNote.h"
#include "widgets/status/StaleFigureWords.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace sitroom::widgets {

namespace {

QLabel *metricCaption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("metricCaption"));
    return label;
}

QLabel *metricValue(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("metricValue"));
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return label;
}

} // namespace

ProviderTile::ProviderTile(QWidget *parent)
    : QFrame(parent)
    , m_indicator(new LightIndicator(this))
    , m_name(new QLabel(this))
    , m_word(new QLabel(this))
    , m_since(new QLabel(this))
    , m_p95(metricValue(this))
    , m_success(metricValue(this))
    , m_requests(metricValue(this))
    , m_share(metricValue(this))
    , m_control(new QLabel(this))
    , m_sparkline(new Sparkline(this))
    , m_staleNote(new StaleNote(this))
{
    setObjectName(QStringLiteral("providerTile"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_StyledBackground);
    m_name->setObjectName(QStringLiteral("tileName"));
    m_word->setObjectName(QStringLiteral("tileWord"));
    m_since->setObjectName(QStringLiteral("tileSince"));
    m_control->setObjectName(QStringLiteral("tileControl"));
    m_control->setWordWrap(true);
    m_control->hide();

    auto *heading = new QHBoxLayout;
    heading->addWidget(m_indicator);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_name);
    names->addWidget(m_since);
    heading->addLayout(names, 1);
    heading->addWidget(m_word, 0, Qt::AlignRight | Qt::AlignVCenter);

    auto *metrics = new QGridLayout;
    metrics->setHorizontalSpacing(8);
    metrics->setVerticalSpacing(2);
    metrics->addWidget(metricCaption(tr("p95 latency"), this), 0, 0);
    metrics->addWidget(m_p95, 0, 1);
    metrics->addWidget(metricCaption(tr("Success"), this), 0, 2);
    metrics->addWidget(m_success, 0, 3);
    metrics->addWidget(metricCaption(tr("Requests"), this), 1, 0);
    metrics->addWidget(m_requests, 1, 1);
    metrics->addWidget(metricCaption(tr("Share"), this), 1, 2);
    metrics->addWidget(m_share, 1, 3);
    metrics->setColumnStretch(1, 1);
    metrics->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    layout->addLayout(heading);
    layout->addWidget(m_control);
    layout->addLayout(metrics);
    layout->addWidget(m_staleNote);
    layout->addWidget(m_sparkline, 1);
    setMinimumWidth(220);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_sparkline->setMinimumHeight(40);
}

QString ProviderTile::lightWord() const
{
    return m_data.lightStale ? StaleFigureWords::placeholder() : lightLook(m_data.light).word;
}

QStringList ProviderTile::figureTexts() const
{
    return {m_p95->text(), m_success->text(), m_requests->text(), m_share->text()};
}

QString ProviderTile::controlText() const
{
    return m_control->isVisibleTo(this) ? m_control->text() : QString();
}

void ProviderTile::setData(const ProviderTileData &data)
{
    // A light that is not live is shown as unknown: its colour would pass for today's.
    const sitroom::v1::Light shownLight = data.lightStale ? sitroom::v1::LIGHT_UNSPECIFIED : data.light;
    const bool lightChanged = shownLight != (m_data.lightStale ? sitroom::v1::LIGHT_UNSPECIFIED : m_data.light);
    m_data = data;
    const LightLook look = lightLook(shownLight);
    const QString dash = StaleFigureWords::placeholder();
    m_indicator->setLight(shownLight);
    m_name->setText(data.name);
    m_word->setText(data.lightStale ? dash : look.word);
    if (!data.lightStale && data.lightSinceMs > 0 && data.nowMs >= data.lightSinceMs)
        m_since->setText(tr("%1 for %2").arg(look.word, formatDuration(double(data.nowMs - data.lightSinceMs) / 1000.0)));
    else
        m_since->clear();
    const bool suspended = shownLight == sitroom::v1::LIGHT_SUSPENDED;
    const bool none = !data.hasData;
    m_p95->setText(none || suspended || data.p95Stale ? dash : formatMs(data.p95Ms));
    m_success->setText(none || suspended || data.successStale ? dash : formatPercent(data.successRate));
    m_requests->setText(none || data.requestsStale ? dash : formatRate(data.requestsPerS));
    m_share->setText(none || data.requestsStale ? dash : formatPercent(data.share, 0));
    const QStringList control = SwitchWords::lines(data.control);
    m_control->setText(control.join(u'\n'));
    m_control->setVisible(!control.isEmpty());
    m_staleNote->setNote(data.staleNote, data.staleDetails);
    if (lightChanged) {
        // The style sheet frames abnormal tiles in the light's colour.
        const char *state = shownLight == sitroom::v1::LIGHT_RED ? "red"
            : shownLight == sitroom::v1::LIGHT_YELLOW           ? "yellow"
            : shownLight == sitroom::v1::LIGHT_SUSPENDED        ? "suspended"
                                                                : "normal";
        setProperty("lightState", QLatin1String(state));
        style()->unpolish(this);
        style()->polish(this);
        m_word->setProperty("lightState", QLatin1String(state));
        style()->unpolish(m_word);
        style()->polish(m_word);
    }
}

} // namespace sitroom::widgets
