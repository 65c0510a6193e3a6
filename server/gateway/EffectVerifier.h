#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::gateway {

// Closed-loop verification (docs/control-webhook.md): after a change is in
// force in the live system, watch the telemetry for its effect. The throttle
// in force equals the new rate; a paused queue admits nobody; a disabled
// provider shows 중단 and its requests fall to near zero; a re-enabled one no
// longer shows 중단. Each expectation ends EFFECT_SEEN (with the time it
// took) or, past the bound, EFFECT_NOT_SEEN, and keeps being watched after
// that: a late effect is still reported seen, and until then it counts in
// notSeenCount() (which the alert engine watches). A newer change to the
// same control replaces an older expectation.
class EffectVerifier final
{
public:
    explicit EffectVerifier(qint64 boundMs = 30000) : m_boundMs(boundMs) {}

    void setBoundMs(qint64 boundMs) { m_boundMs = boundMs; }
    qint64 boundMs() const { return m_boundMs; }

    // A change now in force; returns false (nothing to watch) when it moves
    // no control the telemetry shows.
    bool expect(const QString &commandId, std::uint64_t revision, const QString &action, const QString &user,
                const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after, qint64 acceptedWallMs,
                const sitroom::v1::Phrase &actionWords = {});
    // A tick from the source; what was seen, or is now overdue.
    std::vector<sitroom::v1::CommandProgress> observe(const sitroom::v1::SystemState &state, qint64 wallNowMs);
    // A second of wall time without a tick: deadlines still pass.
    std::vector<sitroom::v1::CommandProgress> tick(qint64 wallNowMs);

    // Changes whose effect was not seen in time and is not seen yet.
    std::uint32_t notSeenCount() const;
    std::size_t watching() const { return m_expectations.size(); }

    // What the check waits for, in figures: "admission.rate_limit_per_s = 500".
    static QString expectationText(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after);
    static sitroom::v1::Phrase expectationPhrase(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after);
    // Whether the state shows the change (figures listed stale never count).
    static bool effectSeen(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after,
                           const sitroom::v1::SystemState &state);

private:
    struct Expectation
    {
        QString commandId;
        std::uint64_t revision = 0;
        QString action;
        sitroom::v1::Phrase actionWords;
        QString user;
        QString text;
        sitroom::v1::Phrase words;      // text, as a Phrase
        QString aspect;                 // "rate", "pause", "provider.kakao": a newer one replaces
        sitroom::v1::ControlState before;
        sitroom::v1::ControlState after;
        qint64 acceptedWallMs = 0;
        bool overdue = false;
    };
    sitroom::v1::CommandProgress progressOf(const Expectation &e, sitroom::v1::CommandStage stage, qint64 wallNowMs,
                                            const sitroom::v1::Phrase &detail) const;

    qint64 m_boundMs;
    std::vector<Expectation> m_expectations;
};

} // namespace sitroom::gateway
