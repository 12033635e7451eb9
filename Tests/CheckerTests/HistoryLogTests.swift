import Checker
import Foundation
import Testing

/// `HistoryLog`: the read-back scope gathered while writing is the one the file's lines give, and the file holds
/// every call's line.
@Suite struct HistoryLogTests {
    @Test func scopeGatheredWhileWritingEqualsTheScopeOfTheFile() async throws {
        let rig = try CheckerRig(seed: 4)
        let lines = await rig.runLines(calls: 80)
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        let log = try HistoryLog(url: url)
        await withTaskGroup(of: Void.self) { group in
            for slice in [lines[..<40], lines[40...]] {
                group.addTask { for line in slice { log.append(line.call, request: line.request) } }
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
}
