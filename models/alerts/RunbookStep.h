#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace sitroom::models {

// A runbook step that names a control action, from a Markdown link such as
//   [카카오 30분 중단](sitroom:disable-provider?step=3&provider=kakao&for=30m&require=provider-red)
// (resources/runbooks/README.md). Parsing and the precondition check against
// the live picture are pure; the words and the confirmation are the console's.
enum class RunbookAction {
    DisableProvider,   // provider, optional for=<duration>
    EnableProvider,    // provider
    Throttle,          // percent of the current admission rate limit, or rate
    PauseAdmission,
    ResumeAdmission,
};

enum class PreconditionKind {
    ProviderRed,
    ProviderNotGreen,
    ProviderGreen,
    ProviderEnabled,
    ProviderDisabled,
    QueueWaitAbove,            // threshold in seconds
    BackendUtilizationAbove,   // threshold as a fraction
    AdmissionRunning,
    AdmissionPaused,
};

struct RunbookPrecondition
{
    PreconditionKind kind = PreconditionKind::ProviderRed;
    double threshold = 0.0;
    QString text;              // as written, e.g. "queue-wait-above:1800"
};

struct RunbookStep
{
    RunbookAction action = RunbookAction::PauseAdmission;
    int step = 0;              // the step's number in its runbook, 0 when not given
    QString provider;          // provider id for provider actions
    quint32 disableForS = 0;   // 0 = until enabled again
    double percent = -1.0;     // throttle: percent of the current rate limit; -1 when not given
    double ratePerS = -1.0;    // throttle: an absolute rate; -1 when not given
    QList<RunbookPrecondition> require;

    // The admitted rate a throttle step asks for, given the rate in force.
    double targetRatePerS(double currentRatePerS) const;
    // What the acknowledgement records, stable and in English:
    // "provider-failing#3: disable kakao for 30m".
    QString summary(const QString &runbookId) const;
};

struct RunbookParse
{
    std::optional<RunbookStep> step;
    QString error;             // why the link is not a step (English, for logs and tests)
};

// Parses a sitroom: link; anything else (http, anchors) is not a step.
RunbookParse parseRunbookLink(const QUrl &url);
// "30m", "90s", "2h", "1h30m", plain seconds; nullopt when malformed.
std::optional<quint32> parseDuration(const QString &text);

// The first precondition of `step` that the live picture no longer meets,
// with what the picture says now. Provider preconditions of a step without
// provider= are about `alertProvider` (the alert's provider).
struct PreconditionFailure
{
    RunbookPrecondition precondition;
    QString provider;
    sitroom::v1::Light light = sitroom::v1::LIGHT_UNSPECIFIED;
    bool providerKnown = true;
    bool enabled = true;
    double value = 0.0;        // the queue wait (s, -1 while paused) or backend utilisation
    bool paused = false;
};

std::optional<PreconditionFailure> failedPrecondition(const RunbookStep &step,
                                                      const sitroom::v1::SystemState &state,
                                                      const QString &alertProvider = {});

// The provider an alert is about: "provider/<id>" sources, else its subject
// when that names a configured provider; empty otherwise.
QString alertProvider(const sitroom::v1::Alert &alert, const sitroom::v1::Configuration &configuration);
// The provider doing worst now (a red light first, then the highest error
// rate), for runbooks about one provider opened from an alert about none
// (attempts per booking); empty when every provider is green.
QString worstProvider(const sitroom::v1::SystemState &state);
// A runbook's Markdown with {provider} and {provider_name} filled in.
QString fillRunbookPlaceholders(QString markdown, const QString &providerId, const QString &providerName);
// The runbook's id from an alert's runbook field ("provider-failing",
// "runbooks/provider-failing.md", …).
QString runbookId(const QString &runbookField);
// ":/runbooks/<id>.<language>.md", falling back to Korean then English; empty
// when the console carries no such runbook.
QString runbookResource(const QString &id, const QString &language);
// The numbers of a runbook's steps as written: every top-level ordered list
// item ("8. …" at the start of a line, outside code fences), in order. A
// Markdown renderer numbers each list from 1; the console shows these.
QList<int> writtenStepNumbers(const QString &markdown);

} // namespace sitroom::models
