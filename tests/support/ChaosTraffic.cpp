#include "tests/support/ChaosTraffic.h"

#include <algorithm>
#include <utility>

namespace sitroom::testing {

namespace {

// Each client's own stream of choices, from the run's seed (SplitMix64).
std::uint64_t clientSeed(std::uint64_t seed, std::size_t client)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (client + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

ChaosTraffic::ChaosTraffic(ChaosPlan plan, std::vector<ChaosClient::Gateway> gateways, QString caPath)
    : m_plan(std::move(plan))
    , m_gateways(std::move(gateways))
    , m_caPath(std::move(caPath))
{
}

void ChaosTraffic::start()
{
    const int users = int(m_plan.users.size());
    for (int i = 0; i < users; ++i) {
        ChaosClient::Settings s;
        s.user = m_plan.users.at(i);
        s.gateways = m_gateways;
        s.firstGateway = i % int(m_gateways.size());
        s.caPath = m_caPath;
        s.quota = m_plan.commands / users + (i < m_plan.commands % users ? 1 : 0);
        // Kill points lie within the first 90 % of the answers (ChaosRun).
        s.heldBack = m_plan.kills > 0 ? std::max(1, s.quota / 20) : 0;
        // The run's seed in every command_id (a run on a kept database stays
        // apart); each client's choices its own.
        s.seed = m_plan.seed;
        s.choiceSeed = clientSeed(m_plan.seed, std::size_t(i));
        s.staleShare = m_plan.staleShare;
        s.hopChance = m_plan.hopChance;
        s.answerTimeoutMs = m_plan.answerTimeoutMs;
        s.reconnectTimeoutMs = m_plan.reconnectTimeoutMs;
        auto *client = new ChaosClient(std::move(s), this);
        m_clients.push_back(client);
        connect(client, &ChaosClient::signedIn, this, [this] {
            if (++m_signedIn == int(m_clients.size()))
                emit allSignedIn(QByteArray::fromStdString(m_clients.front()->firstControl().SerializeAsString()));
        });
        connect(client, &ChaosClient::answered, this, [this] { emit progressed(++m_answered); });
        connect(client, &ChaosClient::finished, this, [this] {
            if (++m_finished == int(m_clients.size()))
                emit finished();
        });
        connect(client, &ChaosClient::failed, this, [this](const QString &why) {
            if (std::exchange(m_failed, true))
                return;
            emit failed(why);
        });
    }
    for (ChaosClient *client : m_clients)
        client->start();
}

void ChaosTraffic::begin()
{
    for (ChaosClient *client : m_clients)
        client->beginCommands();
}

void ChaosTraffic::release()
{
    for (ChaosClient *client : m_clients)
        client->release();
}

ChaosTraffic::Outcome ChaosTraffic::collect()
{
    Outcome outcome;
    for (ChaosClient *client : m_clients) {
        outcome.commands.insert(outcome.commands.end(), client->commands().begin(), client->commands().end());
        outcome.reconnects += client->reconnects();
        outcome.hops += client->hops();
        delete client;
    }
    m_clients.clear();
    return outcome;
}

} // namespace sitroom::testing
