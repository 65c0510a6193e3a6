#include "metrics/MetricsEndpoint.h"
#include "metrics/MetricsExposition.h"

#include "SimulatorProcess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sitroom;

namespace {

v1::Configuration configuration()
{
    v1::Configuration c;
    c.set_scenario_id("opening-18-49");
    return c;
}

v1::SystemState state(v1::Light naverLight)
{
    v1::SystemState s;
    s.set_sim_time_ms(1'626'087'600'000);
    s.mutable_admission()->set_queue_depth(123456);
    s.mutable_admission()->set_arrivals_per_s(812.5);
    s.set_bookings_total(4200);
    s.mutable_backend()->set_p95_latency_ms(1500);
    auto *naver = s.add_providers();
    naver->set_id("naver");
    naver->set_light(naverLight);
    naver->set_enabled(true);
    naver->set_p95_latency_ms(250);
    auto *odd = s.add_providers();
    odd->set_id("we\"ird\\id");
    odd->set_light(v1::LIGHT_SUSPENDED);
    auto *cohort = s.add_cohorts();
    cohort->set_id("18-49");
    cohort->set_booked(99);
    return s;
}

// Status line, headers and body of one HTTP exchange.
struct Answer
{
    QByteArray status;
    QByteArray headers;
    QByteArray body;
};

Answer fetch(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray all;
    QElapsedTimer t;
    t.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && t.elapsed() < 5000) {
        socket.waitForReadyRead(100);
        all += socket.readAll();
    }
    all += socket.readAll();
    const qsizetype headEnd = all.indexOf("\r\n\r\n");
    const QByteArray head = all.left(headEnd);
    return {head.left(head.indexOf("\r\n")), head, headEnd >= 0 ? all.mid(headEnd + 4) : QByteArray()};
}

Answer get(quint16 port, const QByteArray &path, const QByteArray &method = "GET")
{
    return fetch(port, QByteArray(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\n\r\n"));
}

// The value of the sample line `name{labels}`; NaN when missing.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return qQNaN();
}

} // namespace

class TestMetricsEndpoint final : public QObject
{
    Q_OBJECT

private slots:
    void exposition_isWellFormed()
    {
        const QByteArray text = metrics::renderMetrics(configuration(), state(v1::LIGHT_RED));
        QVERIFY(text.endsWith('\n'));
        // Every family has HELP then TYPE; every sample belongs to the family above it.
        static const QRegularExpression sample(QStringLiteral("^([a-z_:][a-z0-9_:]*)(\\{[a-z_]+=\"(?:[^\"\\\\]|\\\\.)*\"\\})? (-?[0-9.e+]+|NaN|[+-]Inf)$"));
        QByteArray family;
        QByteArray type;
        int samples = 0;
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty())
                continue;
            if (line.startsWith("# HELP ")) {
                family = line.mid(7, line.indexOf(' ', 7) - 7);
                type.clear();
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                QCOMPARE(line.mid(7, line.indexOf(' ', 7) - 7), family);
                type = line.mid(line.lastIndexOf(' ') + 1);
                QVERIFY2(type == "gauge" || type == "counter", line.constData());
                if (type == "counter")
                    QVERIFY2(family.endsWith("_total"), family.constData());
                continue;
            }
            const QRegularExpressionMatch m = sample.match(QString::fromUtf8(line));
            QVERIFY2(m.hasMatch(), line.constData());
            QCOMPARE(m.captured(1).toUtf8(), family);
            QVERIFY(!type.isEmpty());
            ++samples;
        }
        QVERIFY(samples > 20);
    }

    void exposition_carriesTheState()
    {
        const QByteArray text = metrics::renderMetrics(configuration(), state(v1::LIGHT_RED));
        QCOMPARE(sampleValue(text, "sitroom_provider_light{provider=\"naver\"}"), double(v1::LIGHT_RED));
        QCOMPARE(sampleValue(text, "sitroom_provider_light{provider=\"we\\\"ird\\\\id\"}"), double(v1::LIGHT_SUSPENDED));
        QCOMPARE(sampleValue(text, "sitroom_queue_depth"), 123456.0);
        QCOMPARE(sampleValue(text, "sitroom_arrivals_per_second"), 812.5);
        QCOMPARE(sampleValue(text, "sitroom_bookings_total"), 4200.0);
        QCOMPARE(sampleValue(text, "sitroom_backend_p95_latency_seconds"), 1.5);
        QCOMPARE(sampleValue(text, "sitroom_provider_p95_latency_seconds{provider=\"naver\"}"), 0.25);
        QCOMPARE(sampleValue(text, "sitroom_cohort_booked_total{cohort=\"18-49\"}"), 99.0);
        QCOMPARE(sampleValue(text, "sitroom_info{scenario=\"opening-18-49\"}"), 1.0);
    }

    void promtool_findsNoProblem()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (scripts/setup installs prometheus)");
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(metrics::renderMetrics(configuration(), state(v1::LIGHT_YELLOW)));
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    void endpoint_servesTheLatestUpdate()
    {
        metrics::MetricsEndpoint endpoint;
        QString error;
        QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        endpoint.update(configuration(), state(v1::LIGHT_GREEN));
        endpoint.update(configuration(), state(v1::LIGHT_RED));
        Answer a;
        // The endpoint lives in this thread: fetch from another so its event loop can answer.
        QThread *fetcher = QThread::create([&] { a = get(endpoint.serverPort(), "/metrics"); });
        fetcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(fetcher->isFinished(), 10000);
        delete fetcher;
        QCOMPARE(a.status, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(a.headers.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(a.headers.contains(QByteArray("Content-Length: " + QByteArray::number(a.body.size()))));
        QCOMPARE(a.body, endpoint.body());
        QCOMPARE(sampleValue(a.body, "sitroom_provider_light{provider=\"naver\"}"), double(v1::LIGHT_RED));
        QCOMPARE(endpoint.scrapeCount(), quint64(1));
    }

    void endpoint_refusesOtherRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("other path") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 404 Not Found");
        QTest::newRow("prefix of the path") << QByteArray("GET /metricsx HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 404 Not Found");
        QTest::newRow("POST") << QByteArray("POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << QByteArray("HTTP/1.1 405 Method Not Allowed");
        QTest::newRow("not HTTP") << QByteArray("hello there\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request");
        QTest::newRow("query string") << QByteArray("GET /metrics?x=1 HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 200 OK");
        QTest::newRow("huge headers") << QByteArray(QByteArray("GET /metrics HTTP/1.1\r\nX: ") + QByteArray(10000, 'a'))
                                      << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
    }

    void endpoint_refusesOtherRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        metrics::MetricsEndpoint endpoint;
        QString error;
        QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        endpoint.update(configuration(), state(v1::LIGHT_GREEN));
        Answer a;
        QThread *fetcher = QThread::create([&] { a = fetch(endpoint.serverPort(), request); });
        fetcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(fetcher->isFinished(), 10000);
        delete fetcher;
        QCOMPARE(a.status, status);
    }

    void simulator_servesMetricsWhenAsked()
    {
        QTemporaryDir dir;
        QProcess sim;
        sim.setProcessChannelMode(QProcess::SeparateChannels);
        sim.start(testing::SimulatorProcess::binaryPath(),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--metrics-listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), dir.filePath(QStringLiteral("tls")),
                   QStringLiteral("--fast-forward"), QStringLiteral("40m")});
        QVERIFY(sim.waitForStarted());
        const auto stop = qScopeGuard([&] {
            sim.terminate();
            if (!sim.waitForFinished(5000))
                sim.kill();
        });
        QByteArray out;
        static const QRegularExpression where(QStringLiteral("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics"));
        QRegularExpressionMatch m;
        QElapsedTimer t;
        t.start();
        while (!(m = where.match(QString::fromUtf8(out))).hasMatch() && t.elapsed() < 20000) {
            sim.waitForReadyRead(100);
            out += sim.readAllStandardOutput();
        }
        QVERIFY2(m.hasMatch(), out.constData());
        QVERIFY(out.startsWith("listening on 127.0.0.1:"));  // still the first line
        const Answer a = get(quint16(m.captured(1).toUInt()), "/metrics");
        QCOMPARE(a.status, QByteArray("HTTP/1.1 200 OK"));
        // Forty minutes into the opening day: people arrive and book, providers have lights.
        QVERIFY(sampleValue(a.body, "sitroom_arrivals_per_second") > 0);
        QVERIFY(sampleValue(a.body, "sitroom_bookings_total") > 0);
        QVERIFY(sampleValue(a.body, "sitroom_queue_depth") >= 0);
        QVERIFY(a.body.contains("sitroom_provider_light{provider=\""));
        QVERIFY(sampleValue(a.body, "sitroom_sim_time_seconds") > 0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"
