#include "bench/TimedClient.h"

#include "bench/BenchSupport.h"

#include <QUuid>

#include <algorithm>
#include <chrono>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace sitroom::bench {

TimedClient::TimedClient()
{
    connect(&m_client, &testing::TestTlsClient::envelopeReceived, this, &TimedClient::onEnvelope);
}

qint64 TimedClient::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool TimedClient::signIn(quint16 port, const QString &caPath, const QString &user, QString *error)
{
    if (!m_client.connectToServer(port, caPath, 10000, error))
        return false;
    m_client.send(testing::TestTlsClient::helloAs(user, QStringLiteral("sitroom-bench-tworooms")));
    if (!waitUntil([this] { return m_snapshot || !m_client.isConnected(); }, 15000) || !m_snapshot) {
        *error = QStringLiteral("%1 got no Snapshot from port %2").arg(user).arg(port);
        return false;
    }
    return true;
}

bool TimedClient::waitFresh(int timeoutMs)
{
    m_fresh = false;
    return waitUntil([this] { return m_fresh; }, timeoutMs);
}

std::string TimedClient::sendThrottle(double rate, std::uint64_t expectedRevision, const QString &reason)
{
    m_client.clearReceived();  // the times are noted as envelopes arrive; nothing reads the list
    const std::string id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    v1::Envelope envelope;
    auto *c = envelope.mutable_command();
    c->set_command_id(id);
    c->set_expected_revision(expectedRevision);
    c->set_reason(reason.toStdString());
    c->mutable_set_admission_rate()->set_rate_per_s(rate);
    armQuickAck();
    m_client.send(envelope);
    return id;
}

void TimedClient::setQuickAck(bool on)
{
    m_quickAck = on ? 1 : 0;
    armQuickAck();
}

void TimedClient::armQuickAck()
{
    if (m_quickAck < 0)
        return;
    ::setsockopt(int(m_client.socket()->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &m_quickAck, sizeof m_quickAck);
}

std::optional<TimedClient::Answer> TimedClient::waitAnswer(const std::string &commandId, int timeoutMs)
{
    if (!waitUntil([&] { return m_answers.count(commandId) > 0; }, timeoutMs))
        return std::nullopt;
    Answer answer = m_answers.at(commandId);
    m_answers.erase(commandId);
    return answer;
}

std::optional<qint64> TimedClient::waitRevisionEvent(std::uint64_t revision, int timeoutMs)
{
    const auto seen = [&] { return m_eventAtNs.lower_bound(revision) != m_eventAtNs.end(); };
    if (!waitUntil(seen, timeoutMs))
        return std::nullopt;
    return m_eventAtNs.lower_bound(revision)->second;
}

void TimedClient::onEnvelope(const v1::Envelope &envelope)
{
    const qint64 at = nowNs();
    armQuickAck();
    switch (envelope.body_case()) {
    case v1::Envelope::kSnapshot:
        m_snapshot = true;
        m_revision = std::max<std::uint64_t>(m_revision, envelope.snapshot().control().revision());
        break;
    case v1::Envelope::kControlEvent: {
        const std::uint64_t revision = envelope.control_event().control().revision();
        m_eventAtNs.emplace(revision, at);
        m_revision = std::max(m_revision, revision);
        break;
    }
    case v1::Envelope::kCommandResult:
        m_answers.emplace(envelope.command_result().command_id(), Answer{envelope.command_result(), at});
        m_revision = std::max<std::uint64_t>(m_revision, envelope.command_result().control().revision());
        break;
    case v1::Envelope::kTick:
        m_fresh = envelope.tick().state().stale_size() == 0;
        break;
    default:
        break;
    }
}

} // namespace sitroom::bench
