// The sign-in dialog, offscreen, in Korean (the console's .qm): why it asks,
// the lock-out with the time left, remembering user and site but never the
// password.
#include "widgets/signin/SignInDialog.h"
#include "widgets/status/LinkText.h"

#include "tests/support/ConsoleLook.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using sitroom::models::LinkEvent;
using sitroom::models::LinkState;
using sitroom::widgets::SignInDialog;

namespace {

LinkEvent refusal(sitroom::v1::RefusalCode code, int retryAfterS = 0, bool everywhere = false)
{
    LinkEvent e;
    e.state = LinkState::Refused;
    e.refusal = code;
    e.retryAfterS = retryAfterS;
    e.lockedEverywhere = everywhere;
    e.detail = QStringLiteral("too many failed sign-ins for this user from this address; try again in 58 s");
    return e;
}

// Latin words other than the identifiers the text may name.
QStringList englishWords(const QString &text)
{
    QStringList words;
    const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (w != QStringLiteral("CA") && w != QStringLiteral("ca") && w != QStringLiteral("TLS"))
            words << w;
    }
    return words;
}

QPushButton *signInButton(SignInDialog &dialog)
{
    const auto buttons = dialog.findChild<QDialogButtonBox *>()->buttons();
    for (QAbstractButton *b : buttons) {
        if (dialog.findChild<QDialogButtonBox *>()->buttonRole(b) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(b);
    }
    return nullptr;
}

} // namespace

class tst_SignInDialog final : public QObject
{
    Q_OBJECT

private:
    sitroom::testing::ConsoleLook m_look{QStringLiteral("ko"), sitroom::console::Layout::Desktop};
    QTemporaryDir m_dir;

    static void type(SignInDialog &dialog, const QString &password)
    {
        dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"))->setText(password);
    }

    void shoot(QWidget &widget, const QString &name)
    {
        const QByteArray dir = qgetenv("SITROOM_SHOTS_DIR");
        if (!dir.isEmpty())
            widget.grab().save(QString::fromLocal8Bit(dir) + u'/' + name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
        QVERIFY(m_dir.isValid());
    }

    void asksInKorean()
    {
        SignInDialog dialog;
        dialog.setServer(QStringLiteral("127.0.0.1:7600"));
        dialog.setCredentials(QStringLiteral("kim"), QStringLiteral("osong"));
        dialog.show();
        QCOMPARE(dialog.windowTitle(), QStringLiteral("실시간 시스템에 로그인"));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("signInSite"))->currentText(), QStringLiteral("오송 상황실"));
        QPushButton *ok = signInButton(dialog);
        QVERIFY(ok);
        QCOMPARE(ok->text(), QStringLiteral("로그인"));
        QVERIFY(!ok->isEnabled());  // no password yet
        type(dialog, QStringLiteral("kim-pw"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.credentials().user, QStringLiteral("kim"));
        QCOMPARE(dialog.credentials().password, QStringLiteral("kim-pw"));
        QCOMPARE(dialog.credentials().site, QStringLiteral("osong"));
    }

    void wrongPasswordIsSaidAndTheFieldEmptied()
    {
        SignInDialog dialog;
        dialog.setCredentials(QStringLiteral("kim"), QStringLiteral("seoul"));
        type(dialog, QStringLiteral("typo"));
        dialog.setRefusal(refusal(sitroom::v1::REFUSAL_BAD_CREDENTIALS));
        dialog.show();
        const QString text = dialog.message();
        QVERIFY2(text.contains(QStringLiteral("비밀번호")), qPrintable(text));
        QVERIFY2(englishWords(text).isEmpty(), qPrintable(text));
        QVERIFY(dialog.credentials().password.isEmpty());
        QVERIFY(!signInButton(dialog)->isEnabled());
    }

    void lockOutSaysTheTimeLeftAndWhoIsNotAffected()
    {
        SignInDialog dialog;
        dialog.setServer(QStringLiteral("127.0.0.1:7600"));
        dialog.setCredentials(QStringLiteral("kim"), QStringLiteral("seoul"));
        dialog.setRefusal(refusal(sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS, 58));
        dialog.show();
        type(dialog, QStringLiteral("kim-pw"));
        const QString text = dialog.message();
        QVERIFY2(text.contains(QStringLiteral("58초")) || text.contains(QStringLiteral("57초")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("다른 곳")), qPrintable(text));  // colleagues elsewhere
        QVERIFY2(englishWords(text).isEmpty(), qPrintable(text));
        QVERIFY(dialog.secondsLeft() > 50);
        QPushButton *ok = signInButton(dialog);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(ok->text().contains(QStringLiteral("초")), qPrintable(ok->text()));
        // The text fits: the label is as wide as the dialog allows, nothing cut.
        QLabel *label = dialog.findChild<QLabel *>(QStringLiteral("signInMessage"));
        QVERIFY(label->wordWrap());
        QVERIFY(label->height() >= label->heightForWidth(label->width()));
        shoot(dialog, QStringLiteral("signin-lockout.png"));
    }

    void lockOutEndsAndTheButtonComesBack()
    {
        SignInDialog dialog;
        dialog.setCredentials(QStringLiteral("kim"), QStringLiteral("seoul"));
        dialog.setRefusal(refusal(sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS, 1));
        type(dialog, QStringLiteral("kim-pw"));
        QVERIFY(!signInButton(dialog)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(signInButton(dialog)->isEnabled(), 3000);
        QCOMPARE(dialog.secondsLeft(), 0);
        QVERIFY(englishWords(dialog.message()).isEmpty());
    }

    void lockOutEverywhereDoesNotPromiseColleagues()
    {
        SignInDialog dialog;
        dialog.setRefusal(refusal(sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS, 840, true));
        const QString text = dialog.message();
        QVERIFY2(text.contains(QStringLiteral("14분")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("영향을 받지 않")), qPrintable(text));
        QVERIFY2(englishWords(text).isEmpty(), qPrintable(text));
    }

    void remembersUserAndSiteNeverThePassword()
    {
        const QString path = m_dir.filePath(QStringLiteral("sitroom.conf"));
        {
            QSettings settings(path, QSettings::IniFormat);
            SignInDialog dialog;
            dialog.loadRemembered(settings);
            QVERIFY(dialog.credentials().user.isEmpty());
            QCOMPARE(dialog.credentials().site, QStringLiteral("seoul"));
            dialog.setCredentials(QStringLiteral("lee"), QStringLiteral("ministry"));
            type(dialog, QStringLiteral("secret-lee-pw"));
            dialog.remember(settings);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("lee"));
        QVERIFY2(!stored.contains("secret-lee-pw"), stored.constData());
        QVERIFY(!stored.toLower().contains("password"));

        QSettings settings(path, QSettings::IniFormat);
        SignInDialog again;
        again.loadRemembered(settings);
        QCOMPARE(again.credentials().user, QStringLiteral("lee"));
        QCOMPARE(again.credentials().site, QStringLiteral("ministry"));
        QVERIFY(again.credentials().password.isEmpty());
    }

    void connectionErrorsReadInKorean_data()
    {
        using sitroom::models::LinkFailure;
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("expected");
        QTest::newRow("untrusted") << int(LinkFailure::CertificateUntrusted) << QStringLiteral("/etc/sitroom/ca.pem") << QStringLiteral("--ca");
        QTest::newRow("unreadable ca") << int(LinkFailure::CaUnreadable) << QStringLiteral("/tmp/none.pem") << QStringLiteral("--ca");
        QTest::newRow("tls") << int(LinkFailure::TlsFailed) << QString() << QStringLiteral("--ca");
        QTest::newRow("refused") << int(LinkFailure::ConnectionRefused) << QStringLiteral("127.0.0.1:7600") << QStringLiteral("127.0.0.1:7600");
        QTest::newRow("closed") << int(LinkFailure::ServerClosedEarly) << QString() << QStringLiteral("서버");
        QTest::newRow("silence") << int(LinkFailure::Silence) << QString() << QStringLiteral("서버");
        QTest::newRow("timeout") << int(LinkFailure::HandshakeTimeout) << QString() << QStringLiteral("서버");
    }

    void connectionErrorsReadInKorean()
    {
        QFETCH(int, failure);
        QFETCH(QString, subject);
        QFETCH(QString, expected);
        LinkEvent e;
        e.state = LinkState::Failed;
        e.failure = sitroom::models::LinkFailure(failure);
        e.subject = subject;
        e.detail = QStringLiteral("The host name did not match any of the valid hosts for this certificate");
        e.retryInMs = 1600;
        e.attempt = 2;
        const QString text = sitroom::widgets::linkDescription(e);
        QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("host name")), qPrintable(text));
        QString withoutSubject = text;
        withoutSubject.remove(subject);
        QVERIFY2(englishWords(withoutSubject).isEmpty(), qPrintable(text));
    }

    void refusalsReadInKoreanWithoutTheServersWords_data()
    {
        QTest::addColumn<int>("code");
        for (int code = sitroom::v1::REFUSAL_UNSUPPORTED_VERSION; code <= sitroom::v1::REFUSAL_SERVER_SHUTTING_DOWN; ++code)
            QTest::newRow(sitroom::v1::RefusalCode_Name(sitroom::v1::RefusalCode(code)).c_str()) << code;
    }

    void refusalsReadInKoreanWithoutTheServersWords()
    {
        QFETCH(int, code);
        const LinkEvent e = refusal(sitroom::v1::RefusalCode(code), 42);
        const QString text = sitroom::widgets::linkDescription(e);
        QVERIFY2(englishWords(text).isEmpty(), qPrintable(text));
        if (e.refusedCredentials())
            QVERIFY2(text.contains(QStringLiteral("다시 시도하지 않습니다")), qPrintable(text));
    }
};

QTEST_MAIN(tst_SignInDialog)
#include "tst_signindialog.moc"
