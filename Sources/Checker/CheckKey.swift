import BenchCore

/// A key of the checker's tables (a token, an invocation, request or operation id, a `group|target` or
/// `service|instance` pair), with its hash kept beside it (``Prehashed``).
///
/// The checker looks up several such keys for every history line and every ledger entry, in tables that grow to
/// hundreds of thousands of entries. Keyed by `String`, each look-up ran SipHash over the whole string and `memcmp`
/// at every bucket its probe passed; keyed by `CheckKey`, a key is hashed once, when it is made, and compared by
/// bytes only when the hashes match. Keys compare by their UTF-8 bytes, as AWS compares identifiers.
typealias CheckKey = Prehashed<String>

extension Prehashed where Key == String {
    /// `parent|child`: a target in its group, an instance in its service.
    init(_ parent: String, _ child: String) { self.init(parent + "|" + child) }

    /// The part before the first `|`: the group of a target key, the service of an instance key.
    var parent: String { String(key.prefix { $0 != "|" }) }

    /// The part after the first `|`: the target of a target key, the instance of an instance key.
    var child: String { String(key.drop { $0 != "|" }.dropFirst()) }
}
