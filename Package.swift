// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every target (style.md §8): Swift 6 language mode plus the upcoming features that
/// keep existentials explicit and imports honest. `InternalImportsByDefault` is held back on purpose:
/// with a static `BenchKit` archive it drops Foundation's autolink entries (style.md §7.5, pitfall 2).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "bench",
    products: [
        .executable(name: "bench", targets: ["bench"]),
        // Must be explicitly static: an automatic library product is not archived by `swift build`,
        // and `bench run` links compiled scenarios against `libBenchKit.a`.
        .library(name: "BenchKit", type: .static, targets: ["BenchKit"]),
    ],
    targets: [
        // Layer 0: clocks, seeded randomness, JSON values, HDR histograms, SHA-256, finding and spawning programs.
        // Imports nothing of ours.
        .target(name: "BenchCore", swiftSettings: swiftSettings),
        // Layer 1: HTTP/1.1 client and server on non-blocking sockets and epoll.
        .target(name: "BenchHTTP", dependencies: ["BenchCore"], swiftSettings: swiftSettings),
        // Layer 1: the typed shapes of the AWS operations, the modeled errors, SigV4.
        .target(name: "AWSModel", dependencies: ["BenchCore"], swiftSettings: swiftSettings),
        // Layer 2: the AWS wire protocols (restJson1, awsJson1_1): requests, answers and errors as bytes, both ways.
        .target(name: "AWSWire", dependencies: ["AWSModel", "BenchCore"], swiftSettings: swiftSettings),
        // Layer 2: the in-process emulator of VPC Lattice, Cloud Map and CodeDeploy. Knows nothing of load.
        .target(name: "Emulator", dependencies: ["AWSModel", "BenchCore"], swiftSettings: swiftSettings),
        // Layer 2: client-side fault injection and the retry strategies under test (botocore's, and custom ones).
        .target(name: "Resilience", dependencies: ["AWSModel", "BenchCore"], swiftSettings: swiftSettings),
        // Layer 3: the idempotency-correctness checker: call histories against the ledger or read-backs.
        .target(name: "Checker", dependencies: ["Resilience", "Emulator", "AWSModel", "BenchCore"], swiftSettings: swiftSettings),
        // Layer 3: the scenario DSL, scheduler, runner and reports. The only module a scenario imports.
        .target(
            name: "BenchKit", dependencies: ["Checker", "Resilience", "Emulator", "AWSWire", "BenchHTTP", "AWSModel", "BenchCore"],
            swiftSettings: swiftSettings),
        // Layer 4: the thin command-line tool.
        .executableTarget(name: "bench", dependencies: ["BenchKit", "BenchHTTP", "BenchCore"], swiftSettings: swiftSettings),
        // Tests only: running child processes (python3 peers, openssl, bench, scripts), stopping nginx, and
        // temporary folders.
        .target(name: "TestSupport", dependencies: ["BenchCore"], path: "Tests/TestSupport", swiftSettings: swiftSettings),

        .testTarget(name: "BenchCoreTests", dependencies: ["BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BenchHTTPTests", dependencies: ["BenchHTTP", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire", "AWSModel", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "AWSModel", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ResilienceTests", dependencies: ["Resilience", "AWSModel", "BenchCore"], swiftSettings: swiftSettings),
        .testTarget(name: "CheckerTests", dependencies: ["Checker", "Resilience", "Emulator", "AWSModel", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BenchKitTests", dependencies: ["BenchKit", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["BenchKit", "BenchHTTP", "BenchCore", "TestSupport"], swiftSettings: swiftSettings),
    ]
)
