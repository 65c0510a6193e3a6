#pragma once

#include "sitroom/v1/control.pb.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace sitroom::testing {

// What a chaos run does (issue 13's proof): clients signed in as real users
// sending commands through two gateways on one PostgreSQL while gateways are
// killed (SIGKILL) and started again. Everything random follows the seed, so
// a failure is replayed with the same one (the timing of the processes
// aside).
struct ChaosPlan
{
    std::uint64_t seed = 1;
    // Commands sent in all, shared out among the users.
    int commands = 10000;
    // The users of the standard test users (TestUsers.h) the clients sign in
    // as: kim an operator and park and choi supervisors of Seoul, the room in
    // command, so their controls apply at once; han a viewer, every one of
    // whose commands must be refused.
    QStringList users{QStringLiteral("kim"), QStringLiteral("park"), QStringLiteral("choi"), QStringLiteral("han")};
    // Gateways killed (SIGKILL) at random moments, each started again after
    // a random pause between restartMinMs and restartMaxMs.
    int kills = 8;
    // Of the kills, the share aimed at the gateway holding a change in
    // delivery (decided and sent, the live system's answer not yet in): it
    // waits up to a few seconds for one to be pending, then kills its holder.
    // The others kill a gateway picked at random.
    double aimedShare = 0.5;
    int restartMinMs = 200;
    int restartMaxMs = 3000;
    // The share of commands sent on a revision older than one their client
    // has seen (a conflict on purpose); the others are sent on the newest it
    // knows, and conflict when another client was faster.
    double staleShare = 0.5;
    // The chance, after each answer, that an idle client moves to the other
    // gateway by itself (as a console whose operator chose it).
    double hopChance = 0.02;
    // An answer that does not come within this is a failure (a gateway that
    // neither answers nor dies); so is a client that cannot sign in again.
    int answerTimeoutMs = 90000;
    int reconnectTimeoutMs = 60000;
    // After the last answer: how long the deliveries may take to drain.
    int settleTimeoutMs = 60000;
    // All the commands' answers (0: two minutes and 100 ms a command).
    int trafficTimeoutMs = 0;
    // SQL run on the gateways' database after the traffic, before the checks:
    // a way to see that a check bites (sitroom-chaos --tamper-sql).
    QString tamperSql;
};

// One command as its client sent and saw it.
struct ChaosCommand
{
    sitroom::v1::Command command;
    QString user;
    bool viewer = false;
    // Sent on a revision older than the newest its client had seen then.
    bool staleOnPurpose = false;
    std::uint64_t newestSeen = 0;   // the newest revision the client had seen when it sent it
    int sends = 0;                  // 1, or more when resent after its gateway went
    bool answered = false;
    sitroom::v1::CommandResult result;   // the answer it saw (the last, if resent)
    QString answeredBy;                  // the gateway's server id
};

// What a run did, for the report (docs/chaos.md).
struct ChaosFigures
{
    std::uint64_t seed = 0;
    int clients = 0;
    int sent = 0;            // distinct commands
    int sends = 0;           // sends, resends included
    int resent = 0;          // commands sent again after their gateway went
    int resentApplied = 0;   // of those, answered applied
    int applied = 0;
    int conflicts = 0;
    int conflictsOnPurpose = 0;   // of those, sent on a revision known to be old
    int conflictsRaced = 0;       // of those, lost to another client
    int refused = 0;
    int viewerRefused = 0;
    int deliveryFailed = 0;
    int otherStatus = 0;
    int kills = 0;
    int killsInDelivery = 0;   // of those, of the gateway holding a delivery then
    int restarts = 0;
    int reconnects = 0;
    int hops = 0;
    int throughSeoul = 0;    // answers by each gateway
    int throughOsong = 0;
    std::uint64_t firstRevision = 0;
    std::uint64_t lastRevision = 0;
    std::uint64_t auditRows = 0;
    std::uint64_t restores = 0;
    std::uint64_t deliveriesRetried = 0;   // delivered on a second attempt or later (a gateway died under it)
    qint64 trafficMs = 0;
    qint64 wallMs = 0;
    QStringList checksPassed;
    // The first answer of each unusual kind (a delivery failed, another
    // status), word for word.
    QStringList notes;

    QJsonObject toJson() const;
    // A few lines for a person.
    QString summary() const;
};

} // namespace sitroom::testing
