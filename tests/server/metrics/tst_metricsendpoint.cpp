#include "server/metrics/MetricsEndpoint.h"
#include "server/metrics/MetricsExposition.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace sitroom;

namespace {

// Series ("name{labels}") to value, from Prometheus text.
std::map<QString, double> samplesOf(const QByteArray &text)
{
    std::map<QString, double> out;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        out[QString::fromUtf8(line.left(space))] = line.mid(space + 1).toDouble();
    }
    return out;
}

std::unique_ptr<sim::Simulation> openingDay()
{
    sim::ScenarioLoader loader;
    const std::optional<sim::Scenario> scenario = loader.load(QStringLiteral("opening-18-49"));
    if (!scenario)
        return nullptr;
    return std::make_unique<sim::Simulation>(*scenario, 7);
}

// Prometheus's histogram_quantile over (upper bound, cumulative count) pairs, +Inf last.
double histogramQuantile(double q, const std::vector<std::pair<double, double>> &buckets)
{
    const double total = buckets.back().second;
    if (total <= 0)
        return qQNaN();
    const double rank = q * total;
    double lowerBound = 0.0;
    double lowerCount = 0.0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const auto [bound, count] = buckets[i];
        if (count >= rank) {
            if (i == buckets.size() - 1)
                return buckets[i - 1].first;
            return lowerBound + (bound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
        }
        lowerBound = bound;
        lowerCount = count;
    }
    return buckets[buckets.size() - 2].first;
}

// The bucket a duration falls in, by index into the bounds (+Inf last).
std::size_t bucketOf(double seconds)
{
    const auto &bounds = sim::LatencyHistogram::kUpperBoundsS;
    return std::size_t(std::lower_bound(bounds.begin(), bounds.end(), seconds) - bounds.begin());
}

double upperOf(std::size_t bucket)
{
    const auto &bounds = sim::LatencyHistogram::kUpperBoundsS;
    return bucket < bounds.size() ? bounds[bucket] : qInf();
}

double lowerOf(std::size_t bucket)
{
    return bucket == 0 ? 0.0 : sim::LatencyHistogram::kUpperBoundsS[bucket - 1];
}

QNetworkReply *send(QNetworkAccessManager &net, const QByteArray &method, quint16 port, const QString &path)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    return net.sendCustomRequest(request, method);
}

} // namespace

class TestMetricsEndpoint final : public QObject
{
    Q_OBJECT

private slots:
    void exposition_hasTheContractsFamilies_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("type");
        const std::pair<const char *, const char *> families[] = {
            {"sitroom_verification_requests_received_total", "counter"},
            {"sitroom_verification_requests_total", "counter"},
            {"sitroom_verification_request_duration_seconds", "histogram"},
            {"sitroom_waiting_room_arrivals_total", "counter"},
            {"sitroom_waiting_room_admitted_total", "counter"},
            {"sitroom_waiting_room_abandoned_total", "counter"},
            {"sitroom_waiting_room_queue_depth", "gauge"},
            {"sitroom_waiting_room_admission_rate_limit", "gauge"},
            {"sitroom_waiting_room_paused", "gauge"},
            {"sitroom_provider_enabled", "gauge"},
            {"sitroom_provider_light", "gauge"},
            {"sitroom_bookings_total", "counter"},
            {"sitroom_cohort_booked", "gauge"},
            {"sitroom_cohort_eligible", "gauge"},
            {"sitroom_booking_backend_requests_total", "counter"},
            {"sitroom_booking_backend_failures_total", "counter"},
            {"sitroom_booking_backend_capacity_per_second", "gauge"},
            {"sitroom_booking_backend_request_duration_seconds", "histogram"},
            {"sitroom_live_clock_seconds", "gauge"},
            {"sitroom_control_revision", "gauge"},
        };
        for (const auto &[family, type] : families)
            QTest::newRow(family) << QString::fromLatin1(family) << QString::fromLatin1(type);
    }

    void exposition_hasTheContractsFamilies()
    {
        QFETCH(QString, family);
        QFETCH(QString, type);
        auto simulation = openingDay();
        QVERIFY(simulation);
        simulation->step();
        const QString text = QString::fromUtf8(metrics::renderLiveMetrics(simulation->state(), 42));
        QVERIFY2(text.contains(QStringLiteral("# TYPE %1 %2\n").arg(family, type)), qPrintable(family));
        QVERIFY(text.contains(QStringLiteral("# HELP %1 ").arg(family)));
        QVERIFY(text.contains(QStringLiteral("\n%1").arg(family)));
    }

    void exposition_carriesTheState()
    {
        auto simulation = openingDay();
        QVERIFY(simulation);
        simulation->setProviderEnabled(QStringLiteral("kakao"), false);
        simulation->setAdmissionRate(321);
        for (int i = 0; i < 5; ++i)
            simulation->step();
        const auto s = samplesOf(metrics::renderLiveMetrics(simulation->state(), 42));
        QCOMPARE(s.at(QStringLiteral("sitroom_control_revision")), 42.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_waiting_room_admission_rate_limit")), 321.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_provider_light{provider=\"kakao\"}")), 3.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_provider_enabled{provider=\"kakao\"}")), 0.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_provider_enabled{provider=\"naver\"}")), 1.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_live_clock_seconds")), double(simulation->state().timeMs) / 1000.0);
        QCOMPARE(s.at(QStringLiteral("sitroom_verification_request_duration_seconds_bucket{provider=\"naver\",le=\"0.05\"}")) >= 0, true);
        QVERIFY(s.count(QStringLiteral("sitroom_verification_requests_total{provider=\"naver\",outcome=\"timeout\"}")));
    }

    // Counters never go down from one second to the next, through the rush;
    // buckets are cumulative and +Inf is the count.
    void exposition_countersAreMonotonicAndBucketsCumulative()
    {
        auto simulation = openingDay();
        QVERIFY(simulation);
        std::map<QString, double> before;
        static const QRegularExpression counter(QStringLiteral("(_total|_bucket|_count|_sum)(\\{|$)"));
        for (int second = 0; second < 3600; ++second) {
            simulation->step();
            if (second % 60 != 0 && second < 3540)
                continue;
            const auto now = samplesOf(metrics::renderLiveMetrics(simulation->state(), 0));
            for (const auto &[series, value] : now) {
                if (counter.match(series).hasMatch() && before.count(series))
                    QVERIFY2(value >= before.at(series), qPrintable(series));
            }
            for (const QString &provider : {QStringLiteral("kakao"), QStringLiteral("naver")}) {
                double previous = 0;
                for (std::size_t k = 0; k <= sim::LatencyHistogram::kUpperBoundsS.size(); ++k) {
                    const QString le = k < sim::LatencyHistogram::kUpperBoundsS.size()
                        ? QString::number(sim::LatencyHistogram::kUpperBoundsS[k]) : QStringLiteral("+Inf");
                    const QString series = QStringLiteral("sitroom_verification_request_duration_seconds_bucket{provider=\"%1\",le=\"%2\"}")
                                               .arg(provider, le);
                    QVERIFY2(now.count(series), qPrintable(series));
                    QVERIFY(now.at(series) >= previous);
                    previous = now.at(series);
                }
                QCOMPARE(previous, now.at(QStringLiteral("sitroom_verification_request_duration_seconds_count{provider=\"%1\"}").arg(provider)));
                const double finished = now.at(QStringLiteral("sitroom_verification_requests_total{provider=\"%1\",outcome=\"ok\"}").arg(provider))
                    + now.at(QStringLiteral("sitroom_verification_requests_total{provider=\"%1\",outcome=\"error\"}").arg(provider))
                    + now.at(QStringLiteral("sitroom_verification_requests_total{provider=\"%1\",outcome=\"timeout\"}").arg(provider));
                QCOMPARE(previous, finished);
            }
            before = now;
        }
        QVERIFY(before.at(QStringLiteral("sitroom_waiting_room_arrivals_total")) > 0);
        QVERIFY(before.at(QStringLiteral("sitroom_verification_requests_received_total{provider=\"kakao\"}")) > 0);
    }

    // histogram_quantile(0.95, sum by (le) (rate(..._bucket{provider="kakao"}[10s])))
    // lands in the buckets the simulator's own p95 spans over those seconds,
    // from the quiet evening through the 20:00 rush.
    void histogram_quantileTracksTheSimulatorsP95()
    {
        auto simulation = openingDay();
        QVERIFY(simulation);
        const sim::LatencyHistogram *h = nullptr;
        std::vector<double> p95S;
        sim::LatencyHistogram windowStart;
        int windows = 0;
        int inBuckets = 0;
        for (int second = 1; second <= 5400; ++second) {
            simulation->step();
            const sim::ProviderStatus &kakao = simulation->state().providers.front();
            QCOMPARE(kakao.id, QStringLiteral("kakao"));
            h = &kakao.durations;
            if (kakao.second.served > 0)
                p95S.push_back(kakao.second.p95Ms / 1000.0);
            if (second % 10 != 0)
                continue;
            std::vector<std::pair<double, double>> buckets;
            for (std::size_t k = 0; k < h->cumulative.size(); ++k)
                buckets.emplace_back(upperOf(k), double(h->cumulative[k] - windowStart.cumulative[k]));
            const double estimate = histogramQuantile(0.95, buckets);
            if (!p95S.empty() && !qIsNaN(estimate)) {
                const auto [low, high] = std::minmax_element(p95S.begin(), p95S.end());
                const QByteArray why = QByteArray("second ") + QByteArray::number(second) + " estimate "
                    + QByteArray::number(estimate) + " simulator p95 " + QByteArray::number(*low) + ".."
                    + QByteArray::number(*high);
                // Rounding to whole counts may tip the estimate just over a
                // bound when the p95 sits near it: one bucket either side.
                const std::size_t bucket = bucketOf(estimate);
                QVERIFY2(bucket + 1 >= bucketOf(*low) && bucket <= bucketOf(*high) + 1, why.constData());
                if (estimate >= lowerOf(bucketOf(*low)) && estimate <= upperOf(bucketOf(*high)))
                    ++inBuckets;
                ++windows;
            }
            windowStart = *h;
            p95S.clear();
        }
        QVERIFY2(windows > 300, qPrintable(QString::number(windows)));
        QVERIFY2(inBuckets >= windows * 95 / 100, qPrintable(QStringLiteral("%1 of %2").arg(inBuckets).arg(windows)));
    }

    void promtool_findsNoProblem()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian's prometheus package ships it)");
        auto simulation = openingDay();
        QVERIFY(simulation);
        for (int i = 0; i < 2400; ++i)
            simulation->step();
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(metrics::renderLiveMetrics(simulation->state(), 3));
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    void endpoint_servesTheLatestBody()
    {
        metrics::MetricsEndpoint endpoint;
        QString error;
        QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(endpoint.serverPort() != 0);
        QNetworkAccessManager net;
        for (const QByteArray &body : {QByteArray("a 1\n"), QByteArray("a 2\n")}) {
            endpoint.setBody(body);
            std::unique_ptr<QNetworkReply> reply(send(net, "GET", endpoint.serverPort(), QStringLiteral("/metrics")));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), metrics::metricsContentType());
            QCOMPARE(reply->readAll(), body);
        }
        QCOMPARE(endpoint.scrapeCount(), quint64(2));
    }

    void endpoint_refusesOtherRequests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("other path") << QByteArray("GET") << QStringLiteral("/") << 404;
        QTest::newRow("deeper path") << QByteArray("GET") << QStringLiteral("/metrics/x") << 404;
        QTest::newRow("post") << QByteArray("POST") << QStringLiteral("/metrics") << 405;
        QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/metrics") << 405;
    }

    void endpoint_refusesOtherRequests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        metrics::MetricsEndpoint endpoint;
        QString error;
        QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        endpoint.setBody("a 1\n");
        QNetworkAccessManager net;
        std::unique_ptr<QNetworkReply> reply(send(net, method, endpoint.serverPort(), path));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        QCOMPARE(endpoint.scrapeCount(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"
