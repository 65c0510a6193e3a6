#pragma once

// Builders for stale figures and command stages, shared by the model,
// widget and sitroomctl tests.

#include "sitroom/v1/envelope.pb.h"

#include <string>

namespace sitroom::testing {

inline void addStale(v1::SystemState *state, const std::string &figure,
                     v1::StaleReason reason = v1::STALE_SOURCE_UNREACHABLE, qint64 sinceMs = 1'700'000'000'000)
{
    v1::StaleFigure *f = state->add_stale();
    f->set_figure(figure);
    f->set_reason(reason);
    f->set_detail("dial tcp 127.0.0.1:9090: connection refused");
    f->set_since_ms(sinceMs);
}

inline v1::CommandProgress progress(const std::string &commandId, v1::CommandStage stage, quint32 afterMs = 0,
                                    qint64 atMs = 0, const std::string &action = "set admission rate to 500/s",
                                    const std::string &user = "kim", quint64 revision = 0)
{
    v1::CommandProgress p;
    p.set_command_id(commandId);
    p.set_stage(stage);
    p.set_after_ms(afterMs);
    p.set_at_ms(atMs);
    p.set_action(action);
    p.set_user(user);
    p.set_revision(revision);
    p.set_expectation("admission.rate_limit_per_s = 500");
    return p;
}

inline v1::Envelope progressEnvelope(const v1::CommandProgress &p)
{
    v1::Envelope e;
    *e.mutable_command_progress() = p;
    return e;
}

} // namespace sitroom::testing
