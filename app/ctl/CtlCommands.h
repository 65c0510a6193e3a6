#pragma once

#include "app/ctl/CtlOptions.h"

namespace sitroom::ctl {

// Runs one parsed invocation to its end and returns the exit code
// (ExitCodes.h). Results go to standard output, problems to standard error
// (and, with --json, also as {"status": "error", …} on standard output).
int runInvocation(const Invocation &invocation);

} // namespace sitroom::ctl
