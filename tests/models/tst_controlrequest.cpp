#include "control/ControlRequest.h"

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
};

QTEST_GUILESS_MAIN(tst_ControlRequest)
#include "tst_controlrequest.moc"
