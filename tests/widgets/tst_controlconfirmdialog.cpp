// The one confirmation every control goes through, offscreen: nothing is
// sent without a reason, stale data needs the explicit override (and loses it
// when the data is live again), a hazardous change says a second supervisor
// approves, a disable offers its duration, an approval shows then beside now,
// and Enter alone never applies.
#include "widgets/controls/ControlConfirmDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using sitroom::widgets::ControlConfirmDialog;
using sitroom::widgets::ControlProposal;

namespace {

ControlProposal throttle()
{
    ControlProposal p;
    p.title = QStringLiteral("Change the admission rate");
    p.currentValue = QStringLiteral("700/s");
    p.newValue = QStringLiteral("500/s");
    p.effect = QStringLiteral("The queue grows by about 200 people a second.");
    return p;
}

ControlProposal disable()
{
    ControlProposal p;
    p.title = QStringLiteral("Disable Kakao");
    p.currentValue = QStringLiteral("enabled");
    p.newValue = QStringLiteral("disabled");
    p.effect = QStringLiteral("Kakao's 30 % of verifications move to Naver and PASS.");
    p.needsApproval = true;
    p.offerDuration = true;
    return p;
}

QLabel *labelNamed(const QDialog &dialog, const QString &name)
{
    return dialog.findChild<QLabel *>(name);
}

QPushButton *cancelButton(const QDialog &dialog)
{
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text() == u"Cancel")
            return b;
    }
    return nullptr;
}

} // namespace

class tst_ControlConfirmDialog : public QObject
{
    Q_OBJECT

private slots:
    void nothingIsSentWithoutAReason()
    {
        ControlConfirmDialog dialog(throttle());
        dialog.show();
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.reasonEdit()->setPlainText(QStringLiteral("   \n\t "));
        QVERIFY(!dialog.okButton()->isEnabled());   // blanks are no reason
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("backend at 97 %"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.reason(), QStringLiteral("backend at 97 %"));   // trimmed
        dialog.reasonEdit()->clear();
        QVERIFY(!dialog.okButton()->isEnabled());
    }

    void okAcceptsAndEnterAloneDoesNot()
    {
        ControlConfirmDialog dialog(throttle());
        dialog.show();
        QPushButton *cancel = cancelButton(dialog);
        QVERIFY(cancel);
        QVERIFY(cancel->isDefault());
        QVERIFY(!dialog.okButton()->isDefault());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.setReason(QStringLiteral("queue above 1 million"));
        dialog.okButton()->click();
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(rejected.size(), 0);
    }

    void staleDataNeedsTheExplicitOverride()
    {
        ControlConfirmDialog dialog(throttle());
        dialog.show();
        dialog.setReason(QStringLiteral("backend at 97 %"));
        QVERIFY(!dialog.staleWarning()->isVisible());
        QVERIFY(!dialog.staleOverrideBox()->isVisible());
        QVERIFY(dialog.okButton()->isEnabled());

        dialog.setStale(true);
        QVERIFY(dialog.staleWarning()->isVisible());
        QVERIFY(dialog.staleWarning()->text().contains(QStringLiteral("stale")));
        QVERIFY(dialog.staleOverrideBox()->isVisible());
        QVERIFY(!dialog.okButton()->isEnabled());   // a reason is not enough now
        QVERIFY(!dialog.staleOverride());
        dialog.staleOverrideBox()->setChecked(true);
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.staleOverride());

        // Live again: the override goes with the warning, never carried to a later staleness.
        dialog.setStale(false);
        QVERIFY(!dialog.staleOverrideBox()->isVisible());
        QVERIFY(!dialog.staleOverrideBox()->isChecked());
        QVERIFY(!dialog.staleOverride());
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.setStale(true);
        QVERIFY(!dialog.okButton()->isEnabled());
    }

    void figuresNotLiveNeedTheOverrideAndAreNamed()
    {
        ControlConfirmDialog dialog(throttle());
        dialog.show();
        dialog.setReason(QStringLiteral("backend at 97 %"));
        dialog.setStaleFigures(QStringLiteral("3 figures stopped: Prometheus not answering"));
        QVERIFY(dialog.staleWarning()->isVisible());
        QVERIFY2(dialog.staleWarning()->text().contains(QStringLiteral("3 figures stopped: Prometheus not answering")),
                 qPrintable(dialog.staleWarning()->text()));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.staleOverrideBox()->setChecked(true);
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.setStaleFigures(QString());
        QVERIFY(!dialog.staleWarning()->isVisible());
        QVERIFY(!dialog.staleOverride());
    }

    void hazardousChangeSaysASecondSupervisorApproves()
    {
        ControlConfirmDialog hazardous(disable());
        QCOMPARE(hazardous.okButton()->text(), QStringLiteral("Request approval"));
        QLabel *needed = labelNamed(hazardous, QStringLiteral("approvalNeeded"));
        QVERIFY(needed);
        QVERIFY2(needed->text().contains(QStringLiteral("second supervisor")), qPrintable(needed->text()));
        QVERIFY(!labelNamed(hazardous, QStringLiteral("approvalNote")));

        ControlConfirmDialog plain(throttle());
        QCOMPARE(plain.okButton()->text(), QStringLiteral("Apply"));
        QVERIFY(labelNamed(plain, QStringLiteral("approvalNote")));
        QVERIFY(!labelNamed(plain, QStringLiteral("approvalNeeded")));
        QCOMPARE(plain.windowTitle(), QStringLiteral("Change the admission rate"));
        QCOMPARE(labelNamed(plain, QStringLiteral("newValue"))->text(), QStringLiteral("500/s"));
    }

    // What the gateway will do, as the desk says it: refused (the button says
    // so), or not sendable at all (the button waits), and back.
    void theRouteSaysWhatWillHappen()
    {
        ControlConfirmDialog dialog(throttle());
        dialog.show();
        dialog.setReason(QStringLiteral("backend at 97 %"));
        dialog.setRoute({QStringLiteral("■ The gateway will refuse this."), sitroom::widgets::RouteTone::Refused,
                         QStringLiteral("Send anyway")});
        QCOMPARE(dialog.routeText(), QStringLiteral("■ The gateway will refuse this."));
        QVERIFY(labelNamed(dialog, QStringLiteral("gatewayRefuses")));
        QVERIFY(!labelNamed(dialog, QStringLiteral("approvalNote")));
        QCOMPARE(dialog.okButton()->text(), QStringLiteral("Send anyway"));
        QVERIFY(dialog.okButton()->isEnabled());

        dialog.setRoute({QStringLiteral("■ Not connected."), sitroom::widgets::RouteTone::CannotSend, {}});
        QVERIFY(!dialog.okButton()->isEnabled());
        QCOMPARE(dialog.okButton()->text(), QStringLiteral("Apply"));

        dialog.setRoute({QStringLiteral("Takes effect at once."), sitroom::widgets::RouteTone::Plain, {}});
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(labelNamed(dialog, QStringLiteral("approvalNote")));
        QVERIFY(!labelNamed(dialog, QStringLiteral("gatewayRefuses")));
    }

    void disableOffersItsDuration()
    {
        ControlConfirmDialog dialog(disable());
        QComboBox *box = dialog.durationBox();
        QVERIFY(box);
        QList<uint> offered;
        for (int i = 0; i < box->count(); ++i)
            offered << box->itemData(i).toUInt();
        QCOMPARE(offered, (QList<uint>{0, 15 * 60, 30 * 60, 60 * 60, 2 * 60 * 60}));
        QCOMPARE(dialog.disableForS(), 0u);   // until enabled again, unless chosen
        box->setCurrentIndex(2);
        QCOMPARE(dialog.disableForS(), 1800u);
        // A runbook's own duration is offered as written.
        dialog.setDisableForS(45 * 60);
        QCOMPARE(dialog.disableForS(), 2700u);
        QCOMPARE(box->currentText(), QStringLiteral("45 minutes"));
        dialog.setDisableForS(3600);
        QCOMPARE(box->currentIndex(), 3);

        ControlConfirmDialog throttleDialog(throttle());
        QVERIFY(!throttleDialog.durationBox());
        throttleDialog.setDisableForS(600);   // nothing to set: ignored
        QCOMPARE(throttleDialog.disableForS(), 0u);
    }

    void approvalShowsThenBesideNow()
    {
        ControlProposal p = disable();
        p.needsApproval = false;
        p.offerDuration = false;
        p.compare = true;
        p.effectThen = QStringLiteral("At 20:03: Naver and PASS carry Kakao's 30 %.");
        p.thenCaption = QStringLiteral("When park asked");
        p.nowCaption = QStringLiteral("Now");
        p.warningThen = true;
        ControlConfirmDialog dialog(p);
        dialog.show();
        QCOMPARE(dialog.okButton()->text(), QStringLiteral("Approve"));
        QCOMPARE(dialog.effectThenText(), p.effectThen);
        QCOMPARE(dialog.effectText(), p.effect);
        QCOMPARE(labelNamed(dialog, QStringLiteral("effectThenCaption"))->text(), QStringLiteral("When park asked"));
        // The effect now follows the figures while the dialog is open, warning or not, captioned.
        dialog.setEffect(QStringLiteral("Naver alone would carry 60 %: above its capacity."), true, QStringLiteral("Now (20:07)"));
        QCOMPARE(dialog.effectText(), QStringLiteral("Naver alone would carry 60 %: above its capacity."));
        QCOMPARE(labelNamed(dialog, QStringLiteral("effectNowCaption"))->text(), QStringLiteral("Now (20:07)"));
        QVERIFY(dialog.findChildren<QLabel *>(QStringLiteral("effectWarning")).size() == 2);   // then and now both warn
        dialog.setEffect(QStringLiteral("Naver and PASS carry it."), false);
        QCOMPARE(dialog.findChildren<QLabel *>(QStringLiteral("effectWarning")).size(), 1);
        QCOMPARE(labelNamed(dialog, QStringLiteral("effectNowCaption"))->text(), QStringLiteral("Now (20:07)"));

        // A proposal that compares nothing has no "then".
        ControlConfirmDialog single(throttle());
        QVERIFY(single.effectThenText().isEmpty());
    }

    void detailsJoinAnOpenDialog()
    {
        ControlConfirmDialog dialog(disable());
        dialog.show();
        auto *countdown = new QLabel(QStringLiteral("4 min 12 s left"));
        dialog.addDetail(countdown);
        QCOMPARE(countdown->parentWidget(), &dialog);
        QVERIFY(countdown->isVisible());
    }
};

QTEST_MAIN(tst_ControlConfirmDialog)
#include "tst_controlconfirmdialog.moc"
