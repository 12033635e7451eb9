// The history part: what writing one history.jsonl line costs, alone. Runs the calls of P3's mix through the real
// pipeline against the embedded emulator (untimed), then appends their lines to a file with HistoryLog, as a run
// does, 15 passes, timing the process's CPU (so the writer's queue, which writes full buffers to the file, counts
// too). Prints the median pass's CPU ns per line, the line count and the mean line length.
import BenchKit
import Foundation

let emulator = p3Emulator(ledger: true)
let fixtures = try await p3Fixtures(in: emulator)
let transport = EmbeddedTransport(emulator: emulator, clock: clock)
let pipeline = CallPipeline(strategy: StandardRetryStrategy(), clock: clock, seed: 1) { request, context in
    await transport.send(request, context: context)
}
var calls: [(call: CallRecord, request: AWSRequest)] = []
for (index, request) in p3Requests(callCount(default: 20_000), fixtures: fixtures).enumerated() {
    calls.append((await pipeline.call(request, sequence: UInt64(index)), request))
}

let url = FileManager.default.temporaryDirectory.appendingPathComponent("history-encoding-\(getpid()).jsonl")
defer { try? FileManager.default.removeItem(at: url) }
var passes: [Double] = []
var bytes = 0
for _ in 0..<15 {
    let start = cpuNanoseconds()
    let history = try HistoryLog(url: url)
    for (call, request) in calls { history.append(call, request: request) }
    _ = try history.close()
    passes.append((cpuNanoseconds() - start) / Double(calls.count))
    bytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
}
passes.sort()
print(String(format: "%.0f", passes[passes.count / 2]), "ns of CPU a line,", calls.count, "lines of",
      bytes / max(calls.count, 1) - 1, "bytes on average")
