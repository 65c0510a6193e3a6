#pragma once

namespace sitroom::ctl {

// sitroomctl's exit codes (docs/controls.md, "sitroomctl"); scripts depend on
// them, so they never change meaning.
enum ExitCode : int {
    ExitOk = 0,            // applied, pending approval, or a read that worked
    ExitConnection = 1,    // TLS, connection, refusal of the session, protocol
    ExitUsage = 2,         // bad command line
    ExitRefused = 3,
    ExitConflict = 4,
    ExitInvalid = 5,
    ExitExpired = 6,
    ExitAuditBroken = 7,   // audit --verify found a broken hash chain
    ExitEffectNotSeen = 8, // --wait-effect: the gateway did not see the change in force within the site's bound
    ExitEffectTimeout = 9, // --wait-effect: no verdict on the effect within the time given
    ExitAuditNotChecked = 10, // audit --verify: the gateway could not read the chain (its state store out of reach)
};

} // namespace sitroom::ctl
