import AWSModel
import BenchCore
import Emulator
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Prints the live status of the running phase to standard error: on a terminal a line that refreshes
/// every half second, otherwise (CI) a plain line every five seconds.
public final class ProgressReporter: Sendable {
    private let interactive: Bool
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(interactive: Bool = isatty(STDERR_FILENO) == 1) { self.interactive = interactive }

    func phaseStarted(index: Int, phase: Phase, recorder: Recorder, clock: any BenchClock) {
        let interactive = self.interactive
        let started = clock.now
        let planned = phase.executor.plannedNanoseconds
        let newTask = Task.detached {
            let period: UInt64 = interactive ? 500_000_000 : 5_000_000_000
            var previous = recorder.live.completed
            var previousTime = clock.now
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: period)
                if Task.isCancelled { break }
                let now = clock.now
                let live = recorder.live
                let rate = Double(live.completed - previous) / (Double(now.nanoseconds(since: previousTime)) / 1e9)
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
                ProgressReporter.write(interactive ? "\r\u{1B}[2K" + line : line + "\n")
            }
        }
        task.withLock { $0 = newTask }
    }

    func phaseEnded() {
        task.withLock { $0?.cancel(); $0 = nil }
        if interactive { ProgressReporter.write("\r\u{1B}[2K") }
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
