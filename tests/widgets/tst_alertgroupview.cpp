// The flood view as the operator uses it: a group selected, one group opened
// and another closed by hand; then alerts change (acknowledged, escalated, a
// new one, one cleared) and the grouping model follows them row by row, so
// the selection and what the operator opened and closed survive. A reset
// would have lost all three.
#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/panels/AlertsPanel.h"
#include "models/itemmodels/AlertGroupModel.h"
#include "models/itemmodels/AlertModel.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using models::AlertGroupModel;
using models::AlertModel;

namespace {

const qint64 t0 = kSimStartMs + 30'000;

v1::Alert grouped(const std::string &id, const std::string &source, v1::Severity severity, qint64 raisedMs,
                  v1::AlertState state = v1::ALERT_ACTIVE_UNACKED)
{
    v1::Alert a = makeAlert(id, severity, state, raisedMs, source);
    a.set_flood_group(source);
    return a;
}

// The alerts dock in a flood: kakao's first out, naver's two, the queue's one,
// shown grouped (the engine says flood).
struct FloodDock
{
    FloodDock()
        : store(nullptr, clock.clock())
        , alerts(store)
        , panel(&alerts, store)
    {
        panel.resize(1200, 600);
        panel.show();
        v1::Alert first = grouped("k1", "provider/kakao", v1::SEVERITY_CRITICAL, t0);
        first.set_first_out(true);
        models::TelemetryBatch b = liveBatch(v1::ROLE_OPERATOR,
                                             {first, grouped("n1", "provider/naver", v1::SEVERITY_MINOR, t0 + 1000),
                                              grouped("n2", "provider/naver", v1::SEVERITY_MAJOR, t0 + 2000),
                                              grouped("q1", "queue", v1::SEVERITY_MAJOR, t0 + 3000)},
                                             clock.now);
        for (v1::SystemState *state : {b.snapshot->mutable_state(), &b.state}) {
            state->set_alert_flood(true);
            state->set_alerts_last_10min(14);
        }
        feed(b);
    }
    void feed(models::TelemetryBatch b)
    {
        b.messages = 1;
        b.lastMessageMonotonicMs = clock.now;
        store.apply(b);
    }
    void change(const v1::Alert &alert, v1::AlertTransition transition)
    {
        feed(alertEventBatch(alert, transition, 14, true));
    }
    QTreeView *tree() const { return panel.groupedView(); }
    QModelIndex group(const QString &key) const
    {
        const QAbstractItemModel *m = tree()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            if (m->index(row, 0).data(AlertModel::GroupRole).toString() == key)
                return m->index(row, 0);
        }
        return {};
    }

    FakeClock clock;
    models::SituationStore store;
    AlertModel alerts;
    widgets::AlertsPanel panel;
};

} // namespace

class tst_AlertGroupView : public QObject
{
    Q_OBJECT

private slots:
    void selectionAndExpansionSurviveChanges();
};

void tst_AlertGroupView::selectionAndExpansionSurviveChanges()
{
    FloodDock d;
    QVERIFY(d.panel.isGrouped());
    QTreeView *tree = d.tree();
    QVERIFY(tree->isVisible());
    auto *groups = qobject_cast<AlertGroupModel *>(tree->model());
    QVERIFY(groups);
    QCOMPARE(groups->groupCount(), 3);

    // The operator closes kakao's group, opens naver's and selects it.
    const QPersistentModelIndex kakao(d.group(QStringLiteral("provider/kakao")));
    const QPersistentModelIndex naver(d.group(QStringLiteral("provider/naver")));
    QVERIFY(kakao.isValid() && naver.isValid());
    tree->collapse(kakao);
    tree->expand(naver);
    tree->selectionModel()->setCurrentIndex(naver, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(!tree->isExpanded(kakao));
    QVERIFY(tree->isExpanded(naver));

    QSignalSpy resets(groups, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(groups, &QAbstractItemModel::layoutChanged);
    // Alerts change under it: naver's n1 acknowledged, kakao's k1 escalated
    // from critical's active severity, a new alert in naver's group, the
    // queue's q1 cleared (its group goes).
    d.change(grouped("n1", "provider/naver", v1::SEVERITY_MINOR, t0 + 1000, v1::ALERT_ACTIVE_ACKED),
             v1::TRANSITION_ACKNOWLEDGED);
    v1::Alert k1 = grouped("k1", "provider/kakao", v1::SEVERITY_CRITICAL, t0, v1::ALERT_ACTIVE_ACKED);
    k1.set_first_out(true);
    d.change(k1, v1::TRANSITION_ACKNOWLEDGED);
    d.change(grouped("n3", "provider/naver", v1::SEVERITY_CRITICAL, t0 + 4000), v1::TRANSITION_RAISED);
    d.change(grouped("q1", "queue", v1::SEVERITY_MAJOR, t0 + 3000, v1::ALERT_CLEARED), v1::TRANSITION_CLEARED);

    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(groups->groupCount(), 2);
    // The groups' figures followed the change.
    QCOMPARE(naver.data(AlertGroupModel::CountRole).toInt(), 3);
    QCOMPARE(naver.data(AlertGroupModel::UnackedRole).toInt(), 2);
    QCOMPARE(naver.data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_CRITICAL));
    QCOMPARE(kakao.data(AlertGroupModel::UnackedRole).toInt(), 0);
    // What the operator opened stays open, what they closed stays closed, and
    // the selection stays on naver's group.
    QVERIFY(naver.isValid() && kakao.isValid());
    QVERIFY(tree->isExpanded(naver));
    QVERIFY(!tree->isExpanded(kakao));
    QCOMPARE(tree->selectionModel()->currentIndex(), QModelIndex(naver));
    QVERIFY(tree->selectionModel()->isRowSelected(naver.row(), {}));
    QCOMPARE(tree->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(tree->selectionModel()->selectedRows().front().data(AlertModel::GroupRole).toString(),
             QStringLiteral("provider/naver"));
}

QTEST_MAIN(tst_AlertGroupView)
#include "tst_alertgroupview.moc"
