import BenchKit

/// The arguments of a subcommand split into positionals, options with values and boolean flags, so each
/// command declares what it accepts and gets one clear error for anything else.
struct CommandArguments {
    var positional: [String] = []
    /// Each valued option's values, in order (options may repeat).
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// - Throws: ``UsageError`` for an unknown option or a valued option without its value.
    init(_ arguments: [String], command: String, valued: Set<String>, flags allowedFlags: Set<String> = []) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument) {
                guard index + 1 < arguments.count else { throw UsageError("\(argument) needs a value") }
                values[argument, default: []].append(arguments[index + 1])
                index += 2
                continue
            }
            if allowedFlags.contains(argument) {
                flags.insert(argument)
            } else if argument.hasPrefix("-") && argument.count > 1 {
                throw UsageError("unknown option \"\(argument)\"; see `bench \(command) --help`")
            } else {
                positional.append(argument)
            }
            index += 1
        }
    }

    /// The last value of `option`, if given.
    func value(_ option: String) -> String? { values[option]?.last }

    /// The last value of `option` as an integer in `range`, if given.
    /// - Throws: ``UsageError`` naming the option, the range and what was given.
    func integer(_ option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(option) must be an integer in \(range.lowerBound)...\(range.upperBound) (got \"\(text)\")")
        }
        return number
    }

    /// `--host`: an IPv4 address or `localhost`, if given (the servers bind only what the user names).
    /// - Throws: ``UsageError`` naming the option and what was given.
    func host() throws -> String? {
        guard let host = value("--host") else { return nil }
        guard host == "localhost" || host.split(separator: ".", omittingEmptySubsequences: false).count == 4 else {
            throw UsageError("--host must be an IPv4 address or localhost (got \"\(host)\")")
        }
        return host
    }

    /// `--seed` as a 64-bit seed, if given (parsed as `bench run` parses it).
    /// - Throws: ``UsageError`` naming the option, the range and what was given.
    func seed() throws -> UInt64? {
        try value("--seed").map(OptionValue.seed)
    }

    /// Every `--fault` spec, parsed in order (docs/faults.md), as `bench run` parses them.
    /// - Throws: ``UsageError`` with the parser's message, which names the spec's bad part.
    func faults() throws -> [Fault] {
        try (values["--fault"] ?? []).map(OptionValue.fault)
    }

    /// No positionals, or a usage error naming the first one.
    func expectNoPositionals(command: String) throws {
        guard let first = positional.first else { return }
        throw UsageError("unexpected argument \"\(first)\"; see `bench \(command) --help`")
    }

    /// Exactly `count` positionals, or a usage error that shows `usage`.
    func expect(_ count: Int, usage: String) throws -> [String] {
        guard positional.count == count else { throw UsageError("expected: \(usage)") }
        return positional
    }
}
