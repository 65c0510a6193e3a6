#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QCommandLineOption>
#include <QString>

#include <cstdint>

class QCommandLineParser;

namespace sitroom::appcommon {

// What sitroom-gateway and sitroom-sim are told of the rooms
// (docs/controls.md, "The room in command").
struct CommandRoomSettings
{
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;   // --site: the room this gateway serves
    sitroom::v1::Site commandSite = sitroom::v1::SITE_SEOUL;  // --command-site: of a fresh control state
    std::int64_t takeoverAfterS = 120;                        // --takeover-after
    bool allowUnseenTakeover = false;                         // --allow-unseen-takeover
};

// Their options, written once for both programs.
class CommandRoomFlags final
{
public:
    CommandRoomFlags();

    void addTo(QCommandLineParser &parser) const;
    // False with a message that names the option.
    bool read(const QCommandLineParser &parser, CommandRoomSettings *settings, QString *error) const;

private:
    QCommandLineOption m_site;
    QCommandLineOption m_commandSite;
    QCommandLineOption m_takeoverAfter;
    QCommandLineOption m_allowUnseenTakeover;
};

} // namespace sitroom::appcommon
