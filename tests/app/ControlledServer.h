#pragma once

// What the sitroomctl tests talk to: the real sitroom-sim with a users file,
// a state folder and a password file per user, and sitroomctl's status as JSON.

#include "tests/support/SimulatorProcess.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sitroom::testing {

// A sitroom-sim with --users and --state-dir (the server side of
// docs/controls.md): op (operator), sup1 and sup2 (supervisors) in Seoul,
// which is in command; oop (operator) and osup (supervisor) in Osong; view
// (viewer, ministry); each with a password file; hashes made by sitroomctl
// itself.
struct ControlledServer
{
    TemporaryTlsDir tls;
    QTemporaryDir dir;
    SimulatorProcess sim;

    // extra: more of sitroom-sim's options (--allow-unseen-takeover, say).
    bool start(QString *error, const QStringList &extra = {});
    QString passwordFile(const QString &user) const;
    // sitroomctl's connection options as that user.
    QStringList as(const QString &user) const;
};

// sitroomctl --json status over the connection options; empty with the run
// described in error when it fails.
QJsonObject statusJson(const QStringList &connection, QString *error);

} // namespace sitroom::testing
