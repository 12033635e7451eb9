import AWSModel
import BenchCore
import Emulator
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Prints the live status of the running phase to standard error: on a terminal a line that refreshes
/// every half second, otherwise (CI) a plain line every five seconds. It ticks on the run's clock, so tests
/// drive it with a ``ManualClock``.
public final class ProgressReporter: Sendable {
    private let interactive: Bool
    private let periodNanoseconds: UInt64
    private let write: @Sendable (String) -> Void
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// - Parameters:
    ///   - interactive: refresh one line in place (a terminal) rather than print a line per tick.
    ///   - periodNanoseconds: time between ticks; 0.5 s on a terminal and 5 s otherwise when `nil`.
    ///   - write: where the text goes (standard error by default).
    public init(
        interactive: Bool = isatty(STDERR_FILENO) == 1, periodNanoseconds: UInt64? = nil,
        write: @escaping @Sendable (String) -> Void = ProgressReporter.writeToStandardError
    ) {
        self.interactive = interactive
        self.periodNanoseconds = periodNanoseconds ?? (interactive ? 500_000_000 : 5_000_000_000)
        self.write = write
    }

    func phaseStarted(index: Int, phase: Phase, recorder: Recorder, clock: any BenchClock) {
        let (interactive, period, write) = (self.interactive, periodNanoseconds, self.write)
        let started = clock.now
        let planned = phase.executor.plannedNanoseconds
        let newTask = Task.detached {
            var previous = recorder.live.completed
            var previousTime = clock.now
            while !Task.isCancelled {
                do { try await clock.sleep(nanoseconds: period) } catch { break }
                let now = clock.now
                let live = recorder.live
                let seconds = Double(now.nanoseconds(since: previousTime)) / 1e9
                let rate = seconds > 0 ? Double(live.completed - previous) / seconds : 0
                (previous, previousTime) = (live.completed, now)
                let elapsed = Double(now.nanoseconds(since: started)) / 1e9
                var line = "[\(phase.name)] \(ConsoleSummary.format(elapsed, 1))s"
                if let planned { line += "/\(ConsoleSummary.format(Double(planned) / 1e9, 1))s" }
                line += "  \(ConsoleSummary.format(rate, 0))/s"
                if let target = phase.executor.targetRate(atNanoseconds: now.nanoseconds(since: started)) {
                    line += " (target \(ConsoleSummary.format(target, 0))/s)"
                }
                let p99 = Double(recorder.p99SoFar(phase: index)) / 1e6
                line += "  in flight \(live.inFlight)  p99 \(ConsoleSummary.format(p99, 2)) ms"
                line += "  errors \(live.errors)  unknown \(live.unknown)"
                write(Self.shown(line, interactive: interactive))
            }
        }
        task.withLock { $0 = newTask }
    }

    func phaseEnded() {
        task.withLock { $0?.cancel(); $0 = nil }
        clearLine()
    }

    /// Says that the idempotency check has started, and over how many calls: it runs after the last phase, on one
    /// thread, and a long run's check takes seconds, which should not pass for a hang. On a terminal the line
    /// stays until ``checkEnded()`` clears it; otherwise it is printed once.
    func checkStarted(calls: Int) {
        write(Self.shown("[check] checking the idempotency of \(calls) calls", interactive: interactive))
    }

    /// Clears the check's line on a terminal.
    func checkEnded() { clearLine() }

    /// What to write to show `line`: on a terminal, in place of the line shown before; otherwise as a line of its
    /// own.
    private static func shown(_ line: String, interactive: Bool) -> String {
        interactive ? clear + line : line + "\n"
    }

    /// Moves to the start of the line and erases it (a terminal's carriage return and ANSI erase-line).
    private static let clear = "\r\u{1B}[2K"

    /// Erases the line shown last, on a terminal.
    private func clearLine() {
        if interactive { write(Self.clear) }
    }

    /// Writes `text` to standard error.
    @Sendable public static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
