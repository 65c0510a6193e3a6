// The waiting room's throttle on its own, offscreen: bounds and step from the
// configuration, "–" and no Apply before anything is in force, a rate the
// operator gives is a draft that a change from elsewhere never overwrites (and
// is said beside it), Apply asks for what is typed even before it is entered,
// the draft can be dropped, Pause and Resume swap.
#include "widgets/controls/ThrottleControl.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace sitroom;
using sitroom::widgets::ControlOrigin;
using sitroom::widgets::ThrottleControl;

namespace {

v1::Configuration bounds(double min = 50, double max = 2000, double step = 50)
{
    v1::Configuration c;
    c.set_admission_rate_min_per_s(min);
    c.set_admission_rate_max_per_s(max);
    c.set_admission_rate_step_per_s(step);
    return c;
}

v1::ControlState inForce(quint64 revision, double rate, bool paused = false)
{
    v1::ControlState c;
    c.set_revision(revision);
    c.set_admission_rate_per_s(rate);
    c.set_admission_paused(paused);
    return c;
}

ControlOrigin elsewhere(const QString &who = QStringLiteral("park (Osong)"), const QString &when = QStringLiteral("20:05 KST"))
{
    ControlOrigin o;
    o.elsewhere = true;
    o.who = who;
    o.when = when;
    return o;
}

// Types a rate into the box as an operator does: the figure selected (not
// its unit), then the keys; not yet entered.
void type(ThrottleControl &throttle, const QString &text)
{
    throttle.rateBox()->selectAll();
    QTest::keyClicks(throttle.rateBox(), text);
}

// Types a rate and enters it (Return): the box has taken it.
void enter(ThrottleControl &throttle, const QString &text)
{
    type(throttle, text);
    QTest::keyClick(throttle.rateBox(), Qt::Key_Return);
}

QLabel *draftMark(const ThrottleControl &throttle)
{
    return throttle.findChild<QLabel *>(QStringLiteral("throttleDraftMark"));
}

} // namespace

class tst_ThrottleControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void boundsAndStepComeFromTheConfiguration()
    {
        ThrottleControl throttle;
        throttle.setPicture(bounds(100, 1500, 25), inForce(1, 700));
        QCOMPARE(throttle.rateBox()->minimum(), 100.0);
        QCOMPARE(throttle.rateBox()->maximum(), 1500.0);
        QCOMPARE(throttle.rateBox()->singleStep(), 25.0);
        QCOMPARE(throttle.rateBox()->decimals(), 0);
        QCOMPARE(throttle.rateBox()->value(), 700.0);
        // A fractional step shows its decimals.
        throttle.setPicture(bounds(1, 10, 0.5), inForce(2, 2.5));
        QCOMPARE(throttle.rateBox()->decimals(), 2);
        QCOMPARE(throttle.rateBox()->value(), 2.5);
    }

    void nothingInForceReadsDashAndCannotApply()
    {
        ThrottleControl throttle;
        throttle.show();
        ControlOrigin unknown;
        unknown.known = false;
        throttle.setPicture(bounds(), {}, unknown);
        QCOMPARE(throttle.rateBox()->text().trimmed(), QStringLiteral("–"));   // never 0 before anything is known
        QVERIFY(throttle.inForceText().endsWith(QStringLiteral("–")));
        QVERIFY(!throttle.applyButton()->isEnabled());
        QVERIFY(!throttle.isDraft());
        // The first control state: the box shows it and Apply comes.
        throttle.setPicture(bounds(), inForce(1, 600));
        QCOMPARE(throttle.rateBox()->value(), 600.0);
        QVERIFY(throttle.applyButton()->isEnabled());
        QVERIFY2(throttle.inForceText().contains(QStringLiteral("600")), qPrintable(throttle.inForceText()));
    }

    void enteredRateIsADraftARemoteChangeDoesNotOverwrite()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        enter(throttle, QStringLiteral("750"));
        QVERIFY(throttle.isDraft());
        QVERIFY(draftMark(throttle)->isVisible());
        QVERIFY(throttle.discardButton()->isVisible());
        QCOMPARE(throttle.rateBox()->property("draft").toBool(), true);

        // park cuts the rate to 500/s at another console: the draft stays.
        throttle.setPicture(bounds(), inForce(2, 500), elsewhere());
        QCOMPARE(throttle.rateBox()->value(), 750.0);
        QVERIFY(throttle.isDraft());
        QCOMPARE(throttle.inForceRate(), 500.0);
        QVERIFY2(throttle.inForceText().contains(QStringLiteral("500")), qPrintable(throttle.inForceText()));
        const QString said = throttle.remoteChangeText();
        QVERIFY2(said.contains(QStringLiteral("500")) && said.contains(QStringLiteral("park (Osong)"))
                     && said.contains(QStringLiteral("20:05 KST")) && said.contains(QStringLiteral("750")),
                 qPrintable(said));

        // Apply asks for the draft, not for what is in force.
        QSignalSpy asked(&throttle, &ThrottleControl::rateRequested);
        throttle.applyButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toDouble(), 750.0);
    }

    // The operator is still typing (nothing entered yet) when park's change
    // arrives: what is typed is a draft as much as an entered rate is.
    void rateBeingTypedSurvivesARemoteChange()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        type(throttle, QStringLiteral("750"));
        QCOMPARE(throttle.rateBox()->cleanText(), QStringLiteral("750"));
        QVERIFY(throttle.isDraft());
        throttle.setPicture(bounds(), inForce(2, 500), elsewhere());
        QCOMPARE(throttle.rateBox()->cleanText(), QStringLiteral("750"));
        QVERIFY(!throttle.remoteChangeText().isEmpty());
        QVERIFY(throttle.isDraft());
    }

    // New bounds from the configuration arrive while the operator types: the
    // box takes them and keeps what is typed; a control state that only
    // repeats the revision in force leaves it alone too.
    void rateBeingTypedSurvivesNewBounds()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        type(throttle, QStringLiteral("900"));
        throttle.setPicture(bounds(50, 1500, 50), inForce(1, 600));
        QCOMPARE(throttle.rateBox()->maximum(), 1500.0);
        QCOMPARE(throttle.rateBox()->cleanText(), QStringLiteral("900"));
        QVERIFY(throttle.isDraft());
        throttle.setPicture(bounds(50, 1500, 50), inForce(1, 600));
        QCOMPARE(throttle.rateBox()->cleanText(), QStringLiteral("900"));
    }

    void applyTakesWhatIsTypedBeforeTheBoxCommitsIt()
    {
        // Keyboard tracking is off: the box commits on Enter or focus out, the
        // operator clicks Apply straight after typing.
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        type(throttle, QStringLiteral("900"));
        QSignalSpy asked(&throttle, &ThrottleControl::rateRequested);
        throttle.applyButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toDouble(), 900.0);
    }

    void withoutDraftTheBoxFollowsAndOwnChangeEndsTheDraft()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        throttle.setPicture(bounds(), inForce(2, 450), elsewhere());
        QCOMPARE(throttle.rateBox()->value(), 450.0);
        QVERIFY(!throttle.isDraft());
        QVERIFY(throttle.remoteChangeText().isEmpty());
        // A draft that is then applied (here or elsewhere) is simply in force.
        enter(throttle, QStringLiteral("800"));
        QVERIFY(throttle.isDraft());
        throttle.setPicture(bounds(), inForce(3, 800));
        QVERIFY(!throttle.isDraft());
        QVERIFY(!draftMark(throttle)->isVisible());
        QCOMPARE(throttle.rateBox()->value(), 800.0);
    }

    void discardShowsTheRateInForceAgain()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        enter(throttle, QStringLiteral("1000"));
        throttle.setPicture(bounds(), inForce(2, 550), elsewhere());
        QVERIFY(!throttle.remoteChangeText().isEmpty());
        throttle.discardButton()->click();
        QCOMPARE(throttle.rateBox()->value(), 550.0);
        QVERIFY(!throttle.isDraft());
        QVERIFY(throttle.remoteChangeText().isEmpty());
        QVERIFY(!throttle.discardButton()->isVisible());
        QCOMPARE(throttle.rateBox()->property("draft").toBool(), false);
    }

    void pauseAndResumeSwap()
    {
        ThrottleControl throttle;
        throttle.show();
        throttle.setPicture(bounds(), inForce(1, 600));
        QVERIFY(throttle.pauseButton()->isVisible());
        QVERIFY(!throttle.resumeButton()->isVisible());
        QSignalSpy pause(&throttle, &ThrottleControl::pauseRequested);
        throttle.pauseButton()->click();
        QCOMPARE(pause.size(), 1);   // it only asks: nothing changes until the state says so
        QVERIFY(throttle.pauseButton()->isVisible());

        throttle.setPicture(bounds(), inForce(2, 600, true));
        QVERIFY(!throttle.pauseButton()->isVisible());
        QVERIFY(throttle.resumeButton()->isVisible());
        QVERIFY2(throttle.inForceText().contains(QStringLiteral("paused")), qPrintable(throttle.inForceText()));
        QSignalSpy resume(&throttle, &ThrottleControl::resumeRequested);
        throttle.resumeButton()->click();
        QCOMPARE(resume.size(), 1);
    }
};

QTEST_MAIN(tst_ThrottleControl)
#include "tst_throttlecontrol.moc"
