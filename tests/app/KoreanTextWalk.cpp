#include "tests/app/KoreanTextWalk.h"

#include "widgets/chart/TimeSeriesChart.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTextDocument>
#include <QTextEdit>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractSeries>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

namespace sitroom::testing {

namespace {

// Latin-letter words the Korean UI may show. Everything else in Latin
// letters is English that leaked.
const QSet<QString> &allowedWords()
{
    static const QSet<QString> words{
        // Names: the verification providers as their brands write themselves,
        // the product and its command-line client.
        QStringLiteral("Naver"), QStringLiteral("Kakao"), QStringLiteral("PASS"), QStringLiteral("Sitroom"),
        QStringLiteral("sitroomctl"),
        // The test's user ids, and the gateway's own name for itself.
        QStringLiteral("kim"), QStringLiteral("lee"), QStringLiteral("park"), QStringLiteral("choi"),
        QStringLiteral("han"), QStringLiteral("system"),
        // Formats and protocols, by the names their files and settings carry.
        QStringLiteral("CSV"), QStringLiteral("csv"), QStringLiteral("PDF"), QStringLiteral("TLS"),
        // Units and zones.
        QStringLiteral("ms"), QStringLiteral("s"), QStringLiteral("KST"), QStringLiteral("UTC"),
        QStringLiteral("p95"), QStringLiteral("p99"),
        // The file a wrong CA is fixed with (--ca), named as the option is.
        QStringLiteral("CA"), QStringLiteral("ca"),
    };
    return words;
}

// A word made of letters, with inner ' - _ . # / : when they join letters or
// digits ("queue-wait#5", "provider.error_rate/kakao", "A12").
const QRegularExpression &latinWord()
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z][A-Za-z0-9]*(?:[-_.#/:'][A-Za-z0-9]+)*"));
    return re;
}

// An identifier: has a digit, an underscore, a dot, a # or a slash inside
// (alert ids, rule keys, runbook steps, figure names, addresses, request ids).
bool isIdentifier(const QString &word)
{
    static const QRegularExpression re(QStringLiteral("[0-9_.#/]"));
    return word.contains(re) || (word.contains(u'-') && word.toLower() == word);
}

} // namespace

QStringList offendingWords(QString text)
{
    // A menu's keyboard mnemonic, as Korean menus write it: "보기(&V)".
    // Qt drops the "&" in the tooltip it makes from an action's text: "(R)".
    static const QRegularExpression mnemonic(QStringLiteral("\\(&?[A-Z]\\)"));
    text.remove(mnemonic);
    QStringList out;
    auto it = latinWord().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString word = m.captured();
        if (word.endsWith(QLatin1String("'s")))
            word.chop(2);  // "kim's": the name it belongs to
        // A command-line option ("--server", "--ca") is an identifier.
        const bool option = m.capturedStart() >= 2 && QStringView(text).mid(m.capturedStart() - 2, 2) == u"--";
        if (option || allowedWords().contains(word) || isIdentifier(word))
            continue;
        out << word;
    }
    return out;
}

namespace {

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

QString whereIs(const QObject *o)
{
    QStringList path;
    for (const QObject *p = o; p; p = p->parent()) {
        path.prepend(p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className())
                                               : QString::fromLatin1(p->metaObject()->className()) + u'#' + p->objectName());
        if (path.size() > 4)
            break;
    }
    return path.join(QStringLiteral(" > "));
}

// A delegate's initStyleOption is protected: reached through a class that
// makes it public, it still calls the view's own delegate's override.
struct DelegateAccess : QStyledItemDelegate
{
    using QStyledItemDelegate::initStyleOption;
};

// What a view paints in a cell: its delegate's words for the cell's data
// (e.g. an alert's source "backend" as 예약 시스템), else the display text.
QString paintedText(const QAbstractItemView *view, const QModelIndex &index)
{
    auto *delegate = qobject_cast<QStyledItemDelegate *>(view ? view->itemDelegateForIndex(index) : nullptr);
    if (!delegate) {
        const QVariant display = index.data(Qt::DisplayRole);
        return display.userType() == QMetaType::QString ? display.toString() : QString();
    }
    QStyleOptionViewItem option;
    option.initFrom(view);
    (delegate->*(&DelegateAccess::initStyleOption))(&option, index);
    return option.text;
}

} // namespace

void TextWalk::add(const QString &text, const QString &where)
{
    const QString p = plain(text);
    const QStringList words = offendingWords(p);
    ++m_checked;
    if (!words.isEmpty())
        m_found << QStringLiteral("%1: \"%2\" (%3)").arg(where, p.left(300), words.join(QStringLiteral(", ")));
}

void TextWalk::model(const QAbstractItemView *view, const QAbstractItemModel *m, const QModelIndex &parent,
                     const QString &where, int depth)
{
    if (!m || depth > 3)
        return;
    if (!parent.isValid()) {
        for (int c = 0; c < m->columnCount(); ++c)
            add(m->headerData(c, Qt::Horizontal).toString(), where + QStringLiteral(" header"));
    }
    const int rows = std::min(m->rowCount(parent), 200);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < m->columnCount(parent); ++c) {
            const QModelIndex i = m->index(r, c, parent);
            add(paintedText(view, i), where + QStringLiteral(" [%1,%2]").arg(r).arg(c));
            add(i.data(Qt::ToolTipRole).toString(), where + QStringLiteral(" tooltip [%1,%2]").arg(r).arg(c));
        }
        model(view, m, m->index(r, 0, parent), where + QStringLiteral(" >%1").arg(r), depth + 1);
    }
}

void TextWalk::chart(QChart *chart, const QString &where)
{
    add(chart->title(), where + QStringLiteral(" title"));
    for (QAbstractAxis *axis : chart->axes()) {
        add(axis->titleText(), where + QStringLiteral(" axis title"));
        if (auto *categories = qobject_cast<QCategoryAxis *>(axis))
            add(categories->categoriesLabels().join(u' '), where + QStringLiteral(" axis labels"));
    }
    for (const QAbstractSeries *series : chart->series())
        add(series->name(), where + QStringLiteral(" series"));
}

void TextWalk::widgetTree(QWidget *root)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    add(root->windowTitle(), whereIs(root) + QStringLiteral(" title"));
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        const QString where = whereIs(w);
        add(w->toolTip(), where + QStringLiteral(" tooltip"));
        add(w->accessibleName(), where + QStringLiteral(" accessible name"));
        add(w->statusTip(), where + QStringLiteral(" status tip"));
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l->text(), where);
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text(), where);
        if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title(), where);
        if (auto *d = qobject_cast<QDockWidget *>(w))
            add(d->windowTitle(), where);
        if (auto *e = qobject_cast<QLineEdit *>(w)) {
            add(e->text(), where);
            add(e->placeholderText(), where + QStringLiteral(" placeholder"));
        }
        if (auto *e = qobject_cast<QPlainTextEdit *>(w)) {
            add(e->toPlainText(), where);
            add(e->placeholderText(), where + QStringLiteral(" placeholder"));
        }
        if (auto *e = qobject_cast<QTextEdit *>(w)) {
            add(e->toPlainText(), where);
            add(e->placeholderText(), where + QStringLiteral(" placeholder"));
        }
        if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                add(c->itemText(i), where + QStringLiteral(" item"));
        }
        if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                add(t->tabText(i), where + QStringLiteral(" tab"));
                add(t->tabToolTip(i), where + QStringLiteral(" tab tooltip"));
            }
        }
        // A header view paints its own sections (headerData), not the model's cells.
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && !qobject_cast<QHeaderView *>(w))
            model(v, v->model(), {}, where);
        if (auto *cv = qobject_cast<QChartView *>(w))
            chart(cv->chart(), where);
        if (auto *ts = qobject_cast<widgets::TimeSeriesChart *>(w)) {
            add(ts->timeAxisTitle(), where + QStringLiteral(" time axis title"));
            add(ts->timeAxisLabels().join(u' '), where + QStringLiteral(" time axis labels"));
        }
        if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : bar->actions()) {
                add(a->text(), where + QStringLiteral(" menu"));
                if (a->menu()) {
                    for (QAction *item : a->menu()->actions()) {
                        add(item->text(), where + QStringLiteral(" menu item"));
                        add(item->toolTip(), where + QStringLiteral(" menu item tooltip"));
                    }
                }
            }
        }
    }
}

} // namespace sitroom::testing
