// CtlSession, by responsibility: here, which gateway it uses when it is given
// several, and what it does when the link dies under a question: probing the
// others' service level, moving to a healthier one, signing in to another
// and asking again. One connection's life and what the server says are in
// CtlSession.cpp.
#include "app/ctl/CtlSession.h"

#include <QSslSocket>
#include <QStringList>
#include <QTimer>

#include <algorithm>

namespace sitroom::ctl {

using sitroom::v1::Envelope;

namespace {

// How long a probe of another gateway's service level may take.
constexpr int kProbeTimeoutMs = 3000;

quint32 levelOf(const sitroom::v1::Welcome &welcome)
{
    // A gateway that does not say is taken as healthy.
    return welcome.has_service_level() ? welcome.service_level() : 255u;
}

} // namespace

std::optional<quint32> CtlSession::probe(int index)
{
    const transport::HostPort &server = m_servers.at(index);
    QSslSocket socket;
    socket.setSslConfiguration(tls());
    framing::FrameDecoder decoder;
    std::optional<quint32> level;
    bool over = false;
    QEventLoop loop;
    connect(&socket, &QSslSocket::encrypted, &loop, [&socket] {
        Envelope envelope;
        envelope.set_seq(1);
        envelope.mutable_hello()->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
        envelope.mutable_hello()->set_client_name("sitroomctl");
        envelope.mutable_hello()->set_probe(true);
        socket.write(framing::encodeFrame(envelope));
    });
    connect(&socket, &QSslSocket::readyRead, &loop, [&] {
        over = !decoder.feed(socket.readAll(), [&](Envelope &e) {
            if (e.has_welcome() && !level)
                level = levelOf(e.welcome());
            if (e.has_refusal())
                over = true;
        }) || over;
        if (level || over)
            loop.quit();
    });
    const auto end = [&] {
        over = true;
        loop.quit();
    };
    connect(&socket, &QSslSocket::errorOccurred, &loop, end);
    connect(&socket, &QSslSocket::sslErrors, &loop, end);
    connect(&socket, &QSslSocket::disconnected, &loop, end);
    QTimer::singleShot(std::min(kProbeTimeoutMs, m_options.timeoutMs), &loop, end);
    socket.connectToHostEncrypted(server.host, server.port, server.host);
    if (!level && !over)
        loop.exec();
    socket.abort();
    return level;
}

void CtlSession::preferHealthier()
{
    const quint32 own = levelOf(m_welcome);
    if (!canFailOver() || own >= transport::kHealthyServiceLevel)
        return;
    std::optional<int> target;
    quint32 best = own;
    for (int i = 0; i < int(m_servers.size()); ++i) {
        if (i == m_current)
            continue;
        const std::optional<quint32> level = probe(i);
        if (!level || *level <= best)
            continue;
        target = i;
        best = *level;
        if (best >= transport::kHealthyServiceLevel)
            break;   // the first healthy one
    }
    if (!target)
        return;
    const int back = m_current;
    const QString from = where();
    note(QStringLiteral("%1 serves at level %2; using %3 (level %4)").arg(from).arg(own).arg(m_servers.at(*target).text()).arg(best));
    if (openAt(*target))
        return;
    note(QStringLiteral("%1; back to %2").arg(m_error, from));
    openAt(back);
}

bool CtlSession::failOver(const QString &why)
{
    const int from = m_current;
    const int count = int(m_servers.size());
    note(QStringLiteral("%1; trying the other gateways").arg(why));
    QStringList failures{why};
    // The others in order, this one last.
    for (int k = 1; k <= count; ++k) {
        const int i = (from + k) % count;
        if (openAt(i)) {
            note(QStringLiteral("signed in to %1").arg(where()));
            return true;
        }
        failures << m_error;
        if (!m_linkDied)
            return false;
    }
    m_error = QStringLiteral("no gateway could be used: %1").arg(failures.join(QStringLiteral("; ")));
    return false;
}

bool CtlSession::ask(Envelope request, const std::function<bool()> &answered, const QString &what)
{
    for (int moves = 0;; ++moves) {
        send(request);
        if (waitUntil(answered, what))
            return true;
        if (!linkDied() || !canFailOver() || moves >= int(m_servers.size()) || !failOver(m_error))
            return false;
        // Asked again through the gateway now in use; a command keeps its
        // command_id, so it is applied once whoever answers.
    }
}

} // namespace sitroom::ctl
