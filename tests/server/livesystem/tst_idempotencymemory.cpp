#include "server/livesystem/IdempotencyMemory.h"

#include <QTest>

using namespace sitroom::livesystem;

class TestIdempotencyMemory final : public QObject
{
    Q_OBJECT

private slots:
    void repeat_givesTheFirstAnswer()
    {
        IdempotencyMemory memory;
        const ControlAnswer first{200, R"({"applied":true,"revision":4})"};
        QCOMPARE(memory.check("k1", "body", nullptr), IdempotencyMemory::Seen::New);
        memory.remember("k1", "body", first);
        ControlAnswer again;
        QCOMPARE(memory.check("k1", "body", &again), IdempotencyMemory::Seen::Repeat);
        QCOMPARE(again, first);
        // Remembering again under the key does not replace the first answer.
        memory.remember("k1", "body", ControlAnswer{409, "x"});
        QCOMPARE(memory.check("k1", "body", &again), IdempotencyMemory::Seen::Repeat);
        QCOMPARE(again, first);
    }

    void otherBody_isAConflict()
    {
        IdempotencyMemory memory;
        memory.remember("k1", "body", ControlAnswer{200, "{}"});
        QCOMPARE(memory.check("k1", "body ", nullptr), IdempotencyMemory::Seen::Conflict);
        QCOMPARE(memory.check("k2", "body", nullptr), IdempotencyMemory::Seen::New);
    }

    void oldestKey_isForgottenFirst()
    {
        IdempotencyMemory memory(3);
        for (int i = 0; i < 4; ++i)
            memory.remember("k" + QByteArray::number(i), "b", ControlAnswer{200, QByteArray::number(i)});
        QCOMPARE(memory.size(), 3);
        QCOMPARE(memory.check("k0", "b", nullptr), IdempotencyMemory::Seen::New);
        ControlAnswer a;
        QCOMPARE(memory.check("k1", "b", &a), IdempotencyMemory::Seen::Repeat);
        QCOMPARE(a.body, QByteArray("1"));
        QCOMPARE(memory.check("k3", "b", &a), IdempotencyMemory::Seen::Repeat);
    }

    void defaultCapacity_keepsAThousand()
    {
        IdempotencyMemory memory;
        for (int i = 0; i < 1200; ++i)
            memory.remember(QByteArray::number(i), "b", ControlAnswer{200, {}});
        QCOMPARE(memory.size(), 1000);
        QCOMPARE(memory.check("199", "b", nullptr), IdempotencyMemory::Seen::New);
        QCOMPARE(memory.check("200", "b", nullptr), IdempotencyMemory::Seen::Repeat);
    }
};

QTEST_GUILESS_MAIN(TestIdempotencyMemory)
#include "tst_idempotencymemory.moc"
