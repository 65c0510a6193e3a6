#include "gateway/CommandWords.h"

namespace sitroom::gateway {

namespace {

QString s(const std::string &text)
{
    return QString::fromStdString(text);
}

QString rate(double r)
{
    return QString::number(r, 'g', 10) + QStringLiteral("/s");
}

} // namespace

QString commandStatusWord(sitroom::v1::CommandStatus status)
{
    switch (status) {
    case sitroom::v1::COMMAND_APPLIED: return QStringLiteral("applied");
    case sitroom::v1::COMMAND_PENDING_APPROVAL: return QStringLiteral("pending approval");
    case sitroom::v1::COMMAND_REFUSED: return QStringLiteral("refused");
    case sitroom::v1::COMMAND_CONFLICT: return QStringLiteral("conflict");
    case sitroom::v1::COMMAND_INVALID: return QStringLiteral("invalid");
    case sitroom::v1::COMMAND_EXPIRED: return QStringLiteral("expired");
    default: return QStringLiteral("unknown");
    }
}

QString describeCommand(const sitroom::v1::Command &c)
{
    QString text;
    switch (c.action_case()) {
    case sitroom::v1::Command::kSetAdmissionRate: text = QStringLiteral("set admission rate to ") + rate(c.set_admission_rate().rate_per_s()); break;
    case sitroom::v1::Command::kPauseAdmission: text = QStringLiteral("pause admission"); break;
    case sitroom::v1::Command::kResumeAdmission: text = QStringLiteral("resume admission"); break;
    case sitroom::v1::Command::kSetProviderEnabled: {
        const auto &p = c.set_provider_enabled();
        text = (p.enabled() ? QStringLiteral("enable provider ") : QStringLiteral("disable provider ")) + s(p.provider_id());
        if (!p.enabled() && p.disable_for_s())
            text += QStringLiteral(" for %1 s").arg(p.disable_for_s());
        break;
    }
    case sitroom::v1::Command::kApprove: text = QStringLiteral("approve request ") + s(c.approve().request_id()); break;
    case sitroom::v1::Command::kAcknowledgeAlert: text = QStringLiteral("acknowledge alert ") + s(c.acknowledge_alert().alert_id()); break;
    case sitroom::v1::Command::kShelveAlert: text = QStringLiteral("shelve alert ") + s(c.shelve_alert().alert_id()); break;
    case sitroom::v1::Command::kUnshelveAlert: text = QStringLiteral("unshelve alert ") + s(c.unshelve_alert().alert_id()); break;
    case sitroom::v1::Command::ACTION_NOT_SET: text = QStringLiteral("(no action)"); break;
    }
    if (c.stale_override())
        text += QStringLiteral(" (stale data, overridden)");
    return text;
}

} // namespace sitroom::gateway
