#include "server/metrics/MetricsEndpoint.h"

#include "server/metrics/MetricsExposition.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>

namespace sitroom::metrics {

MetricsEndpoint::MetricsEndpoint(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &request) {
        const auto method = request.method();
        if (method != QHttpServerRequest::Method::Get && method != QHttpServerRequest::Method::Head) {
            QHttpServerResponse answer(QByteArrayLiteral("text/plain"), QByteArrayLiteral("GET or HEAD only\n"),
                                       QHttpServerResponse::StatusCode::MethodNotAllowed);
            answer.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
            return answer;
        }
        ++m_scrapes;
        return QHttpServerResponse(metricsContentType(), m_body);
    });
    m_server->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(QByteArrayLiteral("only /metrics is served here\n"), QByteArrayLiteral("text/plain"),
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

MetricsEndpoint::~MetricsEndpoint() = default;

bool MetricsEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_port = m_server->listen(address, port);
    if (m_port != 0)
        return true;
    if (error)
        *error = QStringLiteral("cannot serve metrics on %1:%2 (the port is taken or the address is not this machine's)")
                     .arg(address.toString()).arg(port);
    return false;
}

} // namespace sitroom::metrics
