#include "models/control/ControlRequest.h"

#include <QUuid>

#include <utility>

namespace sitroom::models {

ControlRequest::ControlRequest(quint64 expectedRevision, QString reason, bool staleOverride)
    : m_revision(expectedRevision)
    , m_reason(std::move(reason))
    , m_staleOverride(staleOverride)
{
}

ControlRequest::ControlRequest(const sitroom::v1::ControlState &control, QString reason, bool staleOverride)
    : ControlRequest(control.revision(), std::move(reason), staleOverride)
{
}

QString ControlRequest::newCommandId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

sitroom::v1::Command ControlRequest::base() const
{
    sitroom::v1::Command command;
    command.set_command_id(newCommandId().toStdString());
    command.set_expected_revision(m_revision);
    command.set_reason(m_reason.trimmed().toStdString());
    command.set_stale_override(m_staleOverride);
    return command;
}

sitroom::v1::Command ControlRequest::setAdmissionRate(double ratePerS) const
{
    sitroom::v1::Command command = base();
    command.mutable_set_admission_rate()->set_rate_per_s(ratePerS);
    return command;
}

sitroom::v1::Command ControlRequest::pauseAdmission() const
{
    sitroom::v1::Command command = base();
    command.mutable_pause_admission();
    return command;
}

sitroom::v1::Command ControlRequest::resumeAdmission() const
{
    sitroom::v1::Command command = base();
    command.mutable_resume_admission();
    return command;
}

sitroom::v1::Command ControlRequest::setProviderEnabled(const QString &providerId, bool enabled,
                                                        quint32 disableForS) const
{
    sitroom::v1::Command command = base();
    auto *action = command.mutable_set_provider_enabled();
    action->set_provider_id(providerId.toStdString());
    action->set_enabled(enabled);
    action->set_disable_for_s(enabled ? 0 : disableForS);
    return command;
}

sitroom::v1::Command ControlRequest::approve(const QString &requestId) const
{
    sitroom::v1::Command command = base();
    command.mutable_approve()->set_request_id(requestId.toStdString());
    return command;
}

sitroom::v1::Command ControlRequest::acknowledgeAlert(const QString &alertId, const QString &runbookStep) const
{
    sitroom::v1::Command command = base();
    auto *action = command.mutable_acknowledge_alert();
    action->set_alert_id(alertId.toStdString());
    action->set_comment(command.reason());
    action->set_runbook_step(runbookStep.trimmed().toStdString());
    return command;
}

sitroom::v1::Command ControlRequest::shelveAlert(const QString &alertId, quint32 durationS) const
{
    sitroom::v1::Command command = base();
    auto *action = command.mutable_shelve_alert();
    action->set_alert_id(alertId.toStdString());
    action->set_duration_s(durationS);
    return command;
}

sitroom::v1::Command ControlRequest::unshelveAlert(const QString &alertId) const
{
    sitroom::v1::Command command = base();
    command.mutable_unshelve_alert()->set_alert_id(alertId.toStdString());
    return command;
}

sitroom::v1::Command ControlRequest::requestHandover() const
{
    sitroom::v1::Command command = base();
    command.mutable_request_handover();
    return command;
}

sitroom::v1::Command ControlRequest::answerHandover(const QString &requestId, sitroom::v1::HandoverAnswer answer) const
{
    sitroom::v1::Command command = base();
    auto *action = command.mutable_answer_handover();
    action->set_request_id(requestId.toStdString());
    action->set_answer(answer);
    return command;
}

sitroom::v1::Command ControlRequest::takeCommand() const
{
    sitroom::v1::Command command = base();
    command.mutable_take_command();
    return command;
}

} // namespace sitroom::models
