import Resilience

/// Parsers of the option values that `bench run` (parsed inside the scenario binary by ``RunOptions``) shares with
/// the `bench` commands that take the same options (`serve`, `proxy`), so that every command accepts and refuses
/// the same text with the same message.
public enum OptionValue {
    /// `--seed`: any 64-bit unsigned integer.
    /// - Throws: ``UsageError`` naming the option, the range and what was given.
    public static func seed(_ text: String) throws(UsageError) -> UInt64 {
        guard let seed = UInt64(text) else {
            throw UsageError("--seed must be an integer in 0...2^64-1 (got \"\(text)\")")
        }
        return seed
    }

    /// `--fault`: one client-side fault spec, `KIND[:key=value,...]` (docs/faults.md).
    /// - Throws: ``UsageError`` with the parser's message, which names the spec's bad part.
    public static func fault(_ spec: String) throws(UsageError) -> Fault {
        do {
            return try FaultSpecParser.parse(spec)
        } catch {
            throw UsageError("--fault: \(error)")
        }
    }
}
