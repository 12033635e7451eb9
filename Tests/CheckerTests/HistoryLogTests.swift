import AWSModel
@testable import Checker
import Foundation
import Testing

/// `HistoryLog`: the read-back scope gathered while writing is the one the file's lines give, the file holds
/// every call's line, and a worker's batch reaches the file when it is full, old or flushed.
@Suite struct HistoryLogTests {
    @Test(arguments: [false, true])
    func scopeGatheredWhileWritingEqualsTheScopeOfTheFile(batched: Bool) async throws {
        let rig = try CheckerRig(seed: 4)
        let lines = await rig.runLines(calls: 80)
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        let log = try HistoryLog(url: url)
        await withTaskGroup(of: Void.self) { group in
            for slice in [lines[..<40], lines[40...]] {
                group.addTask {
                    guard batched else {
                        for line in slice { log.append(line.call, request: line.request) }
                        return
                    }
                    var batch = HistoryLog.Batch()
                    for line in slice { log.append(line.call, request: line.request, into: &batch) }
                    log.flush(&batch)
                }
            }
        }
        #expect(log.count == lines.count)
        let gathered = try log.close()
        var fromFile = ReadBack.Scope()
        var read: [HistoryRecord] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { record in
            fromFile.add(record)
            read.append(record)
        }
        #expect(gathered == fromFile)
        #expect(gathered.targetGroups && gathered.targetGroupIds == [rig.groupId])
        #expect(gathered.serviceIds == [rig.serviceId] && gathered.deploymentIds == [rig.deploymentId])
        #expect(Set(read) == Set(lines.compactMap(HistoryLineTests.record)))
    }

    /// A batch notes each resource once however often its calls name it, and every one however many it names: the
    /// scope it hands over is the scope of its lines, past the pairs it looks up before hashing (`notedLimit`).
    @Test func aBatchNotesEveryResourceItsCallsName() async throws {
        let rig = try CheckerRig(seed: 4)
        let template = try #require(await rig.runLines(calls: 1, only: "RegisterTargets").first)
        let groups = (0..<(HistoryLog.Batch.notedLimit + 4)).map { "tg-\($0)" }
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        let log = try HistoryLog(url: url)
        var batch = HistoryLog.Batch()
        for group in groups + groups.reversed() {
            let request = AWSRequest.lattice(.registerTargets(RegisterTargetsInput(
                targetGroupIdentifier: group, targets: [Target(id: "10.0.0.1", port: 80)])))
            log.append(template.call, request: request, into: &batch)
        }
        log.flush(&batch)
        let gathered = try log.close()
        #expect(gathered.targetGroupIds == Set(groups))
        #expect(!gathered.targetGroups && gathered.serviceIds.isEmpty && gathered.deploymentIds.isEmpty)
    }

    /// Lines gathered in a batch reach the log only when handed over: when a call completes `maxAgeNanoseconds`
    /// after the batch's first, when the lines reach `handOverBytes`, and on `flush`; each time whole and in order.
    @Test func aBatchIsHandedOverWhenOldFullOrFlushed() async throws {
        let rig = try CheckerRig(seed: 4)
        let lines = await rig.runLines(calls: 5)  // completed 5 ms apart
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        let log = try HistoryLog(url: url)
        var batch = HistoryLog.Batch()
        func append(_ index: Int) { log.append(lines[index].call, request: lines[index].request, into: &batch) }

        #expect(HistoryLog.Batch.maxAgeNanoseconds == 10_000_000)
        append(0)
        append(1)
        #expect(log.count == 0)
        append(2)  // 10 ms after the first
        #expect(log.count == 3)

        // Calls that completed together: handed over once their lines reach handOverBytes.
        var bytes: [UInt8] = []
        JSONLinesWriter.encode(lines[3], into: &bytes)
        let expectedRepeats = (HistoryLog.Batch.handOverBytes + bytes.count - 1) / bytes.count
        var repeats = 0
        for _ in 0..<(2 * expectedRepeats) {
            append(3)
            repeats += 1
            if log.count > 3 { break }
        }
        #expect(repeats == expectedRepeats)
        #expect(log.count == 3 + expectedRepeats)

        append(4)
        #expect(log.count == 3 + expectedRepeats)
        log.flush(&batch)
        log.flush(&batch)  // nothing left to hand over
        #expect(log.count == 4 + expectedRepeats)

        _ = try log.close()
        var sequences: [UInt64] = []
        try JSONLines.forEach(in: url, as: HistoryRecord.self) { sequences.append($0.sequence) }
        #expect(sequences == [0, 1, 2] + Array(repeating: 3, count: expectedRepeats) + [4])
    }
}
