#pragma once

#include "proto/transport/Defaults.h"
#include "sitroom/v1/envelope.pb.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sitroom::ctl {

// Where and as whom to connect; the options that go before the command.
struct GlobalOptions
{
    // The first gateway of --server, then the others in order of preference.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = transport::kDefaultPort;
    QList<transport::HostPort> otherServers;
    QString caFile;
    QString user;
    QString password;
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;
    bool json = false;
    int timeoutMs = 10000;

    QList<transport::HostPort> servers() const
    {
        QList<transport::HostPort> all{transport::HostPort{host, port}};
        all += otherServers;
        return all;
    }
};

// One parsed command line: the global options, the command and its own
// options (only those the command takes are filled in).
struct Invocation
{
    GlobalOptions global;
    QString command;

    QString reason;                         // empty when not given
    std::optional<std::uint64_t> revision;  // --revision N overrides the snapshot's
    double rate = 0;                        // throttle
    QString provider;                       // disable, enable
    std::uint32_t disableForS = 0;          // disable --for
    QString requestId;                      // approve, handover accept|decline|withdraw
    QString handoverStep;                   // handover: request, accept, decline or withdraw
    bool verify = false;                    // audit
    bool csv = false;
    std::uint64_t afterId = 0;
    std::uint32_t limit = 0;                // 0 = every entry
    int iterations = 0;                     // hash-password
    QString alertId;                        // ack, shelve, unshelve
    QString comment;                        // ack --comment
    QString runbookStep;                    // ack --runbook-step
    std::uint32_t shelveForS = 0;           // shelve --for
    int waitEffectS = 0;                    // --wait-effect [SECONDS]; 0 = do not wait
};

// --wait-effect without SECONDS.
constexpr int kDefaultWaitEffectS = 60;

struct ParsedCommandLine
{
    Invocation invocation;
    QString error;     // set → print "sitroomctl: <error>", exit 2
    QString helpText;  // set → print it, exit 0
};

ParsedCommandLine parseCommandLine(const QStringList &arguments);

// "10m", "1h30m", "45s", "2h" or bare seconds → seconds; false with a message.
bool parseDuration(const QString &text, std::uint32_t *seconds, QString *error);

// Commands that talk to a server (all but hash-password).
bool needsServer(const QString &command);

} // namespace sitroom::ctl
