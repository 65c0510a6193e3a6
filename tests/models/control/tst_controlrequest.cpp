#include "models/control/ControlRequest.h"

#include <QSet>
#include <QUuid>
#include <QtTest>

using sitroom::models::ControlRequest;
using namespace sitroom;

class tst_ControlRequest : public QObject
{
    Q_OBJECT

private slots:
    void carriesRevisionReasonAndOverride()
    {
        v1::ControlState control;
        control.set_revision(41);
        const ControlRequest request(control, QStringLiteral("  queue draining too slowly \n"), true);
        const v1::Command c = request.setAdmissionRate(850);
        QCOMPARE(c.expected_revision(), quint64(41));
        QCOMPARE(QString::fromStdString(c.reason()), QStringLiteral("queue draining too slowly"));
        QVERIFY(c.stale_override());
        QCOMPARE(c.action_case(), v1::Command::kSetAdmissionRate);
        QCOMPARE(c.set_admission_rate().rate_per_s(), 850.0);
    }

    void freshUuidEveryCommand()
    {
        const ControlRequest request(3, QStringLiteral("r"));
        QSet<QString> ids;
        for (int i = 0; i < 50; ++i) {
            const QString id = QString::fromStdString(request.pauseAdmission().command_id());
            QVERIFY(!QUuid::fromString(id).isNull());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 50);
    }

    void actions()
    {
        const ControlRequest request(7, QStringLiteral("why"));
        QCOMPARE(request.pauseAdmission().action_case(), v1::Command::kPauseAdmission);
        QCOMPARE(request.resumeAdmission().action_case(), v1::Command::kResumeAdmission);
        QVERIFY(!request.resumeAdmission().stale_override());

        const v1::Command disable = request.setProviderEnabled(QStringLiteral("kakao"), false, 1800);
        QCOMPARE(disable.set_provider_enabled().provider_id(), std::string("kakao"));
        QVERIFY(!disable.set_provider_enabled().enabled());
        QCOMPARE(disable.set_provider_enabled().disable_for_s(), 1800u);
        // A duration means nothing when enabling.
        const v1::Command enable = request.setProviderEnabled(QStringLiteral("kakao"), true, 1800);
        QVERIFY(enable.set_provider_enabled().enabled());
        QCOMPARE(enable.set_provider_enabled().disable_for_s(), 0u);

        const v1::Command approve = request.approve(QStringLiteral("req-9"));
        QCOMPARE(approve.approve().request_id(), std::string("req-9"));
        QCOMPARE(approve.expected_revision(), quint64(7));
    }

    void alertCommands()
    {
        const ControlRequest r(4, QStringLiteral("  kakao 30분 중단함 "));
        const auto ack = r.acknowledgeAlert(QStringLiteral("a-17"), QStringLiteral("provider-failing#3: disable kakao for 30m"));
        QCOMPARE(ack.action_case(), sitroom::v1::Command::kAcknowledgeAlert);
        QCOMPARE(ack.acknowledge_alert().alert_id(), std::string("a-17"));
        QCOMPARE(QString::fromStdString(ack.acknowledge_alert().comment()), QStringLiteral("kakao 30분 중단함"));
        QCOMPARE(ack.acknowledge_alert().runbook_step(), std::string("provider-failing#3: disable kakao for 30m"));
        QCOMPARE(ack.reason(), ack.acknowledge_alert().comment());
        const auto shelve = r.shelveAlert(QStringLiteral("a-17"), 3600);
        QCOMPARE(shelve.shelve_alert().alert_id(), std::string("a-17"));
        QCOMPARE(shelve.shelve_alert().duration_s(), 3600u);
        QVERIFY(!shelve.reason().empty());
        const auto unshelve = r.unshelveAlert(QStringLiteral("a-17"));
        QCOMPARE(unshelve.unshelve_alert().alert_id(), std::string("a-17"));
        QVERIFY(ack.command_id() != shelve.command_id());
    }
};

QTEST_GUILESS_MAIN(tst_ControlRequest)
#include "tst_controlrequest.moc"
