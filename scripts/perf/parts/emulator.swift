// The emulator part: what the embedded emulator alone costs per call of P3's mix, with no runner (no scheduler,
// retries, fault layer, recorder or history) and on one thread. The pipeline can go no faster than this: it is
// the part of every call the runner cannot remove. The ledger is off, as in a `--no-check` run; the emulator is
// configured as `bench run` configures it and set up as P3 is. Requests are made first (untimed), then answered in
// order; prints the CPU ns per request (the process's), the count, the errors, and each operation's share.
import BenchKit
import Foundation

let emulator = p3Emulator(ledger: false)
let requests = p3Requests(callCount(default: 400_000), fixtures: try await p3Fixtures(in: emulator))
let context = RequestContext()
var wall = [UInt64](repeating: 0, count: requests.count)
var failed = [Bool](repeating: false, count: requests.count)

let start = cpuNanoseconds()
for index in requests.indices {
    let before = SystemClock.monotonicNanoseconds()
    do throws(ServiceError) {
        _ = try emulator.handle(requests[index], context: context)
    } catch {
        failed[index] = true
    }
    wall[index] = SystemClock.monotonicNanoseconds() - before
}
let cpu = cpuNanoseconds() - start

var byOperation: [String: (count: Int, errors: Int, nanoseconds: UInt64)] = [:]
for index in requests.indices {
    let figures = byOperation[requests[index].operationName, default: (0, 0, 0)]
    byOperation[requests[index].operationName] = (
        figures.count + 1, figures.errors + (failed[index] ? 1 : 0), figures.nanoseconds + wall[index]
    )
}
let total = wall.reduce(0, +)
print(String(format: "%.0f", cpu / Double(requests.count)), "ns of CPU a request,", requests.count,
      "requests,", failed.filter { $0 }.count, "answered with an error")
for (operation, figures) in byOperation.sorted(by: { $0.key < $1.key }) {
    let each = String(format: "%.2f", Double(figures.nanoseconds) / Double(figures.count) / 1000)
    let share = String(format: "%.1f", Double(figures.nanoseconds) * 100 / Double(max(total, 1)))
    print(
        "  \(operation): \(figures.count) requests (\(figures.errors) errors), \(each) us each (wall),",
        "\(share) % of the time")
}
