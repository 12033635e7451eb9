import BenchCore
import Resilience

// The members of each type below are written in sorted key order (byte order of the property names), which is
// the order `JSONEncoder` with `.sortedKeys` uses; `HistoryJSONLineTests` checks the bytes against it.

extension HistoryRecord: JSONLineEncodable {
    public func appendJSON(to bytes: inout [UInt8]) {
        var object = JSONObjectWriter(opening: &bytes)
        if let answer {
            object.key("answer", to: &bytes)
            answer.appendJSON(to: &bytes)
        }
        object.key("attempts", to: &bytes)
        bytes.append(UInt8(ascii: "["))
        for (index, attempt) in attempts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            attempt.appendJSON(to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        object.member("end", end, to: &bytes)
        object.member("giveUp", giveUp, to: &bytes)
        object.member("intendedStart", intendedStart, to: &bytes)
        object.member("invocationId", invocationId, to: &bytes)
        object.member("operation", operation, to: &bytes)
        object.member("outcome", outcome.rawValue, to: &bytes)
        object.member("parameterDigest", parameterDigest, to: &bytes)
        object.member("phase", phase, to: &bytes)
        object.member("sequence", sequence, to: &bytes)
        object.member("service", service, to: &bytes)
        object.member("start", start, to: &bytes)
        object.key("subject", to: &bytes)
        subject.appendJSON(to: &bytes)
        object.member("token", token, to: &bytes)
        object.close(&bytes)
    }
}

extension HistoryAttempt: JSONLineEncodable {
    public func appendJSON(to bytes: inout [UInt8]) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("actualSend", actualSend, to: &bytes)
        object.member("afterSend", afterSend, to: &bytes)
        object.member("backoff", backoff, to: &bytes)
        object.member("end", end, to: &bytes)
        object.member("error", error, to: &bytes)
        object.member("failure", failure, to: &bytes)
        object.member("faults", faults, to: &bytes)
        object.member("intendedSend", intendedSend, to: &bytes)
        object.member("number", number, to: &bytes)
        object.member("requestId", requestId, to: &bytes)
        object.member("status", status, to: &bytes)
        object.member("token", token, to: &bytes)
        object.close(&bytes)
    }
}

extension CallSubject: JSONLineEncodable {
    public func appendJSON(to bytes: inout [UInt8]) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("attributesDigest", attributesDigest, to: &bytes)
        object.member("items", items, to: &bytes)
        object.member("name", name, to: &bytes)
        object.member("resource", resource, to: &bytes)
        object.close(&bytes)
    }
}

extension AnswerSummary: JSONLineEncodable {
    public func appendJSON(to bytes: inout [UInt8]) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("arn", arn, to: &bytes)
        object.member("id", id, to: &bytes)
        object.member("operationId", operationId, to: &bytes)
        object.member("successful", successful, to: &bytes)
        object.member("targetIds", targetIds, to: &bytes)
        object.member("targetTypes", targetTypes, to: &bytes)
        object.member("unsuccessful", unsuccessful, to: &bytes)
        object.close(&bytes)
    }
}
