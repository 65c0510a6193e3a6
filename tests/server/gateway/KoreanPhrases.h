#pragma once

// The gateway's Phrases as a Korean console words them: the console's own
// catalogue (sitroom_ko.qm as its build makes it, SITROOM_QM_DIR) installed
// for the test, each template translated under the context "Phrase" as
// models/control/PhraseWords does. For the gateway tests that prove a
// refusal reads as one Korean sentence, without the console's widgets.
#include "proto/sitroom/PhraseBook.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QTranslator>

namespace sitroom::gateway::testing {

class KoreanPhrases final
{
public:
    KoreanPhrases()
    {
        const QString qm = QStringLiteral(SITROOM_QM_DIR "/sitroom_ko.qm");
        m_installed = m_translator.load(qm) && QCoreApplication::installTranslator(&m_translator);
    }
    ~KoreanPhrases()
    {
        if (m_installed)
            QCoreApplication::removeTranslator(&m_translator);
    }
    KoreanPhrases(const KoreanPhrases &) = delete;
    KoreanPhrases &operator=(const KoreanPhrases &) = delete;

    bool isValid() const { return m_installed; }

    // The phrase in Korean; empty when a code in it is unknown (the console
    // would then show the English text field).
    static QString words(const sitroom::v1::Phrase &phrase)
    {
        sitroom::phrase::Voice voice;
        voice.translate = [](const char *english) { return QCoreApplication::translate("Phrase", english); };
        voice.korean = true;
        return sitroom::phrase::render(phrase, voice);
    }

    // Every run of Latin letters in the text: English left in a Korean
    // sentence (a sentence of no names, ids or units has none at all).
    static QStringList latinWords(const QString &text)
    {
        static const QRegularExpression latin(QStringLiteral("[A-Za-z]+"));
        QStringList out;
        for (auto it = latin.globalMatch(text); it.hasNext();)
            out << it.next().captured();
        return out;
    }

    // The same, leaving out what is quoted (“…”): the live system's own
    // words, shown as it said them, in whatever language it used.
    static QStringList latinWordsOutsideQuotes(const QString &text)
    {
        static const QRegularExpression quoted(QStringLiteral("\u201c[^\u201d]*\u201d"));
        QString outside = text;
        outside.remove(quoted);
        return latinWords(outside);
    }

private:
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace sitroom::gateway::testing
