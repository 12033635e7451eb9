import AWSModel
import BenchCore
import Emulator

// `ledger.jsonl` without `JSONEncoder`/`JSONDecoder`: a full-speed run's ledger holds a few hundred thousand
// entries, and encoding them took ~2.8 s of the check after the run (decoding them, most of `bench check`).
// Members in sorted key order, as `JSONEncoder` with `.sortedKeys` writes the synthesized `Codable` form
// (`time` is `Instant`'s `{"nanoseconds":N}`); `LedgerJSONLineTests` checks the bytes against it.

extension LedgerEntry: JSONLineEncodable {
    public func appendJSON(to bytes: inout some JSONByteSink) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("attempt", attempt, to: &bytes)
        object.member("change", change.rawValue, to: &bytes)
        object.member("invocationId", invocationId, to: &bytes)
        object.member("operation", operation, to: &bytes)
        object.member("parameterDigest", parameterDigest, to: &bytes)
        object.member("parentId", parentId, to: &bytes)
        object.member("requestId", requestId, to: &bytes)
        object.member("resourceId", resourceId, to: &bytes)
        object.member("resourceType", resourceType, to: &bytes)
        object.member("sequence", sequence, to: &bytes)
        object.member("service", service.rawValue, to: &bytes)
        object.key("time", to: &bytes)
        time.appendJSON(to: &bytes)
        object.member("token", token, to: &bytes)
        object.close(&bytes)
    }
}

extension LedgerEntry: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let attempt = try reader.required("attempt", as: Int.self)
        let change = try reader.required("change", as: Change.self)
        let invocationId = try reader.optional("invocationId", as: String.self)
        let operation = try reader.required("operation", as: String.self)
        let parameterDigest = try reader.optional("parameterDigest", as: String.self)
        let parentId = try reader.optional("parentId", as: String.self)
        let requestId = try reader.required("requestId", as: String.self)
        let resourceId = try reader.required("resourceId", as: String.self)
        let resourceType = try reader.required("resourceType", as: String.self)
        let sequence = try reader.required("sequence", as: UInt64.self)
        let service = try reader.required("service", as: AWSService.self)
        let time = try reader.required("time", as: Instant.self)
        let token = try reader.optional("token", as: String.self)
        try reader.closeObject()
        self.init(
            sequence: sequence, time: time, service: service, operation: operation, change: change,
            resourceType: resourceType, resourceId: resourceId, parentId: parentId, token: token,
            parameterDigest: parameterDigest,
            context: RequestContext(requestId: requestId, invocationId: invocationId, attempt: attempt))
    }
}

extension LedgerEntry.Change: JSONLineDecodable {}

extension AWSService: JSONLineDecodable {}

extension Instant: JSONLineEncodable {
    public func appendJSON(to bytes: inout some JSONByteSink) {
        var object = JSONObjectWriter(opening: &bytes)
        object.member("nanoseconds", nanoseconds, to: &bytes)
        object.close(&bytes)
    }
}

extension Instant: JSONLineDecodable {
    public init(jsonLine reader: inout JSONLineReader) throws(JSONLineReader.Mismatch) {
        try reader.openObject()
        let nanoseconds = try reader.required("nanoseconds", as: UInt64.self)
        try reader.closeObject()
        self.init(nanoseconds: nanoseconds)
    }
}
