import BenchCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A peer server a test runs (nginx, moto_server), started so that it cannot outlive the test process for long and so
/// that the signals that stop it reach it.
///
/// - It runs under coreutils' `timeout`, which passes on the signal ``stop(with:)`` sends and ends the peer by itself
///   after `lifetimeSeconds` (SIGTERM, then SIGKILL 5 s later): a test process that dies before stopping its peer
///   (Ctrl-C, a crash, `swift test | head` closing the pipe) would otherwise leave it running for good, holding its
///   port.
/// - It is spawned with an empty signal mask and every signal at its default action. The test process's threads block
///   some signals and a test that installed bench's signal handling leaves SIGTERM ignored, and a child inherits both:
///   `timeout` then never sees the signal it should pass on.
///
/// Its standard output and error go to `/dev/null`, and it inherits no descriptor of the test process but 0-2
/// (``ChildSpawn``): a peer that held a test's socket would keep that connection open after the test closed it.
public final class PeerServer: @unchecked Sendable {
    /// The process id of the wrapper (or of the peer itself, where there is no `timeout`).
    public let pid: pid_t
    private var exited = false

    /// Starts `executable` with `arguments`.
    /// - Throws: ``ChildProcessFailed`` when it cannot be spawned.
    public init(_ executable: String, _ arguments: [String], lifetimeSeconds: Int = 300) throws {
        let timeout = "/usr/bin/timeout"
        let argv =
            FileManager.default.isExecutableFile(atPath: timeout)
            ? [timeout, "--kill-after=5", String(lifetimeSeconds), executable] + arguments
            : [executable] + arguments
        do throws(ChildSpawn.Failure) {
            pid = try ChildSpawn.start(argv, resettingSignals: true)
        } catch {
            throw ChildProcessFailed(description: "cannot start \(executable): \(error)")
        }
    }

    /// Whether it is still running (reaps it once it has exited).
    public var isRunning: Bool {
        if exited { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        exited = reaped == pid || (reaped < 0 && errno == ECHILD)
        return !exited
    }

    /// Sends `signal` (SIGQUIT for nginx's graceful stop, SIGTERM for moto), then polls every 10 ms; SIGKILL after
    /// 5 s, giving up after 6 s. Polls rather than waiting, which from a test's cooperative thread could hang.
    public func stop(with signal: Int32 = SIGTERM) {
        guard isRunning else { return }
        kill(pid, signal)
        for attempt in 0..<600 where isRunning {
            if attempt == 500 { kill(pid, SIGKILL) }
            usleep(10_000)
        }
    }

    /// A peer nobody stopped is stopped here, with SIGTERM, which `timeout` passes on (it cannot pass on SIGKILL).
    deinit { stop() }
}
