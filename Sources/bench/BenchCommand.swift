import BenchKit
import Foundation

/// The commands of `bench` and their help.
enum BenchCommand {
    static let overview = """
        bench: load and chaos testing for VPC Lattice, Cloud Map and CodeDeploy APIs

        USAGE: bench <command> [options]

        COMMANDS:
          run <file.swift | name> [options]   compile and run a scenario, write its report
          validate <file.swift | name>        compile and check a scenario; send nothing
          list                                list the built-in scenarios
          serve [options]                     serve the emulator over HTTP for any AWS SDK
          proxy --upstream URL [options]      forward to an endpoint, injecting faults on the way
          compare <baseline | run> <run>      compare a run with a baseline; exit 3 on a regression
          baseline save|list|delete           keep named baselines (.bench/baselines/<name>/summary.json)
          history append|render               keep a history of runs and render its HTML trend page
          check <run folder>                  rerun the idempotency checker on a saved run; exit 4 on a violation
          http-load <url> [options]           wrk-style closed-loop HTTP load: requests/s, latency, client CPU
          help [command]                      show help for a command

        EXIT CODES: 0 success, 1 runtime error, 2 usage or scenario error, 3 threshold breached or regression,
                    4 correctness violation (wins over 3), 130 interrupted (reports written). See docs/exit-codes.md.

        Start with: swift run bench run scenarios/smoke.swift
        """

    static var runHelp: String {
        let flags = RunOptions.help.map { "  \($0.flag.padding(toLength: 22, withPad: " ", startingAt: 0)) \($0.text)" }
        let syntax = Threshold.textSyntax.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        return """
            USAGE: bench run <file.swift | name> [options]

            Compiles the scenario file with BenchKit (cached by content and build), validates it, runs its setup and
            phases, writes summary.json to the report folder and prints a summary. A bare name such as `smoke` means
            scenarios/smoke.swift. Ctrl-C stops scheduling, waits for operations in flight, and still writes the report.

            OPTIONS:
            \(flags.joined(separator: "\n"))
              --optimize             compile the scenario with -O (slower to compile, faster user closures)
              -h, --help             show this help

            EXAMPLES:
              bench run smoke
              bench run scenarios/mixed.swift --seed 7 --duration-scale 0.1 --out /tmp/mixed
              bench run smoke --threshold 'p99(RegisterTargets) < 50ms' --threshold 'error_rate(*) < 1%'

            THRESHOLDS (--threshold; also `Gate { }` in the file; exit code 3, or 4 for correctness):
            \(syntax)
            """
    }

    static let validateHelp = """
        USAGE: bench validate <file.swift | name>

        Compiles the scenario and checks every value (rates, durations, batch sizes, fixtures) without sending
        anything. Each problem is printed on one line naming the field and the allowed range; exit code 2.
        """

    static let listHelp = """
        USAGE: bench list

        Lists the built-in scenarios (the scenarios/ folder of the bench package and of the current folder).
        """

    static func main(_ arguments: [String]) -> ExitCode {
        guard let command = arguments.first else {
            print(overview)
            return .usageError
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") { return help([command]) }
        do {
            switch command {
            case "run": return try RunCommand.run(rest, validateOnly: false)
            case "validate": return try RunCommand.run(rest, validateOnly: true)
            case "list": return try ListCommand.run(rest)
            case "serve": return try ServeCommand.run(rest)
            case "proxy": return try ProxyCommand.run(rest)
            case "compare": return try CompareCommand.run(rest)
            case "baseline": return try BaselineCommand.run(rest)
            case "history": return try HistoryCommand.run(rest)
            case "check": return try CheckCommand.run(rest)
            case "http-load": return try HTTPLoadCommand.run(rest)
            case "help", "--help", "-h": return help(rest)
            default:
                printError("error: unknown command \"\(command)\"\n\n\(overview)")
                return .usageError
            }
        } catch let error as UsageError {
            printError("error: \(error)")
            return .usageError
        } catch let error as ScenarioCompiler.Failure {
            printError(error.diagnostics)
            printError("error: the scenario did not compile; nothing was sent")
            return .usageError
        } catch {
            printError("error: \(error)")
            return .runtimeError
        }
    }

    static func help(_ arguments: [String]) -> ExitCode {
        switch arguments.first {
        case "run": print(runHelp)
        case "validate": print(validateHelp)
        case "list": print(listHelp)
        case "serve": print(ServeCommand.help)
        case "proxy": print(ProxyCommand.help)
        case "compare": print(CompareCommand.help)
        case "baseline": print(BaselineCommand.help)
        case "history": print(HistoryCommand.help)
        case "check": print(CheckCommand.help)
        case "http-load": print(HTTPLoadCommand.help)
        case nil: print(overview)
        case let other?:
            printError("error: no help for unknown command \"\(other)\"")
            return .usageError
        }
        return .success
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
