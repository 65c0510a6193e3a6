#include "tests/models/SituationFixtures.h"

#include "tests/support/CommandProgressFixtures.h"
#include "models/itemmodels/AuditModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::AuditModel;
using sitroom::models::SituationStore;

namespace {

v1::AuditEntry entry(quint64 id, const std::string &user = "kim")
{
    v1::AuditEntry e;
    e.set_id(id);
    e.set_time_ms(kSimStartMs + qint64(id) * 1000);
    e.set_user(user);
    e.set_site(v1::SITE_OSONG);
    e.set_action("set_admission_rate");
    e.set_reason("reason " + std::to_string(id));
    e.set_outcome("applied");
    return e;
}

models::TelemetryBatch auditBatch(std::initializer_list<quint64> ids)
{
    models::TelemetryBatch b;
    for (quint64 id : ids) {
        v1::Envelope env;
        *env.mutable_audit_event()->mutable_entry() = entry(id);
        b.events.push_back(env);
    }
    b.messages = 1;
    return b;
}

} // namespace

class tst_AuditModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<SituationStore>(nullptr, m_clock.clock());
        m_model = std::make_unique<AuditModel>(*m_store);
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        models::TelemetryBatch b = snapshotBatch(makeConfiguration({"naver"}), makeState(kSimStartMs, {"naver"}),
                                                 {}, m_clock.now);
        for (quint64 id : {1, 2, 3})
            *b.snapshot->add_recent_audit() = entry(id);
        m_store->apply(b);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_store.reset();
    }

    void newestFirstFromTheSnapshot()
    {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(AuditModel::ColumnCount));
        QCOMPARE(m_model->index(0, AuditModel::Reason).data().toString(), QStringLiteral("reason 3"));
        QCOMPARE(m_model->index(2, AuditModel::Reason).data().toString(), QStringLiteral("reason 1"));
        QCOMPARE(m_model->index(0, AuditModel::User).data().toString(), QStringLiteral("kim"));
        QCOMPARE(m_model->index(0, AuditModel::Site).data().toString(), QStringLiteral("Osong"));
        QCOMPARE(m_model->index(0, AuditModel::Outcome).data().toString(), QStringLiteral("applied"));
        QCOMPARE(m_model->index(0, AuditModel::Time).data(AuditModel::RawValueRole).toLongLong(),
                 kSimStartMs + 3000);
    }

    // The Time column is on the live system's clock, in its zone, whatever
    // the machine's; the header says so; an old row says it has the wall clock.
    void timesOnTheLiveSystemsClock_data()
    {
        QTest::addColumn<QByteArray>("machineZone");
        QTest::newRow("machine on UTC") << QByteArrayLiteral("UTC");
        QTest::newRow("machine in New York") << QByteArrayLiteral("America/New_York");
    }

    void timesOnTheLiveSystemsClock()
    {
        QFETCH(QByteArray, machineZone);
        qputenv("TZ", machineZone);
        v1::AuditEntry live = entry(4);
        live.set_time_ms(1700000000000);         // the gateway's wall clock
        live.set_source_time_ms(1628506887000);  // 2021-08-09 20:01:27 KST
        v1::AuditEntry old = entry(5);
        old.set_time_ms(1628506621000);          // 19:57:01 KST on the gateway's wall clock
        models::TelemetryBatch b;
        b.messages = 1;
        for (const v1::AuditEntry &e : {live, old}) {
            v1::Envelope env;
            *env.mutable_audit_event()->mutable_entry() = e;
            b.events.push_back(env);
        }
        m_store->apply(b);
        QCOMPARE(m_model->headerData(AuditModel::Time, Qt::Horizontal).toString(),
                 QStringLiteral("Time (live system, KST)"));
        QCOMPARE(m_model->index(1, AuditModel::Time).data().toString(), QStringLiteral("2021-08-09 20:01:27"));
        QCOMPARE(m_model->index(1, AuditModel::Time).data(AuditModel::RawValueRole).toLongLong(), 1628506887000);
        QCOMPARE(m_model->index(0, AuditModel::Time).data().toString(),
                 QStringLiteral("2021-08-09 19:57:01 (gateway clock)"));
        QVERIFY(m_model->index(1, AuditModel::Time).data(Qt::ToolTipRole).toString().contains(QStringLiteral("20:01:27 KST")));

        // A live system in another zone: the header and the rows follow it.
        QSignalSpy header(m_model.get(), &QAbstractItemModel::headerDataChanged);
        v1::Configuration config = makeConfiguration({"naver"});
        config.set_timezone("UTC");
        models::TelemetryBatch snap = snapshotBatch(config, makeState(kSimStartMs, {"naver"}), {}, m_clock.now);
        *snap.snapshot->add_recent_audit() = live;
        m_store->apply(snap);
        QVERIFY(header.size() >= 1);
        QCOMPARE(m_model->headerData(AuditModel::Time, Qt::Horizontal).toString(),
                 QStringLiteral("Time (live system, UTC)"));
        int row = 0;
        while (row < m_model->rowCount() && m_model->index(row, 0).data(AuditModel::IdRole).toULongLong() != 4)
            ++row;
        QVERIFY(row < m_model->rowCount());
        QCOMPARE(m_model->index(row, AuditModel::Time).data().toString(), QStringLiteral("2021-08-09 11:01:27"));
    }

    void eventsInsertAtTheTop()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_store->apply(auditBatch({4, 5}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->index(0, AuditModel::Reason).data().toString(), QStringLiteral("reason 5"));
        QCOMPARE(m_model->rowCount(), 5);
        // A repeat changes nothing.
        m_store->apply(auditBatch({5}));
        QCOMPARE(m_model->rowCount(), 5);
    }

    void boundedOldestLeaveAtTheBottom()
    {
        models::TelemetryBatch b;
        b.messages = 1;
        for (quint64 id = 4; id < 4 + SituationStore::kAuditCapacity; ++id) {
            v1::Envelope env;
            *env.mutable_audit_event()->mutable_entry() = entry(id);
            b.events.push_back(env);
        }
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_store->apply(b);
        QCOMPARE(m_model->rowCount(), int(SituationStore::kAuditCapacity));
        QCOMPARE(m_store->audit().front().id(), quint64(4));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_model->index(m_model->rowCount() - 1, 0).data(AuditModel::IdRole).toULongLong(), quint64(4));
    }

    void olderPageMergesInOrder()
    {
        m_store->apply(auditBatch({10}));
        models::TelemetryBatch b;
        v1::AuditResponse response;
        *response.add_entries() = entry(7);
        *response.add_entries() = entry(2);  // already held
        b.auditResponses.push_back(response);
        m_store->apply(b);
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->index(1, 0).data(AuditModel::IdRole).toULongLong(), quint64(7));
    }

    // Two identical throttles by kim a minute apart and one by lee: each row
    // gets its own command's stage, matched by user, action and time.
    void stagesBesideTheirRows()
    {
        const qint64 t0 = 1'750'000'000'000;  // gateway wall clock
        const auto row = [](quint64 id, qint64 timeMs, const std::string &user, const std::string &action) {
            v1::AuditEntry e = entry(id, user);
            e.set_time_ms(timeMs);
            e.set_action(action);
            return e;
        };
        models::TelemetryBatch rows;
        for (const v1::AuditEntry &e :
             {row(10, t0, "kim", "set admission rate to 500/s"),
              row(11, t0 + 60'000, "kim", "set admission rate to 500/s (stale data, overridden)"),
              row(12, t0 + 61'000, "lee", "set admission rate to 500/s"),
              row(13, t0 + 62'000, "kim", "acknowledge alert A1")}) {
            v1::Envelope env;
            *env.mutable_audit_event()->mutable_entry() = e;
            rows.events.push_back(env);
        }
        m_store->apply(rows);
        QCOMPARE(m_model->rowCount(), 7);
        const auto rowOf = [this](quint64 id) {
            for (int r = 0; r < m_model->rowCount(); ++r) {
                if (m_model->index(r, 0).data(AuditModel::IdRole).toULongLong() == id)
                    return r;
            }
            return -1;
        };
        const auto stage = [&](quint64 id) { return m_model->index(rowOf(id), AuditModel::Stage).data(AuditModel::StageRole); };
        QVERIFY(!stage(10).isValid());

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        models::TelemetryBatch first;
        // The second kim command's effect, 2.5 s after acceptance at t0+60.3 s.
        first.events.push_back(progressEnvelope(progress("k2", v1::COMMAND_STAGE_EFFECT_SEEN, 2500, t0 + 62'800)));
        // The first one was accepted at t0+0.2 s and is still being watched.
        first.events.push_back(progressEnvelope(progress("k1", v1::COMMAND_STAGE_ACCEPTED, 0, t0 + 200)));
        first.events.push_back(progressEnvelope(progress("l1", v1::COMMAND_STAGE_SENT, 0, t0 + 61'100, "set admission rate to 500/s", "lee")));
        m_store->apply(first);
        QCOMPARE(changed.size(), 3);
        for (const QList<QVariant> &args : changed) {
            QCOMPARE(args[0].toModelIndex().column(), int(AuditModel::Stage));
            QCOMPARE(args[0].toModelIndex(), args[1].toModelIndex());
        }
        QCOMPARE(stage(10).toInt(), int(v1::COMMAND_STAGE_ACCEPTED));
        QCOMPARE(stage(11).toInt(), int(v1::COMMAND_STAGE_EFFECT_SEEN));
        QCOMPARE(m_model->index(rowOf(11), AuditModel::Stage).data(AuditModel::StageAfterMsRole).toUInt(), 2500u);
        QCOMPARE(m_model->index(rowOf(11), AuditModel::Stage).data(AuditModel::CommandIdRole).toString(), QStringLiteral("k2"));
        QCOMPARE(stage(12).toInt(), int(v1::COMMAND_STAGE_SENT));
        QVERIFY(!stage(13).isValid());
        QCOMPARE(m_model->index(rowOf(11), AuditModel::Stage).data(AuditModel::RawValueRole).toInt(),
                 int(v1::COMMAND_STAGE_EFFECT_SEEN));

        // The first one gives up: only its row changes.
        changed.clear();
        models::TelemetryBatch later;
        later.events.push_back(progressEnvelope(progress("k1", v1::COMMAND_STAGE_EFFECT_NOT_SEEN, 30'000, t0 + 30'200)));
        m_store->apply(later);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), rowOf(10));
        QCOMPARE(stage(10).toInt(), int(v1::COMMAND_STAGE_EFFECT_NOT_SEEN));
        QCOMPARE(stage(11).toInt(), int(v1::COMMAND_STAGE_EFFECT_SEEN));
        QCOMPARE(m_model->headerData(AuditModel::Stage, Qt::Horizontal).toString(), QStringLiteral("In the live system"));
    }

    // A row that names its command is paired with that command's progress,
    // whatever the two texts say and however far apart their times are.
    void stageByCommandId()
    {
        const qint64 t0 = 1'750'000'000'000;
        v1::AuditEntry e = entry(20, "kim");
        e.set_time_ms(t0);
        e.set_action("set admission rate to 400/s");
        e.set_command_id("c-400");
        v1::AuditEntry other = entry(21, "kim");
        other.set_time_ms(t0 + 1'000);
        other.set_action("set admission rate to 400/s");
        models::TelemetryBatch rows;
        for (const v1::AuditEntry &row : {e, other}) {
            v1::Envelope env;
            *env.mutable_audit_event()->mutable_entry() = row;
            rows.events.push_back(env);
        }
        m_store->apply(rows);
        models::TelemetryBatch batch;
        // Its action text is the progress's own wording, and it comes late.
        batch.events.push_back(progressEnvelope(progress("c-400", v1::COMMAND_STAGE_EFFECT_SEEN, 1500, t0 + 600'000,
                                                         "kim did: throttle", "kim")));
        m_store->apply(batch);
        int row20 = -1, row21 = -1;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const quint64 id = m_model->index(r, 0).data(AuditModel::IdRole).toULongLong();
            row20 = id == 20 ? r : row20;
            row21 = id == 21 ? r : row21;
        }
        QVERIFY(row20 >= 0 && row21 >= 0);
        QCOMPARE(m_model->index(row20, AuditModel::Stage).data(AuditModel::StageRole).toInt(), int(v1::COMMAND_STAGE_EFFECT_SEEN));
        QCOMPARE(m_model->index(row20, AuditModel::Stage).data(AuditModel::CommandIdRole).toString(), QStringLiteral("c-400"));
        QVERIFY(!m_model->index(row21, AuditModel::Stage).data(AuditModel::StageRole).isValid());
    }

private:
    FakeClock m_clock;
    std::unique_ptr<SituationStore> m_store;
    std::unique_ptr<AuditModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(tst_AuditModel)
#include "tst_auditmodel.moc"
