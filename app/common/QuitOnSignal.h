#pragma once

#include <QObject>

class QSocketNotifier;

namespace sitroom::appcommon {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so
// the simulator can write its report and close its sessions before exiting.
class QuitOnSignal final : public QObject
{
    Q_OBJECT

public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

signals:
    void received(int signalNumber);

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sitroom::appcommon
