#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>
#include <vector>

class QNetworkAccessManager;

namespace sitroom::source {

// How a query went wrong, from the figures' point of view.
enum class QueryFailure {
    None,
    Unreachable,   // no answer (connection refused, time-out, HTTP 5xx without an API error)
    Failed,        // Prometheus answered with an error for this query (bad_data, execution, timeout)
};

struct QuerySample
{
    QHash<QString, QString> labels;
    double value = 0.0;
    double timeS = 0.0;
};

struct QuerySeries
{
    QHash<QString, QString> labels;
    std::vector<std::pair<double, double>> points;   // (time s, value)
};

struct QueryResult
{
    QueryFailure failure = QueryFailure::None;
    QString errorType;        // Prometheus's errorType: "bad_data", "execution", "timeout", …
    QString error;            // its words, or the network's
    std::vector<QuerySample> samples;   // instant query: vector or scalar
    std::vector<QuerySeries> series;    // range query: matrix

    bool ok() const { return failure == QueryFailure::None; }
};

// The Prometheus HTTP API (/api/v1/query and /api/v1/query_range) over
// QNetworkAccessManager. Queries are POSTed form-encoded, so any PromQL
// travels intact; each has a transfer time-out and answers exactly once.
class PrometheusClient final : public QObject
{
    Q_OBJECT

public:
    explicit PrometheusClient(QUrl base, QObject *parent = nullptr);

    void instant(const QString &query, double timeS, int timeoutMs, std::function<void(const QueryResult &)> done);
    void range(const QString &query, double startS, double endS, double stepS, int timeoutMs,
               std::function<void(const QueryResult &)> done);

    const QUrl &base() const { return m_base; }
    // Parses an API answer (exposed for tests).
    static QueryResult parse(int httpStatus, const QByteArray &body, const QString &networkError);

private:
    void post(const QString &path, const QByteArray &form, int timeoutMs, std::function<void(const QueryResult &)> done);

    QUrl m_base;
    QNetworkAccessManager *m_network;
};

} // namespace sitroom::source
