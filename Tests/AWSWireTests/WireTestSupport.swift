import AWSModel
import BenchCore
import Foundation
import Testing

@testable import AWSWire

/// Reads JSON bytes into a comparable value (objects compare regardless of key order).
func json(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
}

func json(_ text: String) throws -> JSONValue {
    try json(Array(text.utf8))
}

/// The decoded `name=value` pairs of a raw query string, sorted.
func queryPairs(_ query: String) -> [String] {
    (PercentEncoding.decodeQuery(query) ?? []).map { "\($0.name)=\($0.value)" }.sorted()
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
