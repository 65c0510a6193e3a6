#include "server/source/PrometheusClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <cmath>

namespace sitroom::source {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 3);
}

// Prometheus writes sample values as strings: "1.5", "NaN", "+Inf".
double valueOf(const QJsonValue &v)
{
    const QString text = v.toString();
    if (text == u"NaN")
        return std::nan("");
    if (text == u"+Inf")
        return INFINITY;
    if (text == u"-Inf")
        return -INFINITY;
    return text.toDouble();
}

QHash<QString, QString> labelsOf(const QJsonObject &metric)
{
    QHash<QString, QString> labels;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

} // namespace

PrometheusClient::PrometheusClient(QUrl base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
    , m_network(new QNetworkAccessManager(this))
{
}

QueryResult PrometheusClient::parse(int httpStatus, const QByteArray &body, const QString &networkError)
{
    QueryResult r;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.isEmpty()) {
        r.failure = QueryFailure::Unreachable;
        r.error = httpStatus == 0 ? networkError
                                  : QStringLiteral("HTTP %1 without an API answer%2").arg(httpStatus)
                                        .arg(networkError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(networkError));
        return r;
    }
    if (o.value(QStringLiteral("status")).toString() != u"success") {
        r.failure = QueryFailure::Failed;
        r.errorType = o.value(QStringLiteral("errorType")).toString();
        r.error = o.value(QStringLiteral("error")).toString();
        return r;
    }
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    const QString type = data.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = data.value(QStringLiteral("result"));
    if (type == u"scalar") {
        const QJsonArray pair = result.toArray();
        r.samples.push_back({{}, valueOf(pair.at(1)), pair.at(0).toDouble()});
    } else if (type == u"vector") {
        for (const QJsonValue &item : result.toArray()) {
            const QJsonObject s = item.toObject();
            const QJsonArray pair = s.value(QStringLiteral("value")).toArray();
            r.samples.push_back({labelsOf(s.value(QStringLiteral("metric")).toObject()), valueOf(pair.at(1)), pair.at(0).toDouble()});
        }
    } else if (type == u"matrix") {
        for (const QJsonValue &item : result.toArray()) {
            const QJsonObject s = item.toObject();
            QuerySeries series;
            series.labels = labelsOf(s.value(QStringLiteral("metric")).toObject());
            for (const QJsonValue &p : s.value(QStringLiteral("values")).toArray())
                series.points.emplace_back(p.toArray().at(0).toDouble(), valueOf(p.toArray().at(1)));
            r.series.push_back(std::move(series));
        }
    } else {
        r.failure = QueryFailure::Failed;
        r.errorType = QStringLiteral("unsupported");
        r.error = QStringLiteral("a %1 result; the figure needs a number or a vector").arg(type);
    }
    return r;
}

void PrometheusClient::post(const QString &path, const QByteArray &form, int timeoutMs,
                            std::function<void(const QueryResult &)> done)
{
    QUrl url = m_base;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network->post(request, form);
    connect(reply, &QNetworkReply::finished, this, [reply, timeoutMs, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString networkError;
        if (reply->error() == QNetworkReply::OperationCanceledError)
            // The transfer time-out aborts it, nothing else does; Qt would say "Operation canceled".
            networkError = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        else if (reply->error() != QNetworkReply::NoError)
            networkError = reply->errorString();
        done(parse(status, reply->readAll(), networkError));
    });
}

void PrometheusClient::instant(const QString &query, double timeS, int timeoutMs, std::function<void(const QueryResult &)> done)
{
    const QByteArray form = formField("query", query) + "&time=" + number(timeS)
        + "&timeout=" + QByteArray::number(std::max(1, timeoutMs)) + "ms";
    post(QStringLiteral("/api/v1/query"), form, timeoutMs, std::move(done));
}

void PrometheusClient::range(const QString &query, double startS, double endS, double stepS, int timeoutMs,
                             std::function<void(const QueryResult &)> done)
{
    const QByteArray form = formField("query", query) + "&start=" + number(startS) + "&end=" + number(endS)
        + "&step=" + number(stepS) + "&timeout=" + QByteArray::number(std::max(1, timeoutMs)) + "ms";
    post(QStringLiteral("/api/v1/query_range"), form, timeoutMs, std::move(done));
}

} // namespace sitroom::source
