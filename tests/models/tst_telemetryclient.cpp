#include <QtTest>
class TestTelemetryClient final : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestTelemetryClient)
#include "tst_telemetryclient.moc"
