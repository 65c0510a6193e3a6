#pragma once

#include "tests/support/ChaosClient.h"
#include "tests/support/ChaosPlan.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <vector>

namespace sitroom::testing {

// The clients of a chaos run, in the thread this object is moved to, so that
// the run's own thread may block on a gateway's start without stalling them.
// Every client signs in first (allSignedIn, with the control state of the
// first one's Snapshot, serialised); the commands begin when begin() is
// called, and each answer is counted (progressed). While the run has kills
// to come, every client holds the last twentieth of its commands back until
// release(), so that a quick traffic cannot end before the gateways die.
class ChaosTraffic final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        std::vector<ChaosCommand> commands;
        int reconnects = 0;
        int hops = 0;
    };

    ChaosTraffic(ChaosPlan plan, std::vector<ChaosClient::Gateway> gateways, QString caPath);

    // In its thread: the clients, signing in.
    void start();
    void begin();
    void release();
    // In its thread, at the end: what every client sent and saw; the clients close.
    Outcome collect();

signals:
    void allSignedIn(const QByteArray &firstControl);
    void progressed(int answered);
    void finished();
    void failed(const QString &why);

private:
    ChaosPlan m_plan;
    std::vector<ChaosClient::Gateway> m_gateways;
    QString m_caPath;
    std::vector<ChaosClient *> m_clients;
    int m_signedIn = 0;
    int m_answered = 0;
    int m_finished = 0;
    bool m_failed = false;
};

} // namespace sitroom::testing
