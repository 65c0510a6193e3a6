#include "app/common/CommandRoomFlags.h"

#include "app/common/DurationText.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/SiteKey.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace sitroom::appcommon {

CommandRoomFlags::CommandRoomFlags()
    : m_site(QStringLiteral("site"),
             QStringLiteral("The room this gateway serves: %1. Named to consoles, and recorded in the state store every few "
                            "seconds so the other room's gateway can tell it is running (default: none).")
                 .arg(siteKeyChoices()),
             QStringLiteral("SITE"))
    , m_commandSite(QStringLiteral("command-site"),
                    QStringLiteral("The room in command of a fresh control state: seoul or osong (default seoul). A stored "
                                   "control state keeps its own; a handover between the rooms changes it."),
                    QStringLiteral("SITE"))
    , m_takeoverAfter(QStringLiteral("takeover-after"),
                      QStringLiteral("How long every gateway of the room in command must have been unseen before a supervisor "
                                     "of the other room may take command without a handover (default 2m; 1s to 24h)."),
                      QStringLiteral("DURATION"))
    , m_allowUnseenTakeover(QStringLiteral("allow-unseen-takeover"),
                            QStringLiteral("Allow a takeover when no gateway of the room in command has ever been seen (a "
                                           "single gateway, where nothing can tell the other room's is down)."))
{
}

void CommandRoomFlags::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_site, m_commandSite, m_takeoverAfter, m_allowUnseenTakeover});
}

bool CommandRoomFlags::read(const QCommandLineParser &parser, CommandRoomSettings *settings, QString *error) const
{
    if (parser.isSet(m_site)) {
        const std::optional<sitroom::v1::Site> site = siteFromKey(parser.value(m_site).trimmed().toLower());
        if (!site) {
            *error = QStringLiteral("--site: \"%1\" must be %2").arg(parser.value(m_site), siteKeyChoices());
            return false;
        }
        settings->site = *site;
    }
    if (parser.isSet(m_commandSite)) {
        const std::optional<sitroom::v1::Site> site = siteFromKey(parser.value(m_commandSite).trimmed().toLower());
        if (!site || !mayHoldCommand(*site)) {
            *error = QStringLiteral("--command-site: \"%1\" must be seoul or osong (the ministry never commands)")
                         .arg(parser.value(m_commandSite));
            return false;
        }
        settings->commandSite = *site;
    }
    if (parser.isSet(m_takeoverAfter)) {
        static const QRegularExpression seconds(QStringLiteral("^(\\d+)s$"));
        const QString text = parser.value(m_takeoverAfter).trimmed();
        const QRegularExpressionMatch m = seconds.match(text);
        std::int64_t value = 0;
        if (m.hasMatch()) {
            value = m.captured(1).toLongLong();
        } else if (!parseDuration(text, &value, error)) {
            error->replace(QStringLiteral("--duration"), QStringLiteral("--takeover-after"));
            return false;
        }
        if (value < 1 || value > 24 * 3600) {
            *error = QStringLiteral("--takeover-after: %1 is outside 1 second to 24 hours").arg(text);
            return false;
        }
        settings->takeoverAfterS = value;
    }
    settings->allowUnseenTakeover = parser.isSet(m_allowUnseenTakeover);
    return true;
}

} // namespace sitroom::appcommon
