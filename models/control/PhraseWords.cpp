#include "models/control/PhraseWords.h"

#include "models/words/DisplayLanguage.h"
#include "models/words/SeverityWords.h"
#include "models/words/SiteNames.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/SeverityKey.h"
#include "proto/sitroom/SiteKey.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <optional>
#include <utility>

namespace sitroom::models {

PhraseWords::PhraseWords(sitroom::domain::LiveClock clock, ProviderNamer names)
    : m_clock(std::move(clock))
    , m_names(std::move(names))
{
}

QString PhraseWords::text(const sitroom::v1::Phrase &phrase, const std::string &fallback) const
{
    return text(phrase, QString::fromStdString(fallback));
}

QString PhraseWords::text(const sitroom::v1::Phrase &phrase, const QString &fallback) const
{
    if (phrase.code().empty())
        return fallback;
    sitroom::phrase::Voice voice;
    voice.translate = [](const char *english) { return QCoreApplication::translate("Phrase", english); };
    voice.arg = [this](const QString &name, const QString &value) { return arg(name, value); };
    voice.korean = displayLanguage() == DisplayLanguage::Korean;
    const QString said = sitroom::phrase::render(phrase, voice);
    return said.isEmpty() ? fallback : said;
}

QString PhraseWords::reason(const sitroom::v1::Actor &actor) const
{
    return actor.has_reason_words() ? text(actor.reason_words(), actor.reason()) : QString::fromStdString(actor.reason());
}

QString PhraseWords::stateText(const QString &json) const
{
    if (json.isEmpty())
        return tr("nothing", "audit before/after");
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return json;
    const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    const auto roomWord = [](const QString &key) {
        const std::optional<sitroom::v1::Site> site = siteFromKey(key);
        return site ? SiteNames::name(*site) : key;
    };
    // The gateway's English words for an alert's state and severity (its
    // severity keys), as its phrases say them.
    const auto alertWord = [this](const QString &english) {
        if (const std::optional<sitroom::v1::Severity> severity = severityFromKey(english))
            return severityWord(*severity);
        static const char *const codes[][2] = {
            {"active, unacknowledged", "state.active_unacked"}, {"active, acknowledged", "state.active_acked"},
            {"returned to normal, unacknowledged", "state.rtn_unacked"}, {"shelved", "state.shelved"},
            {"cleared", "state.cleared"}, {"none", "state.none"}};
        for (const auto &c : codes) {
            if (english == QLatin1String(c[0]))
                return text(sitroom::phrase::make(c[1]), english);
        }
        return english;
    };
    QStringList lines;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("admission_rate_per_s"))
            lines << tr("admission rate: %1 a second").arg(QLocale().toString(v.toDouble(), 'g', 10));
        else if (key == QLatin1String("admission_paused"))
            lines << tr("admission paused: %1").arg(yesNo(v.toBool()));
        else if (key == QLatin1String("pending"))
            lines << tr("requests waiting for approval: %1").arg(v.toInt());
        else if (key == QLatin1String("revision"))
            lines << tr("control revision: %1").arg(v.toVariant().toULongLong());
        else if (key == QLatin1String("state"))
            lines << tr("alert state: %1").arg(alertWord(v.toString()));
        else if (key == QLatin1String("severity"))
            lines << tr("severity: %1").arg(alertWord(v.toString()));
        else if (key == QLatin1String("command_site"))
            lines << tr("room in command: %1").arg(roomWord(v.toString()));
        else if (key == QLatin1String("handover_to"))
            lines << (v.toString().isEmpty() ? tr("handover waiting: none")
                                             : tr("handover waiting: to %1").arg(roomWord(v.toString())));
        else if (key.startsWith(QLatin1String("provider.")) && v.isObject()) {
            const QString id = key.mid(9);
            const QString name = m_names ? m_names(id) : id;
            const QJsonObject p = v.toObject();
            QString line = p.value(QStringLiteral("enabled")).toBool() ? tr("%1: in use").arg(name) : tr("%1: suspended").arg(name);
            if (p.contains(QStringLiteral("disabled_until_ms")))
                line += u' ' + tr("until %1").arg(m_clock.labelled(qint64(p.value(QStringLiteral("disabled_until_ms")).toDouble())));
            lines << line;
        } else {
            lines << key + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(QJsonObject{{key, v}}).toJson(QJsonDocument::Compact));
        }
    }
    return lines.join(QStringLiteral(", "));
}

QString PhraseWords::unitText(const QString &unit)
{
    if (unit == QLatin1String("ratio"))
        return tr("ratio", "alert unit");
    if (unit == QLatin1String("people"))
        return tr("people", "alert unit");
    if (unit == QLatin1String("x"))
        return tr("times", "alert unit");
    if (unit == QLatin1String("s"))
        return tr("s", "alert unit");
    return unit;
}

QString PhraseWords::arg(const QString &name, const QString &value) const
{
    if (name.endsWith(QLatin1String("_ms"))) {
        // "…_wall_ms" is the gateway's wall clock, said so; any other "…_ms"
        // the live system's (docs/protocol.md, "Clocks").
        bool ok = false;
        const qint64 ms = value.toLongLong(&ok);
        if (!ok)
            return value;
        const auto source = name.endsWith(QLatin1String("_wall_ms")) ? sitroom::domain::LiveClock::Source::GatewayWall
                                                                     : sitroom::domain::LiveClock::Source::LiveSystem;
        return m_clock.labelled(sitroom::domain::LiveClock::Stamp{ms, source});
    }
    if (name == QLatin1String("unit"))
        return unitText(value);
    if (name == QLatin1String("provider") && m_names)
        return m_names(value);
    // A room is a site key ("seoul"): its name in the console's language.
    if (name.endsWith(QLatin1String("room"))) {
        if (const std::optional<sitroom::v1::Site> site = siteFromKey(value))
            return SiteNames::name(*site);
    }
    return value;
}

} // namespace sitroom::models
