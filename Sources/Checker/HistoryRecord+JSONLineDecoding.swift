import Resilience

// Each type reads its members in the order ``HistoryLine`` writes them (sorted keys). A member out of that order is
// a mismatch, and the line goes to `JSONDecoder`.

extension HistoryRecord: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let answer = try reader.optional("answer", as: AnswerSummary.self)
        let attempts = try reader.required("attempts", as: [HistoryAttempt].self)
        let end = try reader.required("end", as: UInt64.self)
        let giveUp = try reader.optional("giveUp", as: String.self)
        let intendedStart = try reader.required("intendedStart", as: UInt64.self)
        let invocationId = try reader.required("invocationId", as: String.self)
        let operation = try reader.required("operation", as: String.self)
        let outcome = try reader.required("outcome", as: CallOutcome.self)
        let parameterDigest = try reader.optional("parameterDigest", as: String.self)
        let phase = try reader.optional("phase", as: String.self)
        let sequence = try reader.required("sequence", as: UInt64.self)
        let service = try reader.required("service", as: String.self)
        let start = try reader.required("start", as: UInt64.self)
        let subject = try reader.required("subject", as: CallSubject.self)
        let token = try reader.optional("token", as: String.self)
        try reader.closeObject()
        self.init(
            sequence: sequence, invocationId: invocationId, service: service, operation: operation,
            parameterDigest: parameterDigest, token: token, phase: phase, outcome: outcome, giveUp: giveUp,
            intendedStart: intendedStart, start: start, end: end, attempts: attempts, subject: subject,
            answer: answer)
    }
}

extension HistoryAttempt: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let actualSend = try reader.required("actualSend", as: UInt64.self)
        let afterSend = try reader.optional("afterSend", as: Bool.self) ?? false
        let backoff = try reader.optional("backoff", as: UInt64.self) ?? 0
        let end = try reader.required("end", as: UInt64.self)
        let error = try reader.optional("error", as: String.self)
        let failure = try reader.optional("failure", as: String.self)
        let faults = try reader.optional("faults", as: [String].self) ?? []
        let intendedSend = try reader.required("intendedSend", as: UInt64.self)
        let number = try reader.required("number", as: Int.self)
        let requestId = try reader.required("requestId", as: String.self)
        let status = try reader.optional("status", as: Int.self)
        let token = try reader.optional("token", as: String.self)
        try reader.closeObject()
        self.init(
            number: number, token: token, requestId: requestId, backoff: backoff, intendedSend: intendedSend,
            actualSend: actualSend, end: end, status: status, error: error, failure: failure, afterSend: afterSend,
            faults: faults)
    }
}

extension CallSubject: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let attributesDigest = try reader.optional("attributesDigest", as: String.self)
        let items = try reader.optional("items", as: [String].self)
        let name = try reader.optional("name", as: String.self)
        let resource = try reader.optional("resource", as: String.self)
        try reader.closeObject()
        self.init(resource: resource, name: name, items: items, attributesDigest: attributesDigest)
    }
}

extension AnswerSummary: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let arn = try reader.optional("arn", as: String.self)
        let id = try reader.optional("id", as: String.self)
        let operationId = try reader.optional("operationId", as: String.self)
        let successful = try reader.optional("successful", as: [String].self)
        let targetIds = try reader.optional("targetIds", as: [String].self)
        let targetTypes = try reader.optional("targetTypes", as: [String].self)
        let unsuccessful = try reader.optional("unsuccessful", as: [String].self)
        try reader.closeObject()
        self.init(
            id: id, arn: arn, operationId: operationId, successful: successful, unsuccessful: unsuccessful,
            targetIds: targetIds, targetTypes: targetTypes)
    }
}
