#pragma once

#include "tests/support/ChaosPlan.h"
#include "tests/support/ChaosTraffic.h"
#include "tests/support/TwoRooms.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QObject>
#include <QRandomGenerator64>
#include <QString>
#include <QTimer>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace sitroom::gateway {
class PostgresGatewayStore;
}

namespace sitroom::testing {

// The chaos run of issue 13, written once for tst_chaos and sitroom-chaos:
// two rooms' gateways on one PostgreSQL (TwoRooms, with --site seoul and
// osong), the clients of the plan sending their commands through both
// (ChaosTraffic, in a thread of its own), gateways killed (SIGKILL) at random
// points of the traffic and started again after a random pause, then the
// deliveries drained and everything checked (ChaosCheck). The seed decides
// the commands, the kill points, the rooms killed and the pauses.
class ChaosRun final : public QObject
{
    Q_OBJECT

public:
    explicit ChaosRun(ChaosPlan plan, QObject *parent = nullptr);
    ~ChaosRun() override;

    // False with the first counter-example, or with what kept the run from
    // its end, in *why (the seed and the gateways' last words are in report()).
    bool run(QString *why);
    const ChaosFigures &figures() const { return m_figures; }
    // The seed, how to run it again, and the last lines each gateway wrote.
    QString report(int lines = 30);

    // Where the gateways' figures are: for a harness's own look.
    TwoRooms *rooms() { return m_rooms.get(); }

private:
    bool traffic(sitroom::v1::ControlState *first, std::uint64_t *startAfter, ChaosTraffic::Outcome *outcome, QString *why);
    bool settle(QString *why);
    void progressed(int answered);
    void killOne();
    void aim();
    void kill(TwoRooms::Room room, bool inDelivery);
    void restart(TwoRooms::Room room);
    void releaseWhenKillsAreDone();
    void stopWith(const QString &why);
    void watchGateways();
    void count(const std::vector<ChaosCommand> &commands);

    ChaosPlan m_plan;
    ChaosFigures m_figures;
    QRandomGenerator64 m_random;
    std::unique_ptr<TwoRooms> m_rooms;
    std::unique_ptr<gateway::PostgresGatewayStore> m_store;
    std::vector<int> m_killPoints;   // answers after which a gateway dies, in order
    int m_answered = 0;
    ChaosTraffic *m_traffic = nullptr;   // while it runs, in its own thread
    std::optional<TwoRooms::Room> m_down;
    QTimer m_restartTimer;
    QTimer m_aimTimer;            // looks for a delivery in flight
    QDeadlineTimer m_aimDeadline;
    bool m_aiming = false;
    // While the traffic runs and settles, a gateway that ends but by kill()
    // has failed (a crash, a sanitizer's report): the run stops with its words.
    bool m_watching = false;
    std::array<bool, 2> m_killed{false, false};
    QEventLoop *m_loop = nullptr;   // the traffic's, while it runs
    QString m_failure;
    bool m_stopping = false;
};

} // namespace sitroom::testing
