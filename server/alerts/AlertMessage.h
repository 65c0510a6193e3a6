#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

namespace sitroom::alerts {

struct AlertRule;

// A rule's message with its placeholders filled in, in Korean and English:
// {provider_name} / {cohort_name} (the configured name in each language),
// {subject} (the id), {value} and {threshold} (formatted by the unit).
sitroom::v1::LocalizedText renderMessage(const AlertRule &rule, const sitroom::v1::LocalizedText &subjectName,
                                         const QString &subject, double value, double threshold);

// A figure in its unit, for people: "12.5%", "3200 ms", "45 s", "31 min", "23.1×".
QString formatFigure(double value, const QString &unit, bool korean);

// A number as people write it, never in exponent form: whole from 1000 up
// ("15000", not "1.5e+04"), else four significant digits ("12.35", "0.153").
QString plainFigure(double value);

} // namespace sitroom::alerts
