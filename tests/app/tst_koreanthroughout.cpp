// Korean throughout (issue 11): the console, offscreen, in Korean, against the
// real sitroom-sim running the cascade-drill flood, after a throttle, a
// request and its approval by a second supervisor, a timed disable that ends
// by itself, an acknowledged alert with its runbook step and sign-ins (one
// refused), so the audit and the alerts have every kind of row. On the desk,
// laptop (compact) and wall layouts it walks every visible widget's text and
// tooltip, every item view's cells and headers, the charts' axes and series,
// and the alert and control dialogs, and fails listing each string with a
// Latin-letter word that is not a name, a unit or an identifier, and where.
#include "app/console/MainWindow.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/controls/AuditPanel.h"
#include "models/control/ControlRequest.h"
#include "widgets/controls/ControlDesk.h"
#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "widgets/panels/AlertsPanel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextEdit>
#include <QTranslator>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractSeries>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtTest>

#include <memory>

using namespace sitroom;
using sitroom::console::Layout;
using sitroom::console::MainWindow;

namespace {

constexpr int kWaitMs = 30000;

// Latin-letter words the Korean UI may show. Everything else in Latin
// letters is English that leaked.
const QSet<QString> &allowedWords()
{
    static const QSet<QString> words{
        // Names: the verification providers as their brands write themselves,
        // the product and its command-line client.
        QStringLiteral("Naver"), QStringLiteral("Kakao"), QStringLiteral("PASS"), QStringLiteral("Sitroom"),
        QStringLiteral("sitroomctl"),
        // The test's user ids, and the gateway's own name for itself.
        QStringLiteral("kim"), QStringLiteral("lee"), QStringLiteral("park"), QStringLiteral("choi"),
        QStringLiteral("han"), QStringLiteral("system"),
        // Formats and protocols, by the names their files and settings carry.
        QStringLiteral("CSV"), QStringLiteral("csv"), QStringLiteral("PDF"), QStringLiteral("TLS"),
        // Units and zones.
        QStringLiteral("ms"), QStringLiteral("s"), QStringLiteral("KST"), QStringLiteral("UTC"),
        QStringLiteral("p95"), QStringLiteral("p99"),
        // The file a wrong CA is fixed with (--ca), named as the option is.
        QStringLiteral("CA"), QStringLiteral("ca"),
    };
    return words;
}

// A word made of letters, with inner ' - _ . # / : when they join letters or
// digits ("queue-wait#5", "provider.error_rate/kakao", "A12").
const QRegularExpression &latinWord()
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z][A-Za-z0-9]*(?:[-_.#/:'][A-Za-z0-9]+)*"));
    return re;
}

// An identifier: has a digit, an underscore, a dot, a # or a slash inside
// (alert ids, rule keys, runbook steps, figure names, addresses, request ids).
bool isIdentifier(const QString &word)
{
    static const QRegularExpression re(QStringLiteral("[0-9_.#/]"));
    return word.contains(re) || (word.contains(u'-') && word.toLower() == word);
}

QStringList offendingWords(QString text)
{
    // A menu's keyboard mnemonic, as Korean menus write it: "보기(&V)".
    // Qt drops the "&" in the tooltip it makes from an action's text: "(R)".
    static const QRegularExpression mnemonic(QStringLiteral("\\(&?[A-Z]\\)"));
    text.remove(mnemonic);
    QStringList out;
    auto it = latinWord().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString word = m.captured();
        if (word.endsWith(QLatin1String("'s")))
            word.chop(2);  // "kim's": the name it belongs to
        // A command-line option ("--server", "--ca") is an identifier.
        const bool option = m.capturedStart() >= 2 && QStringView(text).mid(m.capturedStart() - 2, 2) == u"--";
        if (option || allowedWords().contains(word) || isIdentifier(word))
            continue;
        out << word;
    }
    return out;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

QString whereIs(const QObject *o)
{
    QStringList path;
    for (const QObject *p = o; p; p = p->parent()) {
        path.prepend(p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className())
                                               : QString::fromLatin1(p->metaObject()->className()) + u'#' + p->objectName());
        if (path.size() > 4)
            break;
    }
    return path.join(QStringLiteral(" > "));
}

// A delegate's initStyleOption is protected: reached through a class that
// makes it public, it still calls the view's own delegate's override.
struct DelegateAccess : QStyledItemDelegate
{
    using QStyledItemDelegate::initStyleOption;
};

// What a view paints in a cell: its delegate's words for the cell's data
// (e.g. an alert's source "backend" as 예약 시스템), else the display text.
QString paintedText(const QAbstractItemView *view, const QModelIndex &index)
{
    auto *delegate = qobject_cast<QStyledItemDelegate *>(view ? view->itemDelegateForIndex(index) : nullptr);
    if (!delegate) {
        const QVariant display = index.data(Qt::DisplayRole);
        return display.userType() == QMetaType::QString ? display.toString() : QString();
    }
    QStyleOptionViewItem option;
    option.initFrom(view);
    (delegate->*(&DelegateAccess::initStyleOption))(&option, index);
    return option.text;
}

// Every string a person can read on or over a widget tree.
class TextWalk
{
public:
    void add(const QString &text, const QString &where)
    {
        const QString p = plain(text);
        const QStringList words = offendingWords(p);
        ++m_checked;
        if (!words.isEmpty())
            m_found << QStringLiteral("%1: \"%2\" (%3)").arg(where, p.left(300), words.join(QStringLiteral(", ")));
    }

    void model(const QAbstractItemView *view, const QAbstractItemModel *m, const QModelIndex &parent, const QString &where,
               int depth = 0)
    {
        if (!m || depth > 3)
            return;
        if (!parent.isValid()) {
            for (int c = 0; c < m->columnCount(); ++c)
                add(m->headerData(c, Qt::Horizontal).toString(), where + QStringLiteral(" header"));
        }
        const int rows = std::min(m->rowCount(parent), 200);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < m->columnCount(parent); ++c) {
                const QModelIndex i = m->index(r, c, parent);
                add(paintedText(view, i), where + QStringLiteral(" [%1,%2]").arg(r).arg(c));
                add(i.data(Qt::ToolTipRole).toString(), where + QStringLiteral(" tooltip [%1,%2]").arg(r).arg(c));
            }
            model(view, m, m->index(r, 0, parent), where + QStringLiteral(" >%1").arg(r), depth + 1);
        }
    }

    void chart(QChart *chart, const QString &where)
    {
        add(chart->title(), where + QStringLiteral(" title"));
        for (QAbstractAxis *axis : chart->axes()) {
            add(axis->titleText(), where + QStringLiteral(" axis title"));
            if (auto *categories = qobject_cast<QCategoryAxis *>(axis))
                add(categories->categoriesLabels().join(u' '), where + QStringLiteral(" axis labels"));
        }
        for (const QAbstractSeries *series : chart->series())
            add(series->name(), where + QStringLiteral(" series"));
    }

    void widgetTree(QWidget *root)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        add(root->windowTitle(), whereIs(root) + QStringLiteral(" title"));
        for (QWidget *w : std::as_const(widgets)) {
            if (!w->isVisibleTo(root) && w != root)
                continue;
            const QString where = whereIs(w);
            add(w->toolTip(), where + QStringLiteral(" tooltip"));
            add(w->accessibleName(), where + QStringLiteral(" accessible name"));
            add(w->statusTip(), where + QStringLiteral(" status tip"));
            if (auto *l = qobject_cast<QLabel *>(w))
                add(l->text(), where);
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                add(b->text(), where);
            if (auto *g = qobject_cast<QGroupBox *>(w))
                add(g->title(), where);
            if (auto *d = qobject_cast<QDockWidget *>(w))
                add(d->windowTitle(), where);
            if (auto *e = qobject_cast<QLineEdit *>(w)) {
                add(e->text(), where);
                add(e->placeholderText(), where + QStringLiteral(" placeholder"));
            }
            if (auto *e = qobject_cast<QPlainTextEdit *>(w)) {
                add(e->toPlainText(), where);
                add(e->placeholderText(), where + QStringLiteral(" placeholder"));
            }
            if (auto *e = qobject_cast<QTextEdit *>(w)) {
                add(e->toPlainText(), where);
                add(e->placeholderText(), where + QStringLiteral(" placeholder"));
            }
            if (auto *c = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < c->count(); ++i)
                    add(c->itemText(i), where + QStringLiteral(" item"));
            }
            if (auto *t = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < t->count(); ++i) {
                    add(t->tabText(i), where + QStringLiteral(" tab"));
                    add(t->tabToolTip(i), where + QStringLiteral(" tab tooltip"));
                }
            }
            // A header view paints its own sections (headerData), not the model's cells.
            if (auto *v = qobject_cast<QAbstractItemView *>(w); v && !qobject_cast<QHeaderView *>(w))
                model(v, v->model(), {}, where);
            if (auto *cv = qobject_cast<QChartView *>(w))
                chart(cv->chart(), where);
            if (auto *ts = qobject_cast<widgets::TimeSeriesChart *>(w)) {
                add(ts->timeAxisTitle(), where + QStringLiteral(" time axis title"));
                add(ts->timeAxisLabels().join(u' '), where + QStringLiteral(" time axis labels"));
            }
            if (auto *bar = qobject_cast<QMenuBar *>(w)) {
                for (QAction *a : bar->actions()) {
                    add(a->text(), where + QStringLiteral(" menu"));
                    if (a->menu()) {
                        for (QAction *item : a->menu()->actions()) {
                            add(item->text(), where + QStringLiteral(" menu item"));
                            add(item->toolTip(), where + QStringLiteral(" menu item tooltip"));
                        }
                    }
                }
            }
        }
    }

    const QStringList &found() const { return m_found; }
    int checked() const { return m_checked; }

private:
    QStringList m_found;
    int m_checked = 0;
};

// A headless client that signs in and sends commands, for the traffic the
// console under test then shows.
struct Actor
{
    Actor(quint16 port, const QString &tlsDir, const QString &user, v1::Site site, const QString &password = {})
    {
        QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        QObject::connect(&client, &models::TelemetryClient::batchReady, &store, [this](const models::TelemetryBatch &b) {
            for (const auto &r : b.commandResults)
                results.insert(QString::fromStdString(r.command_id()), r);
        });
        models::ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.caFile = tlsDir + QStringLiteral("/ca.pem");
        s.user = user;
        s.password = password.isEmpty() ? user + QStringLiteral("-pw") : password;
        s.site = site;
        s.clientName = QStringLiteral("tst_koreanthroughout");
        client.start(s);
    }

    // Sends and waits for the answer (an unset status when none came).
    v1::CommandResult send(const v1::Command &command)
    {
        const QString id = QString::fromStdString(command.command_id());
        client.sendCommand(command);
        QDeadlineTimer deadline(kWaitMs);
        while (!results.contains(id) && !deadline.hasExpired())
            QTest::qWait(20);
        return results.value(id);
    }

    models::ControlRequest request(const QString &reason) const { return models::ControlRequest(store.control(), reason); }

    models::SituationStore store;
    models::TelemetryClient client;
    QHash<QString, v1::CommandResult> results;
};

console::ConsoleOptions koreanOptions(quint16 port, const QString &tls)
{
    console::ConsoleOptions o;
    o.serverText = QStringLiteral("127.0.0.1:%1").arg(port);
    o.connection.host = QStringLiteral("127.0.0.1");
    o.connection.port = port;
    o.connection.caFile = tls + QStringLiteral("/ca.pem");
    o.connection.user = QStringLiteral("park");
    o.connection.password = QStringLiteral("park-pw");
    o.connection.site = v1::SITE_SEOUL;
    o.connection.clientName = QStringLiteral("sitroom");
    o.language = QStringLiteral("ko");
    return o;
}

// With SITROOM_SHOTS_DIR set, the window and its audit and alert docks as
// they were checked, for docs/screenshots (korean-*.png).
void shoot(MainWindow &window, Layout layout, QSize size)
{
    const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    const QString name = layout == Layout::Desktop ? QStringLiteral("desk") : layout == Layout::Compact ? QStringLiteral("laptop") : QStringLiteral("wall");
    const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
    window.grab().save(dir + QStringLiteral("/korean-") + name + suffix);
    // The audit dock brought to the front of its tab group, then the window again.
    if (widgets::AuditPanel *audit = window.auditPanel()) {
        for (QWidget *p = audit; p; p = p->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(p)) {
                dock->show();
                dock->raise();
                break;
            }
        }
        QTest::qWait(100);
        window.grab().save(dir + QStringLiteral("/korean-audit-") + name + suffix);
        // And the audit on its own, floated wide enough for every column.
        for (QWidget *p = audit; p; p = p->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(p)) {
                dock->setFloating(true);
                dock->resize(std::min(size.width(), 1700), std::min(size.height(), 700));
                QTest::qWait(100);
                dock->grab().save(dir + QStringLiteral("/korean-auditpanel-") + name + suffix);
                dock->setFloating(false);
                break;
            }
        }
    }
}

} // namespace

class TestKoreanThroughout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-korean"));
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        // As the console's theme sets it: Hangul and Latin from one family.
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
        const QString qm = QStringLiteral(SITROOM_QM_DIR "/sitroom_ko.qm");
        QVERIFY2(m_own.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&m_own);
        if (m_qt.load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }

    // The checker itself: English is found, names, units and identifiers are not.
    void checkerTellsEnglishFromNames()
    {
        QCOMPARE(offendingWords(QStringLiteral("approved kim's request")), (QStringList{QStringLiteral("approved"), QStringLiteral("request")}));
        QCOMPARE(offendingWords(QStringLiteral("-30 min")), QStringList{QStringLiteral("min")});
        QCOMPARE(offendingWords(QStringLiteral("timed disable ended")).size(), 3);
        QVERIFY(offendingWords(QStringLiteral("경보 A12 확인 (provider.error_rate/kakao) · 20:01:27 KST · 120 ms · kim")).isEmpty());
        QVERIFY(offendingWords(QStringLiteral("수행한 조치 단계: queue-wait#5 · Naver · PASS")).isEmpty());
        QVERIFY(offendingWords(QStringLiteral("보기(&V) · --server 뒤에 ‘주소:포트’")).isEmpty());
    }

    void noEnglishOnAnyLayout()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const QString users = dir.filePath(QStringLiteral("users.json"));
        QVERIFY(testing::writeUsersFile(users, testing::standardTestUsers()));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls,
                            QStringLiteral("--users"), users, QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")),
                            QStringLiteral("--scenario"), QStringLiteral("cascade-drill"),
                            QStringLiteral("--fast-forward"), QStringLiteral("43m"),
                            QStringLiteral("--speed"), QStringLiteral("10"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                           &error),
                 qPrintable(error));

        // Traffic: a refused sign-in, a throttle, a request and its approval,
        // a timed disable approved and ending by itself, an acknowledged alert.
        {
            Actor typo(sim.port(), tls, QStringLiteral("han"), v1::SITE_OSONG, QStringLiteral("wrong"));
            QTRY_VERIFY_WITH_TIMEOUT(typo.store.link().state == models::LinkState::Refused, kWaitMs);
        }
        Actor kim(sim.port(), tls, QStringLiteral("kim"), v1::SITE_SEOUL);
        Actor park(sim.port(), tls, QStringLiteral("park"), v1::SITE_SEOUL);
        Actor choi(sim.port(), tls, QStringLiteral("choi"), v1::SITE_MINISTRY);
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.isLive() && park.store.isLive() && choi.store.isLive(), kWaitMs);

        // The controls in force have arrived (a first tick can come before them).
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.control().revision() > 0 && kim.store.control().admission_rate_per_s() > 0, kWaitMs);
        const double rate = kim.store.control().admission_rate_per_s();
        const v1::CommandResult throttled = kim.send(kim.request(QStringLiteral("대기열 안정, 소폭 조정")).setAdmissionRate(rate * 0.95));
        QVERIFY2(throttled.status() == v1::COMMAND_APPLIED,
                 qPrintable(QStringLiteral("%1: %2 (rate in force %3)").arg(int(throttled.status())).arg(QString::fromStdString(throttled.message())).arg(rate)));
        const v1::CommandResult asked = kim.send(kim.request(QStringLiteral("백엔드 보호")).pauseAdmission());
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        QTRY_VERIFY_WITH_TIMEOUT(park.store.control().pending_size() > 0, kWaitMs);
        QCOMPARE(park.send(park.request(QStringLiteral("확인함")).approve(QString::fromStdString(asked.request_id()))).status(),
                 v1::COMMAND_APPLIED);
        QCOMPARE(park.send(park.request(QStringLiteral("재개")).resumeAdmission()).status(), v1::COMMAND_APPLIED);
        const QString provider = QString::fromStdString(park.store.control().providers(0).id());
        const v1::CommandResult disable = park.send(park.request(QStringLiteral("오류율 급증")).setProviderEnabled(provider, false, 60));
        QCOMPARE(disable.status(), v1::COMMAND_PENDING_APPROVAL);
        QTRY_VERIFY_WITH_TIMEOUT(choi.store.control().pending_size() > 0, kWaitMs);
        QCOMPARE(choi.send(choi.request(QStringLiteral("동의")).approve(QString::fromStdString(disable.request_id()))).status(),
                 v1::COMMAND_APPLIED);
        // A refusal with the server's reason: an operator may not disable a provider.
        QCOMPARE(kim.send(kim.request(QStringLiteral("시험")).setProviderEnabled(provider, false)).status(), v1::COMMAND_REFUSED);
        // The flood raises alerts; kim acknowledges one with a runbook step.
        QTRY_VERIFY_WITH_TIMEOUT(!kim.store.alerts().empty(), kWaitMs);
        const QString alertId = QString::fromStdString(kim.store.alerts().front().id());
        QCOMPARE(kim.send(kim.request(QStringLiteral("확인, 조치 중")).acknowledgeAlert(alertId, QStringLiteral("provider-failing#2"))).status(),
                 v1::COMMAND_APPLIED);
        // The timed disable ends on the live clock (60 s at 10x).
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.control().providers(0).enabled(), kWaitMs);

        for (const Layout layout : {Layout::Desktop, Layout::Compact, Layout::Wall}) {
            const QSize size = layout == Layout::Compact ? QSize(1366, 768) : QSize(1920, 1080);
            models::SituationStore store;
            models::ProviderModel providers(store);
            models::CohortModel cohorts(store);
            models::AlertModel alerts(store);
            models::TelemetryClient client;
            QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
            const console::ConsoleOptions options = koreanOptions(sim.port(), tls);
            MainWindow window({&store, &providers, &cohorts, &alerts}, options, layout);
            if (widgets::AlertDesk *desk = window.alertDesk())
                QObject::connect(desk, &widgets::AlertDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            client.start(options.connection);
            QTRY_VERIFY_WITH_TIMEOUT(store.isLive() && store.audit().size() >= 10 && !store.alerts().empty(), kWaitMs);
            // A second of ticks, so the charts have drawn their axes.
            const qint64 seen = store.lastServerTimeMs();
            QTRY_VERIFY_WITH_TIMEOUT(store.lastServerTimeMs() > seen + 1000, kWaitMs);

            if (layout != Layout::Wall && window.alertsPanel())
                window.alertsPanel()->selectAlert(alertId);  // its details and its runbook beside
            TextWalk walk;
            walk.widgetTree(&window);
            // Docks tabbed behind another one are shown with a click: theirs too.
            for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
                if (!dock->isHidden() && dock->widget())
                    walk.widgetTree(dock->widget());
            }
            shoot(window, layout, size);
            const QString name = layout == Layout::Desktop ? QStringLiteral("desk")
                : layout == Layout::Compact                ? QStringLiteral("compact")
                                                           : QStringLiteral("wall");
            if (layout == Layout::Desktop) {
                // (The laptop layout reads; it does not act: no dialogs there.)
                // The alert dialogs, on the alert kim acknowledged and on a standing one.
                widgets::AlertsPanel *panel = window.alertsPanel();
                QVERIFY(panel);
                QVERIFY(panel->selectAlert(alertId));
                walk.widgetTree(panel);
                for (const auto &a : store.alerts()) {
                    if (a.state() != v1::ALERT_ACTIVE_UNACKED)
                        continue;
                    QVERIFY(panel->selectAlert(QString::fromStdString(a.id())));
                    QTRY_VERIFY_WITH_TIMEOUT(panel->ackButton()->isEnabled(), kWaitMs);
                    panel->ackButton()->click();
                    QTRY_VERIFY_WITH_TIMEOUT(window.alertDesk()->activeAckDialog(), kWaitMs);
                    walk.widgetTree(window.alertDesk()->activeAckDialog());
                    window.alertDesk()->activeAckDialog()->reject();
                    QTRY_VERIFY_WITH_TIMEOUT(panel->shelveButton()->isEnabled(), kWaitMs);
                    panel->shelveButton()->click();
                    QTRY_VERIFY_WITH_TIMEOUT(window.alertDesk()->activeShelveDialog(), kWaitMs);
                    walk.widgetTree(window.alertDesk()->activeShelveDialog());
                    window.alertDesk()->activeShelveDialog()->reject();
                    break;
                }
                // The control confirmation, with its current and new values and effect.
                widgets::ControlDesk *desk = window.controlDesk();
                QVERIFY(desk);
                desk->proposeRate(store.control().admission_rate_per_s() * 0.5);
                QTRY_VERIFY_WITH_TIMEOUT(desk->activeDialog(), kWaitMs);
                walk.widgetTree(desk->activeDialog());
                desk->activeDialog()->reject();
            }
            qInfo().noquote() << name << "layout:" << walk.checked() << "strings checked";
            for (const QString &f : walk.found())
                qWarning().noquote() << "English in the Korean" << name << "layout:" << f;
            QVERIFY2(walk.found().isEmpty(),
                     qPrintable(QStringLiteral("English in the Korean %1 layout:\n  ").arg(name)
                                + walk.found().join(QStringLiteral("\n  "))));
            QVERIFY(walk.checked() > 100);
        }
    }

private:
    QTranslator m_own;
    QTranslator m_qt;
};

QTEST_MAIN(TestKoreanThroughout)
#include "tst_koreanthroughout.moc"
