#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>
#include <QStringList>

namespace sitroom::testing {

// Hand-made telemetry for model and widget tests that need a live system's
// picture without running one.
struct SyntheticSystem
{
    QStringList providerIds{QStringLiteral("kakao"), QStringLiteral("naver"), QStringLiteral("pass"),
                            QStringLiteral("mobile"), QStringLiteral("certificate")};
    qint64 startMs = 1628505000000;    // 2021-08-09 19:30 KST
    qint64 openMs = 1628506800000;     // 20:00 KST

    sitroom::v1::Configuration configuration() const;
    // The state at `timeMs`, every provider green unless lights says otherwise.
    sitroom::v1::SystemState state(qint64 timeMs, const QList<sitroom::v1::Light> &lights = {}) const;
    // `seconds` per-second samples ending at endMs.
    sitroom::v1::History history(qint64 endMs, int seconds) const;
    sitroom::v1::Snapshot snapshot(qint64 timeMs, int backfillSeconds = 600,
                                   const QList<sitroom::v1::Light> &lights = {}) const;
};

} // namespace sitroom::testing
