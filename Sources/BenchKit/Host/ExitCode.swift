import AWSModel
import BenchCore
import Emulator

/// bench's exit codes, a documented API (`docs/exit-codes.md`): CI scripts depend on these values.
public enum ExitCode: Int32, Sendable {
    /// The run finished and nothing failed.
    case success = 0
    /// The run could not be carried out (setup failed, a file could not be written, ...).
    case runtimeError = 1
    /// Bad command line or bad scenario (compile error or validation error); nothing was sent.
    case usageError = 2
    /// A performance threshold was breached or a regression found.
    case thresholdBreached = 3
    /// An idempotency or correctness invariant was violated.
    case correctnessViolation = 4
    /// The run was interrupted (SIGINT/SIGTERM); its reports were written and are marked interrupted.
    case interrupted = 130
}
