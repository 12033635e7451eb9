import AWSModel
import BenchCore
import Checker
import Emulator
import Foundation
import Testing

/// `ledger.jsonl` written and read without `JSONEncoder`/`JSONDecoder`: the same bytes, the same entries.
@Suite struct LedgerJSONLineTests {
    /// The generators of the history tests: odd strings, integer extremes, optionals.
    typealias Generate = GeneratedJSONValues

    static func entry(_ random: inout SplitMix64) -> LedgerEntry {
        let changes: [LedgerEntry.Change] = [
            .created, .updated, .registered, .deregistered, .deleted, .operationSubmitted, .operationSucceeded,
            .operationFailed,
        ]
        return LedgerEntry(
            sequence: Generate.extreme(&random), time: Instant(nanoseconds: Generate.extreme(&random)),
            service: AWSService.allCases[Int(random.next() % 3)],
            operation: Generate.string(&random), change: changes[Int(random.next() % 8)],
            resourceType: Generate.string(&random), resourceId: Generate.string(&random),
            parentId: Generate.optional(&random, Generate.string),
            token: Generate.optional(&random, Generate.string),
            parameterDigest: Generate.optional(&random, Generate.string),
            context: RequestContext(
                requestId: Generate.string(&random),
                invocationId: Generate.optional(&random, Generate.string),
                attempt: Int(truncatingIfNeeded: Generate.extreme(&random))))
    }

    @Test func generatedEntriesMatchJSONEncoderAndReadBack() throws {
        var random = SplitMix64(seed: 5)
        let entries = (0..<400).map { _ in Self.entry(&random) }
        for entry in entries {
            let bytes = GeneratedJSONValues.ownBytes(entry)
            #expect(bytes == (try HistoryLineTests.encoderBytes(entry)))
            let line = String(decoding: bytes, as: UTF8.self)
            #expect(HistoryJSONLineDecodingTests.fastRead(line, as: LedgerEntry.self) == entry, "\(line)")
        }
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        try JSONLines.write(entries, to: url)
        var read: [LedgerEntry] = []
        try JSONLines.forEach(in: url, as: LedgerEntry.self) { read.append($0) }
        #expect(read == entries)
    }

    /// A real ledger (targets, instances, asynchronous operations) reads back equal, and an entry in another
    /// key order still reads through `JSONDecoder`.
    @Test func emulatorLedgerRoundTrips() async throws {
        let rig = try CheckerRig(seed: 2, faults: MutationTests.heavyChaos)
        _ = await rig.run(calls: 60)
        rig.emulator.cloudMap.settle()
        let ledger = rig.emulator.ledger.snapshot
        #expect(Set(ledger.map(\.change)).isSuperset(of: [.created, .registered, .operationSucceeded]))
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        try JSONLines.write(ledger, to: url)
        let reordered = #"{"time":{"nanoseconds":5},"attempt":2,"change":"created","operation":"o","# +
            #""requestId":"r","resourceId":"i","resourceType":"t","sequence":9,"service":"codedeploy"}"#
        #expect(HistoryJSONLineDecodingTests.fastRead(reordered, as: LedgerEntry.self) == nil)
        try (try Data(contentsOf: url) + Data((reordered + "\n").utf8)).write(to: url)
        var read: [LedgerEntry] = []
        try JSONLines.forEach(in: url, as: LedgerEntry.self) { read.append($0) }
        let expected = LedgerEntry(
            sequence: 9, time: Instant(nanoseconds: 5), service: .codeDeploy, operation: "o", change: .created,
            resourceType: "t", resourceId: "i", context: RequestContext(requestId: "r", attempt: 2))
        #expect(read == ledger + [expected])
    }
}
