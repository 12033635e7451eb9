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

    /// Exactly `count` positionals, or a usage error that shows `usage`.
    func expect(_ count: Int, usage: String) throws -> [String] {
        guard positional.count == count else { throw UsageError("expected: \(usage)") }
        return positional
    }
}
