// A scenario file imports only BenchKit; these re-exports make the core, model, emulator and resilience types
// visible to it (style.md §7.5, pitfall 6).
@_exported import AWSModel
@_exported import BenchCore
@_exported import Emulator
@_exported import Resilience
@_exported import Checker
