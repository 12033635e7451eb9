// Shared by every part program (scripts/bench-part.sh): issue 8's P3 calls without the runner. The fixtures,
// workloads and weights of scenarios/perf/pipeline.swift (4, 1, 3, 2), the emulator as a run configures it (the
// scenario's default EmulatorSettings), and the process's CPU time.
import BenchKit
import Foundation

let clock = SystemClock()

/// A fresh emulator configured as `bench run` configures it for the P3 scenario; `ledger` as a run with the
/// checker (true) or with `--no-check` (false).
func p3Emulator(ledger: Bool) -> Emulator {
    var configuration = EmulatorSettings().configuration
    configuration.recordsLedger = ledger
    return Emulator(configuration: configuration, clock: clock, seed: 1)
}

/// P3's setup (8 target groups, a Cloud Map service, a deployment of 200 targets) in `emulator`.
func p3Fixtures(in emulator: Emulator) async throws -> ResolvedFixtures {
    let setup = SetupContext(emulator: emulator, clock: clock)
    var fixtures = ResolvedFixtures()
    try await TargetGroups(8).create(using: setup, into: &fixtures)
    try await CloudMapService().create(using: setup, into: &fixtures)
    try await Deployment(targets: 200).create(using: setup, into: &fixtures)
    return fixtures
}

/// `count` requests of P3's mix, seeded: the same requests in every build and every round.
func p3Requests(_ count: Int, fixtures: ResolvedFixtures) -> [AWSRequest] {
    let workloads: [any Workload] =
        Array(repeating: RegisterTargets(batch: 1...10), count: 4) + [CreateTargetGroup()]
        + Array(repeating: BatchGetDeploymentTargets(ids: 1...25), count: 3)
        + Array(repeating: RegisterInstance(attributes: 4, pool: 1_000_000), count: 2)
    var random = SplitMix64(seed: 1)
    var requests: [AWSRequest] = []
    requests.reserveCapacity(count)
    for index in 0..<count {
        var context = GenerationContext(random: random, fixtures: fixtures, sequence: UInt64(index))
        requests.append(workloads[Int(random.next() % UInt64(workloads.count))].makeRequest(&context))
        random = context.random
    }
    return requests
}

/// The count of calls to make: the program's first argument (a whole number), else `fallback`.
func callCount(default fallback: Int) -> Int {
    guard CommandLine.arguments.count > 1 else { return fallback }
    guard let count = Int(CommandLine.arguments[1]), count > 0 else {
        FileHandle.standardError.write(Data("the count must be a whole number above 0\n".utf8))
        exit(2)
    }
    return count
}

/// The process's CPU time so far (every thread, user and system), in nanoseconds: `ProcessResources`' reading, the
/// one a run's `cpuMicrosecondsPerOperation` is made of, so a part and the pipeline are timed alike.
func cpuNanoseconds() -> Double { ProcessResources.sample().cpuSeconds * 1e9 }
