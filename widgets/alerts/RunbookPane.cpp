#include "widgets/alerts/RunbookPane.h"

#include "widgets/board/LightGlyph.h"
#include "widgets/common/Formatting.h"
#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QVBoxLayout>

namespace sitroom::widgets {

using namespace sitroom::models;

namespace {

bool isNumbered(QTextListFormat::Style style)
{
    switch (style) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

// QTextDocument numbers every Markdown list from 1 (Qt 6.4 has no start
// number), so after a table or a heading step 8 would read "5.". Each
// top-level numbered item is taken out of its list and given its number as
// written, in front of its text with a hanging indent, so the step an
// operator reads is the step the link records. Nested lists stay lists.
void numberStepsAsWritten(QTextDocument *document, const QList<int> &numbers)
{
    QList<QTextBlock> items;
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        const QTextList *list = b.textList();
        if (list && list->format().indent() == 1 && isNumbered(list->format().style()))
            items.append(b);
    }
    if (items.size() != numbers.size())
        return;  // the source and the document disagree: leave the renderer's numbers alone
    const QFontMetricsF fm(document->defaultFont());
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QTextBlock &block = items[i];
        block.textList()->remove(block);
        const QString number = QStringLiteral("%1.\u00a0").arg(numbers[i]);
        cursor.setPosition(block.position());
        QTextBlockFormat format = block.blockFormat();
        format.setTextIndent(-fm.horizontalAdvance(number));
        format.setProperty(QTextFormat::UserProperty, numbers[i]);   // the step, for tests and tools
        cursor.setBlockFormat(format);
        cursor.insertText(number, block.charFormat());   // plain: not the bold or link the step may open with
    }
    cursor.endEditBlock();
}

} // namespace

RunbookPane::RunbookPane(const SituationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_title(new QLabel(this))
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("runbookPane"));
    m_title->setObjectName(QStringLiteral("panelCaption"));
    m_title->setWordWrap(true);
    m_browser->setObjectName(QStringLiteral("runbookBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_browser, 1);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &RunbookPane::activate);
    showAlert(nullptr);
}

void RunbookPane::setStepsEnabled(bool enabled, const QString &whyNot)
{
    m_stepsEnabled = enabled;
    m_whyNot = whyNot;
}

void RunbookPane::showAlert(const sitroom::v1::Alert *alert)
{
    const QString id = alert ? QString::fromStdString(alert->id()) : QString();
    const QString book = alert ? models::runbookId(QString::fromStdString(alert->runbook())) : QString();
    if (id == m_alertId && book == m_runbookId && !m_markdown.isEmpty())
        return;  // the same runbook: keep the reader's scroll position
    m_alertId = id;
    m_runbookId = book;
    m_provider.clear();
    m_markdown.clear();
    if (!alert) {
        m_title->setText(tr("Runbook"));
        m_browser->setMarkdown(tr("Select an alert to see its runbook."));
        return;
    }
    const QString path = runbookResource(book, sitroom::models::languageCode());
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_title->setText(tr("Runbook"));
        m_browser->setMarkdown(book.isEmpty() ? tr("This alert names no runbook.")
                                              : tr("The runbook “%1” is not in this console.").arg(book));
        return;
    }
    const QString text = QString::fromUtf8(file.readAll());
    QString provider = alertProvider(*alert, m_store.configuration());
    QString title = tr("Runbook: %1").arg(book);
    if (provider.isEmpty() && text.contains(QStringLiteral("{provider"))) {
        // An alert about no one provider opening a runbook about one: the one doing worst now.
        provider = worstProvider(m_store.state());
        if (!provider.isEmpty())
            title = tr("Runbook: %1 (for %2, the provider doing worst now)").arg(book, m_namer ? m_namer(provider) : provider);
    }
    m_provider = provider;
    m_markdown = fillRunbookPlaceholders(text, provider,
                                         m_namer && !provider.isEmpty() ? m_namer(provider) : provider);
    m_title->setText(title);
    m_browser->setMarkdown(m_markdown);
    numberStepsAsWritten(m_browser->document(), writtenStepNumbers(m_markdown));
}

QString RunbookPane::refusalText(const PreconditionFailure &failure, const ProviderNamer &name)
{
    const QString provider = name ? name(failure.provider) : failure.provider;
    const QString light = lightLook(failure.light).word;
    if (failure.provider.isEmpty())
        return tr("it checks a provider, and this alert names none");
    if (!failure.providerKnown)
        return tr("it needs %1, which the live system does not report").arg(provider);
    switch (failure.precondition.kind) {
    case PreconditionKind::ProviderRed:
        return tr("it requires %1 to be congested (red); it is now %2").arg(provider, light);
    case PreconditionKind::ProviderNotGreen:
        return tr("it requires %1 not to be smooth; it is now %2").arg(provider, light);
    case PreconditionKind::ProviderGreen:
        return tr("it requires %1 to be smooth (green); it is now %2").arg(provider, light);
    case PreconditionKind::ProviderEnabled:
        return tr("it requires %1 to be enabled; it is now disabled").arg(provider);
    case PreconditionKind::ProviderDisabled:
        return tr("it requires %1 to be disabled; it is now enabled").arg(provider);
    case PreconditionKind::QueueWaitAbove:
        return failure.value < 0
            ? tr("it requires the waiting room's wait above %1; admission is paused now").arg(formatDuration(failure.precondition.threshold))
            : tr("it requires the waiting room's wait above %1; it is now %2")
                  .arg(formatDuration(failure.precondition.threshold), formatDuration(failure.value));
    case PreconditionKind::BackendUtilizationAbove:
        return tr("it requires the booking backend above %1 of capacity; it is now %2")
            .arg(formatPercent(failure.precondition.threshold, 0), formatPercent(failure.value, 0));
    case PreconditionKind::AdmissionRunning:
        return tr("it requires admission to be running; it is paused now");
    case PreconditionKind::AdmissionPaused:
        return tr("it requires admission to be paused; it is running now");
    }
    return failure.precondition.text;
}

void RunbookPane::activate(const QUrl &url)
{
    if (url.scheme() != u"sitroom") {
        if (url.scheme() == u"https" || url.scheme() == u"http")
            QDesktopServices::openUrl(url);
        else if (url.hasFragment())
            m_browser->scrollToAnchor(url.fragment());
        return;
    }
    const RunbookParse parsed = parseRunbookLink(url);
    const QString stepName = parsed.step && parsed.step->step > 0 ? tr("Step %1").arg(parsed.step->step) : tr("This step");
    if (!parsed.step) {
        emit noticeChanged(tr("This runbook link is not a step the console knows (%1).").arg(parsed.error), true);
        return;
    }
    if (!m_stepsEnabled) {
        emit noticeChanged(tr("%1 not taken: %2").arg(stepName, m_whyNot.isEmpty() ? tr("this console cannot act") : m_whyNot), true);
        return;
    }
    if (m_store.isStale()) {
        emit noticeChanged(tr("%1 not taken: the data is stale, so its condition cannot be checked.").arg(stepName), true);
        return;
    }
    if (const auto failure = failedPrecondition(*parsed.step, m_store.state(), m_provider)) {
        emit noticeChanged(tr("%1 not taken: %2.").arg(stepName, refusalText(*failure, m_namer)), true);
        return;
    }
    emit stepRequested(m_alertId, *parsed.step, stepText(*parsed.step, m_runbookId, m_namer));
}

QString RunbookPane::stepText(const sitroom::models::RunbookStep &step, const QString &runbookId, const ProviderNamer &name)
{
    using sitroom::models::RunbookAction;
    const QString provider = name ? name(step.provider) : step.provider;
    QString what;
    switch (step.action) {
    case RunbookAction::DisableProvider:
        what = step.disableForS > 0 ? tr("disable %1 for %2", "runbook step").arg(provider, formatDuration(step.disableForS))
                                    : tr("disable %1", "runbook step").arg(provider);
        break;
    case RunbookAction::EnableProvider:
        what = tr("enable %1", "runbook step").arg(provider);
        break;
    case RunbookAction::Throttle:
        what = step.ratePerS >= 0 ? tr("throttle to %1", "runbook step").arg(formatRate(step.ratePerS))
                                  : tr("throttle to %1 of the current rate", "runbook step").arg(formatPercent(step.percent / 100.0, 0));
        break;
    case RunbookAction::PauseAdmission:
        what = tr("pause admission", "runbook step");
        break;
    case RunbookAction::ResumeAdmission:
        what = tr("resume admission", "runbook step");
        break;
    }
    // The runbook and step number stay as written: an identifier both rooms read alike.
    const QString where = step.step > 0 ? runbookId + u'#' + QString::number(step.step) : runbookId;
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

} // namespace sitroom::widgets
