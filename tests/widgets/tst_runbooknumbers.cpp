// Step numbers as written, displayed and recorded agree: every shipped
// runbook, loaded into the runbook pane, shows step N as "N." (Qt's Markdown
// renderer alone restarts each list at 1, so step 8 read "5.").
#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/RunbookPane.h"
#include "models/alerts/RunbookStep.h"

#include <QDir>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextList>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;

class tst_RunbookNumbers : public QObject
{
    Q_OBJECT

private slots:
    void writtenNumbers()
    {
        const QString md = QStringLiteral("# T\n\n1. one\n2. two\n\n| a |\n|---|\n| b |\n\n4. four\n   - sub\n"
                                          "   1. nested\n\n```\n7. code\n```\n12. twelve\n");
        QCOMPARE(models::writtenStepNumbers(md), (QList<int>{1, 2, 4, 12}));
    }

    void shownAsWritten_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(QStringLiteral(":/runbooks")).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 16);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void shownAsWritten()
    {
        QFETCH(QString, file);
        const QString id = file.section(u'.', 0, 0);
        const QString language = file.section(u'.', 1, 1);
        FakeClock clock;
        models::SituationStore store(nullptr, clock.clock());
        store.apply(liveBatch(v1::ROLE_OPERATOR, {}, clock.now));
        const ConsoleLanguage console(language);   // the runbook in the console's language
        widgets::RunbookPane pane(store);
        pane.resize(700, 900);
        const v1::Alert alert = makeAlert("r1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs,
                                          "provider/kakao", id.toStdString());
        pane.showAlert(&alert);
        QCOMPARE(pane.runbookId(), id);
        const QList<int> written = models::writtenStepNumbers(pane.markdown());
        QVERIFY2(!written.isEmpty(), "a runbook without steps");
        // What the reader sees: a list's own number, or the number in front of the text.
        static const QRegularExpression number(QStringLiteral("^(\\d+)\\.\\x{00a0}"));
        QList<int> shown;
        for (QTextBlock b = pane.browser()->document()->begin(); b.isValid(); b = b.next()) {
            if (QTextList *list = b.textList(); list && list->format().style() == QTextListFormat::ListDecimal
                && list->format().indent() == 1) {
                shown.append(list->itemText(b).chopped(1).toInt());
            } else if (const auto m = number.match(b.text()); m.hasMatch()) {
                shown.append(m.captured(1).toInt());
                QCOMPARE(b.blockFormat().property(QTextFormat::UserProperty).toInt(), m.captured(1).toInt());
            }
        }
        QCOMPARE(shown, written);
        // A picture of the later steps, when asked (SITROOM_SHOTS_DIR).
        if (const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR"); !dir.isEmpty() && file == u"provider-failing.ko.md") {
            pane.browser()->setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
            pane.show();
            pane.browser()->scrollToAnchor(QString());
            pane.browser()->verticalScrollBar()->setValue(pane.browser()->verticalScrollBar()->maximum() / 2);
            QVERIFY(pane.grab().save(dir + QStringLiteral("/runbook-steps.png")));
        }
        // And every step link records the number it is shown under.
        static const QRegularExpression link(QStringLiteral("^(\\d+)\\. .*sitroom:[a-z-]+\\?step=(\\d+)"));
        for (const QString &line : pane.markdown().split(u'\n')) {
            if (const auto m = link.match(line); m.hasMatch())
                QCOMPARE(m.captured(2), m.captured(1));
        }
    }
};

QTEST_MAIN(tst_RunbookNumbers)
#include "tst_runbooknumbers.moc"
