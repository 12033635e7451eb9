import BenchKit
import Foundation

// `bench`: a thin command line over BenchKit. Each command lives in its own file; this one dispatches.
let arguments = Array(CommandLine.arguments.dropFirst())
let code = BenchCommand.main(arguments)
exit(code.rawValue)
