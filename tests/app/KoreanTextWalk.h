#pragma once

// The check behind tst_koreanthroughout: Latin-letter words in what the
// Korean console shows that are not names, units or identifiers (English that
// leaked), looked for in every string a person can read on a widget tree.

#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QAbstractItemView;
class QChart;
class QModelIndex;
class QWidget;

namespace sitroom::testing {

// The words of text that are English: Latin-letter words other than the
// allowed names, units and zones, identifiers (with a digit, _ . # / inside),
// command-line options and menu mnemonics.
QStringList offendingWords(QString text);

// Every string a person can read on or over a widget tree: texts, tooltips,
// accessible names, placeholders, item views' cells as their delegates paint
// them and their headers, chart titles, axes and series, menus.
class TextWalk
{
public:
    void add(const QString &text, const QString &where);
    void model(const QAbstractItemView *view, const QAbstractItemModel *m, const QModelIndex &parent, const QString &where,
               int depth = 0);
    void chart(QChart *chart, const QString &where);
    void widgetTree(QWidget *root);

    // Each string that held English: where, the string and its English words.
    const QStringList &found() const { return m_found; }
    int checked() const { return m_checked; }

private:
    QStringList m_found;
    int m_checked = 0;
};

} // namespace sitroom::testing
