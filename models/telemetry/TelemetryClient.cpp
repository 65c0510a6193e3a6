#include "models/telemetry/TelemetryClient.h"

#include "models/telemetry/NotSent.h"
#include "models/telemetry/TelemetryLog.h"
#include "models/telemetry/TelemetryWorker.h"

#include <QThread>

namespace sitroom::models {

void TelemetryClient::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

TelemetryClient::TelemetryClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<sitroom::models::TelemetryBatch>();
    qRegisterMetaType<sitroom::models::SharedTelemetryBatch>();
}

TelemetryClient::~TelemetryClient()
{
    // No one is left to hear the worker's last batch: it is not queued to an
    // object being destroyed (where it would only be thrown away).
    if (m_worker && m_thread && m_thread->isRunning())
        disconnect(m_worker, nullptr, this, nullptr);
    stop();
}

bool TelemetryClient::isRunning() const
{
    return m_thread != nullptr;
}

void TelemetryClient::start(const ConnectionSettings &settings)
{
    stop();
    std::unique_ptr<QThread, ThreadStopper> thread(new QThread);
    thread->setObjectName(QStringLiteral("sitroom-telemetry"));
    auto *worker = new TelemetryWorker(settings);
    worker->moveToThread(thread.get());
    connect(thread.get(), &QThread::started, worker, &TelemetryWorker::start);
    connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    // The shared batch crosses threads; here, on the GUI thread, it is handed
    // on by reference to whoever listens.
    connect(worker, &TelemetryWorker::batchReady, this,
            [this](const SharedTelemetryBatch &batch) { emit batchReady(*batch); }, Qt::QueuedConnection);
    m_worker = worker;
    m_thread = std::move(thread);
    qCInfo(lcNet) << "telemetry client starting for" << settings.host << settings.port;
    m_thread->start();
}

void TelemetryClient::sendCommand(const sitroom::v1::Command &command)
{
    if (!m_worker) {
        TelemetryBatch batch;
        batch.commandResults.push_back(notSentResult(command.command_id()));
        emit batchReady(batch);
        return;
    }
    TelemetryWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, command] { worker->sendCommand(command); }, Qt::QueuedConnection);
}

void TelemetryClient::requestAudit(const sitroom::v1::AuditRequest &request)
{
    if (!m_worker)
        return;
    TelemetryWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, request] { worker->requestAudit(request); }, Qt::QueuedConnection);
}

void TelemetryClient::stop()
{
    if (!m_thread)
        return;
    // The worker closes its socket in its own thread and sends its last batch
    // (Stopped) before the thread ends; it only does quick, non-blocking work,
    // so waiting for it here is short.
    if (m_worker && m_thread->isRunning())
        QMetaObject::invokeMethod(m_worker, &TelemetryWorker::stop, Qt::BlockingQueuedConnection);
    m_worker = nullptr;  // deleted by deleteLater when the thread finishes
    m_thread.reset();
}

} // namespace sitroom::models
