#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

namespace sitroom::models {

// Makes the Commands an operator's decision turns into: a fresh command_id
// (a UUID, so a resend is recognised by the server), the control revision the
// decision was made on, the reason and whether the operator chose to act on
// stale data. Pure.
class ControlRequest final
{
public:
    ControlRequest(quint64 expectedRevision, QString reason, bool staleOverride = false);
    ControlRequest(const sitroom::v1::ControlState &control, QString reason, bool staleOverride = false);

    sitroom::v1::Command setAdmissionRate(double ratePerS) const;
    sitroom::v1::Command pauseAdmission() const;
    sitroom::v1::Command resumeAdmission() const;
    // disableForS: 0 = until someone enables it again; ignored when enabling.
    sitroom::v1::Command setProviderEnabled(const QString &providerId, bool enabled, quint32 disableForS = 0) const;
    sitroom::v1::Command approve(const QString &requestId) const;
    // Alerts: the reason is the acknowledgement's comment (and the command's
    // reason); runbookStep names the step taken, if any.
    sitroom::v1::Command acknowledgeAlert(const QString &alertId, const QString &runbookStep = {}) const;
    sitroom::v1::Command shelveAlert(const QString &alertId, quint32 durationS) const;
    sitroom::v1::Command unshelveAlert(const QString &alertId) const;
    // The room in command: offer or ask for it, answer a waiting handover,
    // take it without one (docs/controls.md).
    sitroom::v1::Command requestHandover() const;
    sitroom::v1::Command answerHandover(const QString &requestId, sitroom::v1::HandoverAnswer answer) const;
    sitroom::v1::Command takeCommand() const;

    static QString newCommandId();

private:
    sitroom::v1::Command base() const;

    quint64 m_revision;
    QString m_reason;
    bool m_staleOverride;
};

} // namespace sitroom::models
