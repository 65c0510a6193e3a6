// The briefing's sentences against the shipped scenarios, on the real
// simulator over TLS: opening-18-49 and cascade-drill fast-forwarded to 20:35,
// the console's data layer (TelemetryClient into a SituationStore) beside a
// protocol-level witness. The test works the figures out again from the
// witness's own copy of the snapshot's history (the first 30 minutes'
// bookings, the first provider to turn red and when) and checks that the
// sentences name those times and figures, in English and in Korean.
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"

#include "models/briefing/BriefingFacts.h"
#include "models/briefing/BriefingSummary.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QtTest>

#include <QTemporaryDir>
#include <QTranslator>

#include <cmath>

using namespace sitroom;
using Body = sitroom::v1::Envelope::BodyCase;

namespace {

constexpr qint64 kMin = 60'000;

struct Witnessed
{
    qint64 openMs = 0;
    double firstHalfHourBookings = 0;
    double expected = 0;
    QString firstRedId;
    qint64 firstRedMs = 0;
};

// The figures, read straight from the wire's History.
Witnessed witness(const v1::Snapshot &snapshot)
{
    Witnessed w;
    const v1::Configuration &c = snapshot.configuration();
    const qint64 now = snapshot.state().sim_time_ms();
    for (const auto &k : c.cohorts()) {
        if (k.window_open_ms() <= now && now < k.window_close_ms()) {
            w.openMs = k.window_open_ms();
            w.expected = double(k.expected_bookings());
        }
    }
    const v1::History &h = snapshot.history();
    for (int i = 0; i < h.bookings_per_s_size(); ++i) {
        const qint64 t = h.first_time_ms() + qint64(i) * h.step_ms();
        if (t >= w.openMs && t < w.openMs + 30 * kMin && std::isfinite(h.bookings_per_s(i)))
            w.firstHalfHourBookings += double(h.bookings_per_s(i)) * h.step_ms() / 1000.0;
    }
    w.firstRedMs = std::numeric_limits<qint64>::max();
    for (const v1::ProviderSeries &s : h.providers()) {
        for (int i = 0; i < s.light_size(); ++i) {
            const qint64 t = h.first_time_ms() + qint64(i) * h.step_ms();
            if (t < w.openMs - 30 * kMin)
                continue;
            if (s.light(i) == v1::LIGHT_RED) {
                if (t < w.firstRedMs) {
                    w.firstRedMs = t;
                    w.firstRedId = QString::fromStdString(s.id());
                }
                break;
            }
        }
    }
    return w;
}

QString hhmm(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone("Asia/Seoul")).toString(QStringLiteral("HH:mm"));
}

} // namespace

class TestBriefingScenarios final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void sentencesNameTheScenariosFigures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("firstRed");
        QTest::newRow("opening-18-49") << "opening-18-49" << "kakao";
        QTest::newRow("cascade-drill") << "cascade-drill" << "kakao";
    }

    void sentencesNameTheScenariosFigures()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, firstRed);
        const QString tls = m_dir.filePath(scenario);
        testing::SimulatorProcess sim;
        QString error;
        // 19:30 + 65 min: the first 30 minutes after the 20:00 opening are history.
        QVERIFY2(sim.start({QStringLiteral("--scenario"), scenario, QStringLiteral("--fast-forward"), QStringLiteral("65m"),
                            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls},
                           &error, 60000),
                 qPrintable(error));
        testing::TestTlsClient wire;
        QVERIFY2(wire.connectToServer(sim.port(), tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        wire.sendHello();
        const int at = wire.waitForBody(Body::kSnapshot, 10000);
        QVERIFY(at >= 0);
        const Witnessed w = witness(wire.received().at(std::size_t(at)).snapshot());
        QVERIFY(w.openMs > 0);
        QCOMPARE(hhmm(w.openMs), QStringLiteral("20:00"));
        QVERIFY(w.firstHalfHourBookings > 0);
        QCOMPARE(w.firstRedId, firstRed);

        models::SituationStore store;
        models::TelemetryClient client;
        QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        models::ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = sim.port();
        settings.caFile = tls + QStringLiteral("/ca.pem");
        settings.user = QStringLiteral("ministry");
        settings.site = v1::SITE_MINISTRY;
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(store.hasSnapshot() && !store.history().isEmpty(), 10000);

        const models::BriefingFacts f = models::gatherBriefingFacts(store);
        QCOMPARE(f.openMs, w.openMs);
        QVERIFY(f.firstHalfHourComplete);
        QVERIFY2(std::abs(f.firstHalfHourBookings - w.firstHalfHourBookings) < 0.5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(f.firstHalfHourBookings).arg(w.firstHalfHourBookings)));
        QVERIFY(f.firstCongestion);
        QCOMPARE(f.firstCongestion->providerId, w.firstRedId);
        QCOMPARE(f.firstCongestion->fromMs, w.firstRedMs);

        const auto name = [&store](const QString &id) {
            for (const auto &p : store.configuration().providers())
                if (QString::fromStdString(p.id()) == id)
                    return QString::fromStdString(p.name().en());
            return id;
        };
        const auto title = [](const QString &id) { return id; };
        const models::BriefingSummary summary(name, title);
        const QStringList story = summary.story(f);
        qInfo().noquote() << scenario << story.join(u' ') << summary.now(f).join(u' ');
        const QString bookings = QLocale().toString(qlonglong(std::llround(w.firstHalfHourBookings)));
        const QString share = QLocale().toString(w.firstHalfHourBookings / w.expected * 100.0, 'f', 0) + QStringLiteral(" %");
        QCOMPARE(story.value(0), QStringLiteral("In the 30 minutes after bookings opened at 20:00, %1 bookings were made: %2 of the day's forecast (%3).")
                                     .arg(bookings, share, QLocale().toString(qlonglong(w.expected))));
        QVERIFY2(story.value(1).startsWith(QStringLiteral("Kakao verification "))
                     && story.value(1).contains(hhmm(w.firstRedMs)),
                 qPrintable(story.value(1)));

        // In Korean, from the console's catalogue.
        QTranslator ko;
        QVERIFY(ko.load(QStringLiteral(SITROOM_QM_DIR "/sitroom_ko.qm")));
        QCoreApplication::installTranslator(&ko);
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        const auto nameKo = [&store](const QString &id) {
            for (const auto &p : store.configuration().providers())
                if (QString::fromStdString(p.id()) == id)
                    return QString::fromStdString(p.name().ko());
            return id;
        };
        const QStringList korean = models::BriefingSummary(nameKo, title).story(f);
        QCoreApplication::removeTranslator(&ko);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qInfo().noquote() << scenario << korean.join(u' ');
        QVERIFY2(korean.value(0).startsWith(QStringLiteral("20:00 예약 개시 후 30분간 %1건이 예약되어").arg(bookings))
                     && korean.value(0).contains(share),
                 qPrintable(korean.value(0)));
        QVERIFY2(korean.value(1).startsWith(QStringLiteral("카카오 인증이 %1부터").arg(hhmm(w.firstRedMs))), qPrintable(korean.value(1)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestBriefingScenarios)
#include "tst_briefingscenarios.moc"
