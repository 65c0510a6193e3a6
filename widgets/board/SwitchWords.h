#pragma once

#include <QCoreApplication>
#include <QString>

namespace sitroom::widgets {

// Who switched a provider off or back on, why, until when, and how far it has
// ramped back in: the control in force, as its tile says it. Times on the
// live system's clock, labelled with its zone.
struct ProviderSwitch
{
    bool enabled = true;
    QString by;                // user; empty when nobody switched it
    quint32 site = 0;          // a sitroom::v1::Site value
    QString reason;
    QString approvedBy;        // second supervisor; empty when none
    qint64 disabledUntilMs = 0; // 0: until re-enabled by hand
    double rampProgress = -1.0; // 0..1 while ramping back in, else < 0
    qint64 rampEndMs = 0;
    qint64 nowMs = 0;           // live system's clock
    QString timeZone;           // the configuration's IANA name
};

class SwitchWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::SwitchWords)

public:
    // The user the gateway acts as when a timed disable ends.
    static constexpr const char *kSystemUser = "system";

    // Lines for the tile, empty for an enabled provider that is not ramping:
    // "중단: park (오송), 승인 kim", "사유: “…”", "20:35 KST까지 (12분 남음)";
    // "복귀 중 40 % · 20:38 KST에 완료", "시간 지정 중단이 끝나 다시 켜짐".
    static QStringList lines(const ProviderSwitch &s);

private:
    static QString who(const QString &user, quint32 site);
};

} // namespace sitroom::widgets
