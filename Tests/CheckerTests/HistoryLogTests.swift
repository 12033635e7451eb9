import Checker
import Foundation
import Testing

/// `HistoryLog`: the read-back scope gathered while writing is the one the file's lines give.
@Suite struct HistoryLogTests {
    @Test func scopeGatheredWhileWritingEqualsTheScopeOfTheFile() async throws {
        let rig = try CheckerRig(seed: 4)
        let records = await rig.run(calls: 80)
        let url = try HistoryJSONLineDecodingTests.historyFile("")
        defer { HistoryJSONLineDecodingTests.remove(url) }
        let log = try HistoryLog(url: url)
        await withTaskGroup(of: Void.self) { group in
            for slice in [records[..<40], records[40...]] {
                group.addTask { for record in slice { log.append(record) } }
            }
        }
        #expect(log.count == records.count)
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
        #expect(Set(read) == Set(records))
    }
}
