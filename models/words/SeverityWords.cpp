#include "models/words/SeverityWords.h"

#include "models/control/PhraseWords.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/SeverityKey.h"

namespace sitroom::models {

QString severityWord(int severity)
{
    QString key = sitroom::v1::Severity_IsValid(severity) ? severityKey(sitroom::v1::Severity(severity)) : QString();
    if (key.isEmpty())
        key = severityKey(sitroom::v1::SEVERITY_INFO);
    const QByteArray code = "severity." + key.toLatin1();
    return PhraseWords().text(sitroom::phrase::make(code.constData()), key);
}

QString severityLabel(int severity)
{
    QString word = severityWord(severity);
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

} // namespace sitroom::models
