// The status bar's connection words, in Korean (the console's .qm): the
// gateway in use named by its room, the move to another one said while it
// happens (status bar and stale banner), marked for a while and told as news
// with its time, one gateway reading as it always did, who signed in where,
// where the live system is read from (in the tooltip), and a gateway that
// cannot reach its state store marked as refusing controls.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/status/ConnectionStatus.h"
#include "widgets/status/LinkText.h"
#include "widgets/status/StaleBanner.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using models::LinkEvent;
using models::LinkState;
using models::SituationStore;
using widgets::ConnectionStatus;

namespace {

constexpr qint64 kSimStart = 1628502300000;   // 2021-08-09 18:45:00 KST
constexpr qint64 kSwitchWall = 1628507112000; // 2021-08-09 20:05:12 KST
const QString kSeoul = QStringLiteral("seoul-gw:7600");
const QString kOsong = QStringLiteral("osong-gw:7600");

LinkEvent link(LinkState state, const QString &server, bool switching = false)
{
    LinkEvent e;
    e.state = state;
    e.server = server;
    e.switching = switching;
    return e;
}

// Live on a gateway: its Welcome (naming its room, or not) and its snapshot.
models::TelemetryBatch liveOn(const QString &server, v1::Site room, qint64 arrivedMs, qint64 wallMs,
                              bool switching = false)
{
    v1::Configuration config = makeConfiguration({"naver"});
    config.set_timezone("Asia/Seoul");
    config.set_speed(1.0);
    models::TelemetryBatch b = snapshotBatch(config, makeState(wallMs, {"naver"}), {}, arrivedMs);
    b.lastServerTimeMs = wallMs;
    v1::Welcome welcome;
    welcome.set_server_id(server.section(u':', 0, 0).toStdString());
    welcome.set_server_site(room);
    welcome.set_role(v1::ROLE_OPERATOR);
    b.welcome = welcome;
    b.link.push_back(link(LinkState::Live, server, switching));
    return b;
}

} // namespace

class TestConnectionStatus final : public QObject
{
    Q_OBJECT

private:
    ConsoleLook m_look{QStringLiteral("ko")};
    qint64 m_now = 1000;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
        // The machine is neither in Korea nor on UTC.
        qputenv("TZ", QByteArrayLiteral("America/New_York"));
    }

    void oneGatewayReadsAsItAlwaysDid()
    {
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, QStringLiteral("127.0.0.1:7600"), QStringLiteral("서울"), QStringLiteral("kim"));
        QCOMPARE(status.serverText(), QStringLiteral("○ 연결 안 됨 · 127.0.0.1:7600 게이트웨이"));
        QCOMPARE(status.userText(), QStringLiteral("kim(서울, 로그인 안 됨)"));
        store.apply(liveOn(QStringLiteral("127.0.0.1:7600"), v1::SITE_UNSPECIFIED, m_now, kSimStart));
        QCOMPARE(status.linkText(), QStringLiteral("● 연결됨"));
        QCOMPARE(status.serverText(), QStringLiteral("● 127.0.0.1:7600 게이트웨이"));
        QCOMPARE(status.userText(), QStringLiteral("kim(서울, 운영자)"));
        // A reconnect to the same gateway is no move.
        store.apply(linkBatch(LinkState::Connecting));
        store.apply(liveOn(QStringLiteral("127.0.0.1:7600"), v1::SITE_UNSPECIFIED, m_now, kSimStart + 5000));
        QVERIFY(status.switchText().isEmpty());
    }

    void namesTheGatewayInUseAndSaysWhenItChanged()
    {
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul + u',' + kOsong, QStringLiteral("서울"), QStringLiteral("kim"));
        widgets::StaleBanner banner(store);
        QSignalSpy moved(&status, &ConnectionStatus::moved);
        // Before any link: the first gateway given.
        QCOMPARE(status.serverText(), QStringLiteral("○ 연결 안 됨 · seoul-gw:7600 게이트웨이"));

        store.apply(liveOn(kSeoul, v1::SITE_SEOUL, m_now, kSimStart));
        QCOMPARE(status.serverText(), QStringLiteral("● 서울 게이트웨이"));
        QVERIFY(status.switchText().isEmpty());

        // Seoul's gateway is gone: on the way to Osong's, said as a move, and
        // the picture is stale, not fresh.
        models::TelemetryBatch moving;
        LinkEvent failed = link(LinkState::Failed, kSeoul);
        failed.failure = models::LinkFailure::ServerClosed;
        moving.link.push_back(failed);
        moving.link.push_back(link(LinkState::Connecting, kOsong, true));
        store.apply(moving);
        QVERIFY(store.isStale());
        QCOMPARE(status.linkText(), QStringLiteral("○ 게이트웨이 전환 중…"));
        QCOMPARE(status.serverText(), QStringLiteral("○ 게이트웨이 전환 중… · osong-gw:7600 게이트웨이"));
        QVERIFY2(banner.text().contains(QStringLiteral("osong-gw:7600 게이트웨이로 전환하는 중…")), qPrintable(banner.text()));
        QCOMPARE(widgets::linkDescription(link(LinkState::Handshaking, kOsong, true)),
                 QStringLiteral("osong-gw:7600 게이트웨이로 전환하는 중: 로그인하는 중…"));

        // On Osong's: named, and the move told once as news, with its time
        // on the live system's clock, in its zone.
        QVERIFY(moved.isEmpty());
        m_now += 800;
        store.apply(liveOn(kOsong, v1::SITE_OSONG, m_now, kSwitchWall, true));
        QVERIFY(!store.isStale());
        QCOMPARE(status.linkText(), QStringLiteral("● 연결됨"));
        QCOMPARE(status.switchText(), QStringLiteral("오송 게이트웨이로 전환됨 20:05:12 KST"));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved[0][0].toString(), QStringLiteral("오송 게이트웨이로 전환됨 20:05:12 KST"));
        // The gateway it is on now, marked as new for a while.
        QCOMPARE(status.serverText(), QStringLiteral("● 오송 게이트웨이 (전환됨)"));
        store.apply(tickBatch(makeState(kSwitchWall + 1000, {"naver"}), {}, m_now));
        QCOMPARE(status.serverText(), QStringLiteral("● 오송 게이트웨이 (전환됨)"));
        QCOMPARE(moved.size(), 1);
        // Then the gateway alone again; the move stays in the tooltip.
        status.endSwitchNotice();
        QVERIFY(status.switchText().isEmpty());
        QCOMPARE(status.serverText(), QStringLiteral("● 오송 게이트웨이"));
        const QLabel *server = status.findChild<QLabel *>(QStringLiteral("serverLabel"));
        QVERIFY(server);
        QVERIFY2(server->toolTip().contains(QStringLiteral("20:05:12 KST에 이 콘솔은 seoul-gw:7600에서 osong-gw:7600(으)로 옮겨 왔습니다")),
                 qPrintable(server->toolTip()));
    }

    void theNoticeEndsByItself()
    {
        QCOMPARE(ConnectionStatus::kSwitchNoticeMs, 10 * 60 * 1000);
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul + u',' + kOsong, QStringLiteral("서울"), QStringLiteral("kim"));
        store.apply(liveOn(kSeoul, v1::SITE_SEOUL, m_now, kSimStart));
        store.apply(liveOn(kOsong, v1::SITE_OSONG, m_now, kSwitchWall, true));
        QTimer *timer = status.findChild<QTimer *>();
        QVERIFY(timer && timer->isActive() && timer->isSingleShot());
        QCOMPARE(timer->interval(), ConnectionStatus::kSwitchNoticeMs);
        QVERIFY(!status.switchText().isEmpty());
    }

    // A Prometheus address can be long: the gateway's tooltip says it whole,
    // the status bar keeps its width for what must be read.
    void theSourceIsInTheGatewaysTooltip()
    {
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul, QStringLiteral("서울"), QStringLiteral("kim"));
        models::TelemetryBatch b = liveOn(kSeoul, v1::SITE_SEOUL, m_now, kSimStart);
        const std::string url = "prometheus:http://prometheus.monitoring.reservation.example.go.kr:9090/api";
        b.snapshot->mutable_configuration()->set_source(url);
        store.apply(b);
        QCOMPARE(status.sourceText(),
                 QStringLiteral("프로메테우스 http://prometheus.monitoring.reservation.example.go.kr:9090/api"));
        const QLabel *server = status.findChild<QLabel *>(QStringLiteral("serverLabel"));
        QVERIFY(server);
        QVERIFY2(server->toolTip().contains(QStringLiteral("운영 시스템 데이터 출처: ") + status.sourceText()),
                 qPrintable(server->toolTip()));
        for (const QLabel *label : status.findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QStringLiteral("http")), qPrintable(label->text()));
    }

    // PostgreSQL out of reach: the gateway says so through its service level
    // on every tick, and refuses every command; the status bar says it beside
    // the gateway's name until a tick says the store is back.
    void aGatewayWithoutItsStoreIsMarkedAsRefusingControls()
    {
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul, QStringLiteral("서울"), QStringLiteral("kim"));
        store.apply(liveOn(kSeoul, v1::SITE_SEOUL, m_now, kSimStart));
        const QLabel *server = status.findChild<QLabel *>(QStringLiteral("serverLabel"));
        QVERIFY(server);
        QVERIFY(!server->property("problem").toBool());

        models::TelemetryBatch down = tickBatch(makeState(kSimStart + 1000, {"naver"}), {}, m_now);
        down.serviceLevel = models::ServiceLevelNews{100, true};
        store.apply(down);
        QCOMPARE(status.serverText(), QStringLiteral("● 서울 게이트웨이 · 제어 거부 중"));
        QVERIFY(server->property("problem").toBool());
        QVERIFY2(server->toolTip().contains(QStringLiteral("공유 상태 저장소에 연결할 수 없습니다")), qPrintable(server->toolTip()));
        QVERIFY2(server->toolTip().contains(QStringLiteral("서비스 수준 100")), qPrintable(server->toolTip()));

        models::TelemetryBatch back = tickBatch(makeState(kSimStart + 2000, {"naver"}), {}, m_now);
        back.serviceLevel = models::ServiceLevelNews{250, true};
        store.apply(back);
        QCOMPARE(status.serverText(), QStringLiteral("● 서울 게이트웨이"));
        QVERIFY(!server->property("problem").toBool());
    }

    void anUnnamedGatewayIsNamedByItsAddress()
    {
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul + u',' + kOsong, QStringLiteral("오송"), QStringLiteral("lee"));
        store.apply(liveOn(kSeoul, v1::SITE_UNSPECIFIED, m_now, kSimStart));
        QCOMPARE(status.serverText(), QStringLiteral("● seoul-gw:7600 게이트웨이"));
        QCOMPARE(status.userText(), QStringLiteral("lee(오송, 운영자)"));
        store.apply(liveOn(kOsong, v1::SITE_UNSPECIFIED, m_now, kSwitchWall, true));
        QCOMPARE(status.switchText(), QStringLiteral("osong-gw:7600 게이트웨이로 전환됨 20:05:12 KST"));
    }

    void aSimulationsOwnClockIsNotTheMovesTime()
    {
        // The live system's clock runs 30 times faster in 2021: the move's
        // time is the gateway's wall clock, and says so.
        SituationStore store(nullptr, [this] { return m_now; });
        ConnectionStatus status(store, kSeoul + u',' + kOsong, QStringLiteral("서울"), QStringLiteral("kim"));
        store.apply(liveOn(kSeoul, v1::SITE_SEOUL, m_now, kSimStart));
        models::TelemetryBatch osong = liveOn(kOsong, v1::SITE_OSONG, m_now, kSwitchWall, true);
        osong.snapshot->mutable_configuration()->set_speed(30.0);
        osong.snapshot->mutable_state()->set_sim_time_ms(kSimStart);
        osong.state.set_sim_time_ms(kSimStart);
        store.apply(osong);
        QVERIFY2(status.switchText().startsWith(QStringLiteral("오송 게이트웨이로 전환됨 20:05:12 KST (")),
                 qPrintable(status.switchText()));
    }
};

QTEST_MAIN(TestConnectionStatus)
#include "tst_connectionstatus.moc"
