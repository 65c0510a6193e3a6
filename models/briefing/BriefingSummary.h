#pragma once

#include "models/briefing/BriefingFacts.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace sitroom::models {

// The ministry briefing's plain-language summary, written from BriefingFacts
// with translated sentence templates (Korean first): what happened since the
// window opened (the first 30 minutes' bookings against the forecast, the
// first provider to turn congested and where its citizens went, the
// admission rate changes) and what stands now (the queue and its wait, the
// congested and suspended providers, the critical alerts).
class BriefingSummary final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::models::BriefingSummary)

public:
    using Namer = std::function<QString(const QString &id)>;

    BriefingSummary(Namer providerName, Namer alertTitle);

    // What happened, oldest first; one sentence each.
    QStringList story(const BriefingFacts &facts) const;
    // What stands now.
    QStringList now(const BriefingFacts &facts) const;

    // The building blocks, for tests and the figures under the summary.
    QString clock(const BriefingFacts &facts, qint64 ms) const;
    static QString count(double value);
    static QString percent(double fraction);
    static QString waitText(double seconds);
    QString names(const QStringList &ids) const;

private:
    QString openingSentence(const BriefingFacts &facts) const;
    QString congestionSentence(const BriefingFacts &facts) const;
    QStringList rateSentences(const BriefingFacts &facts) const;

    Namer m_providerName;
    Namer m_alertTitle;
};

} // namespace sitroom::models
