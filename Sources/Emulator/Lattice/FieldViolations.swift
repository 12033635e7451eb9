import AWSModel
import BenchCore

/// The field-level problems of one VPC Lattice request, collected so that one `ValidationException` names them
/// all (reason `fieldValidationFailed`, one `fieldList` entry per field), the way the service reports them.
///
/// Each check records at most one problem per call; messages name the field and the limit.
struct FieldViolations {
    private(set) var fields: [(name: String, message: String)] = []

    var isEmpty: Bool { fields.isEmpty }

    /// Records that `field` is wrong; `message` completes the sentence "`field` …".
    mutating func add(_ field: String, _ message: String) {
        fields.append((field, "\(field) \(message)"))
    }

    /// Checks a string's length in Unicode scalars (the model's unit for `min`/`max` on strings).
    /// - Returns: whether the length is within bounds.
    @discardableResult
    mutating func checkLength(_ value: String, _ field: String, _ bounds: ClosedRange<Int>) -> Bool {
        guard value.hasUnicodeScalarCount(in: bounds) else {
            add(
                field,
                "must be \(bounds.lowerBound)-\(bounds.upperBound) characters long, got \(value.unicodeScalars.count)")
            return false
        }
        return true
    }

    /// Checks an optional integer against its range (absent is fine).
    mutating func checkRange(_ value: Int?, _ field: String, _ bounds: ClosedRange<Int>) {
        if let value, !bounds.contains(value) {
            add(field, "must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
        }
    }

    /// Checks an optional enum member against its allowed values (absent is fine).
    mutating func checkEnum(_ value: String?, _ field: String, _ allowed: [String]) {
        if let value, !allowed.contains(value) {
            add(field, "must be one of \(allowed.joined(separator: ", ")), got '\(value)'")
        }
    }

    /// Checks a list's size.
    mutating func checkCount(_ count: Int, _ field: String, _ bounds: ClosedRange<Int>) {
        if !bounds.contains(count) {
            add(field, "must contain \(bounds.lowerBound)-\(bounds.upperBound) items, got \(count)")
        }
    }

    /// Records that `field` is set where the target group type does not support it.
    mutating func rejectPresent(_ value: (some Any)?, _ field: String, type: String) {
        if value != nil { add(field, "is not supported for \(type) target groups") }
    }

    /// The collected problems as one `ValidationException`, or `nil` when there are none.
    var error: ServiceError? {
        guard !fields.isEmpty else { return nil }
        let summary = fields.count == 1 ? "1 validation error detected" : "\(fields.count) validation errors detected"
        return .latticeValidation(summary + ": " + fields.map(\.message).joined(separator: "; "), fields: fields)
    }

    /// Throws the collected problems as one `ValidationException`, if there are any.
    func throwIfAny() throws(ServiceError) {
        if let error { throw error }
    }

    /// A `ValidationException` for a single field.
    static func error(_ field: String, _ message: String) -> ServiceError {
        var violations = FieldViolations()
        violations.add(field, message)
        return violations.error ?? .latticeValidation(message)
    }
}
