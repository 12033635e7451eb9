import BenchCore
import Foundation
import Resilience
import Testing
import TestSupport

@testable import BenchKit

/// `FaultLog`: every fault recorded is in `faults.csv` after `commit()`, in order and quoted as CSV, however many
/// chunks its lines took; and fields are quoted exactly when they need it.
@Suite struct FaultLogTests {
    /// A CSV field the way the file's readers take it back: unquoted, with doubled quotes made single.
    static func unquote(_ field: String) -> String {
        guard field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    @Test func everyLineOfManyChunksIsWrittenInOrderOnCommit() throws {
        try withTemporaryFolder("faultlog") { folder in
            let log = try FaultLog(folder: folder)
            let count = 5_000  // about 400 KB of lines: several chunks, and a partial one left for commit
            for index in 0..<count {
                let detail = index % 3 == 0 ? "503 \"ServiceUnavailable\", then \(index)" : "throttled \(index)"
                log.record(
                    FaultEvent(
                        time: Instant(nanoseconds: UInt64(index) * 1_000), operation: "RegisterTargets",
                        callId: "call-\(index)", attempt: 1 + index % 4, kind: index % 2 == 0 ? "throttle" : "duplicate",
                        detail: detail, faultIndex: 0),
                    origin: .zero)
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("faults.csv").path))
            try log.commit()
            let lines = try String(contentsOf: folder.appendingPathComponent("faults.csv"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == FaultLog.csvHeader)
            #expect(lines.count == count + 2)  // the header, the lines, and the empty string after the last newline
            #expect(lines.last == "")
            for (index, line) in lines.dropFirst().dropLast().enumerated() {
                // The detail is the last field and the only one that may hold a comma.
                let fields = line.split(separator: ",", maxSplits: 5).map(String.init)
                #expect(fields.count == 6)
                #expect(fields[2] == "call-\(index)" && fields[3] == "\(1 + index % 4)")
                let detail = index % 3 == 0 ? "503 \"ServiceUnavailable\", then \(index)" : "throttled \(index)"
                #expect(Self.unquote(fields[5]) == detail)
            }
            #expect(log.counts == ["throttle": count / 2, "duplicate": count / 2])
        }
    }

    @Test(arguments: [
        "plain", "", "a,b", "say \"hi\"", "line\nbreak", "\"", ",", "clé, née", "emoji 🙂 \"quoted\", too",
    ])
    func fieldsAreQuotedExactlyWhenTheyNeedIt(text: String) {
        let needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n")
        let expected = needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        #expect(IntervalRow.quoted(text) == expected)
    }
}
