import BenchCore
import Foundation

/// Reads JSON bodies into typed values, and says in words what is wrong with a body that does not fit.
///
/// Timestamps are accepted as epoch seconds (a number) or ISO 8601 (a string) in either protocol, like
/// botocore's timestamp parser. An empty body reads as `{}` (botocore does the same for answers; clients may
/// send nothing for an operation whose members are all optional).
enum WireJSONReader {
    /// Why a body could not be read into the expected shape.
    enum Failure: Error, Equatable {
        /// Not JSON at all, or not a JSON object at the top.
        case malformed(String)
        /// A required member is absent (or `null`); `member` is its path, e.g. `targets[0].id`.
        case missingMember(member: String)
        /// A member has the wrong JSON type or an unreadable value.
        case invalidMember(member: String, reason: String)

        /// A sentence naming the problem and the member.
        var message: String {
            switch self {
            case .malformed(let detail): detail
            case .missingMember(let member): "Missing required member '\(member)'"
            case .invalidMember(let member, let reason): "Invalid value for member '\(member)': \(reason)"
            }
        }
    }

    /// The decoder, configured once. `JSONDecoder` is thread-safe for concurrent `decode` calls.
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            guard let date = WireTimestamp.parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 timestamp or epoch seconds")
            }
            return date
        }
        return decoder
    }()

    /// `body` read as a `T`.
    ///
    /// The hot load bodies (``FastJSONReadable``) are read without `JSONDecoder` when they are well formed.
    static func decode<T: Decodable>(_ type: T.Type = T.self, from body: [UInt8]) throws(Failure) -> T {
        if let fast = T.self as? any FastJSONReadable.Type, let value = fast.fastRead(body) as? T { return value }
        let data = body.isEmpty ? Data("{}".utf8) : Data(body)
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw failure(for: error)
        } catch {
            throw .malformed("The body cannot be parsed as JSON: \(error)")
        }
    }

    /// `body` read as a JSON object, or `nil` if it is not one (an error body may be anything).
    static func object(from body: [UInt8]) -> [String: JSONValue]? {
        guard !body.isEmpty else { return [:] }
        return try? decoder.decode([String: JSONValue].self, from: Data(body))
    }

    /// Turns a `DecodingError` into a ``Failure`` that names the member by its wire path.
    private static func failure(for error: DecodingError) -> Failure {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingMember(member: path(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            return context.codingPath.isEmpty
                ? .malformed("The body must be a JSON object, not null")
                : .missingMember(member: path(context.codingPath))
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return .malformed("The body must be a JSON object") }
            return .invalidMember(member: path(context.codingPath), reason: "expected \(jsonTypeName(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .malformed("The body is not valid JSON")
            }
            return .invalidMember(member: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .malformed("The body cannot be read: \(error)")
        }
    }

    /// `a.b[2].c` for a coding path.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// The JSON type a Swift type is read from, for messages.
    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Date.Type: "a timestamp"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : String(describing: type).hasPrefix("Dictionary")
                ? "a map" : "an object"
        }
    }
}
