import AWSModel
import Foundation

/// The opaque `NextToken` of the list operations: the resume key (the last instance id returned, or the
/// index of the next operation to scan), base64-encoded so that clients treat it as opaque.
enum CloudMapPageToken {
    static func encode(_ key: String) -> String {
        Data(key.utf8).base64EncodedString()
    }

    /// The resume key of `token`, `nil` when there is no token; `InvalidInput` when it is not one of ours.
    static func decode(_ token: String?) throws(ServiceError) -> String? {
        guard let token else { return nil }
        guard let data = Data(base64Encoded: token), let key = String(data: data, encoding: .utf8) else {
            throw .invalidInput("NextToken is not a token this service returned")
        }
        return key
    }
}
