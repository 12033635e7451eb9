import Testing

@testable import Resilience

/// The CLI form `KIND[:key=value,...]`.
@Suite("Fault spec parser")
struct FaultSpecParserTests {
    @Test(arguments: [
        ("throttle", Fault(.throttle())),
        ("throttle:p=0.05,phase=storm", Fault(.throttle(), probability: 0.05, window: .phase("storm"))),
        (
            "throttle:retry-after=3,retry-after-ms=2500",
            Fault(.throttle(retryAfterSeconds: 3, amzRetryAfterMilliseconds: 2500))
        ),
        ("conflict:op=CreateTargetGroup", Fault(.conflict, operations: ["CreateTargetGroup"])),
        (
            "error5xx:variant=unavailable,from=10,to=20",
            Fault(.error5xx(.unavailable), window: .seconds(from: 10, to: 20))
        ),
        ("error5xx:variant=bad-gateway-html", Fault(.error5xx(.badGatewayHTML))),
        ("error5xx", Fault(.error5xx(.internal))),
        ("duplicate", Fault(.duplicate(.concurrent))),
        ("duplicate:mode=delayed,ms=250", Fault(.duplicate(.afterDelay(nanoseconds: 250_000_000)))),
        (
            "lose-response:mode=reset,op=CreateTargetGroup|RegisterTargets,p=0.02",
            Fault(.loseResponse(.reset), probability: 0.02, operations: ["CreateTargetGroup", "RegisterTargets"])
        ),
        ("latency:ms=2.5", Fault(.latency(.fixed(nanoseconds: 2_500_000)))),
        (
            "latency:mode=uniform,min=1,max=5",
            Fault(.latency(.uniform(minNanoseconds: 1_000_000, maxNanoseconds: 5_000_000)))
        ),
        (
            "latency:mode=lognormal,median=2,p99=40",
            Fault(.latency(.lognormal(medianNanoseconds: 2_000_000, p99Nanoseconds: 40_000_000)))
        ),
        (
            "latency:mode=stall,ms=1000,from=5",
            Fault(.latency(.stall(nanoseconds: 1_000_000_000)), window: .seconds(from: 5, to: nil))
        ),
        (" reset : p = 1 , to = 3 ", Fault(.reset, window: .seconds(from: nil, to: 3))),
        ("reset:p=0", Fault(.reset, probability: 0)),
    ])
    func goodSpecs(spec: String, expected: Fault) throws {
        #expect(try FaultSpecParser.parse(spec) == expected)
    }

    @Test(arguments: [
        (
            "explode",
            ["unknown kind 'explode'", "throttle, conflict, error5xx, duplicate, lose-response, latency, reset"]
        ),
        (
            "throttle:variant=internal",
            ["unknown key 'variant' for throttle", "allowed: p, op, from, to, phase, retry-after"]
        ),
        ("throttle:p=1.01", ["p=1.01", "0.0...1.0"]),
        ("throttle:p=-0.1", ["p=-0.1"]),
        ("throttle:p=abc", ["p=abc", "not a number"]),
        ("throttle:p", ["key 'p' needs a value"]),
        ("throttle:p=0.1,p=0.2", ["key 'p' given twice"]),
        ("throttle:retry-after=1.5", ["retry-after=1.5", "whole number"]),
        ("error5xx:variant=teapot", ["variant=teapot", "internal, unavailable, bad-gateway, bad-gateway-html"]),
        ("duplicate:mode=twice", ["mode=twice", "concurrent, delayed"]),
        ("duplicate:mode=delayed", ["needs key 'ms'"]),
        ("duplicate:ms=5", ["'ms' applies only to duplicate mode=delayed"]),
        ("lose-response:mode=drop", ["mode=drop", "timeout, reset"]),
        ("latency", ["mode=fixed needs key 'ms'"]),
        ("latency:mode=gamma,ms=1", ["mode=gamma", "fixed, uniform, lognormal, stall"]),
        ("latency:mode=uniform,min=5,max=1", ["min must not exceed max"]),
        ("latency:mode=lognormal,median=40,p99=2", ["0 < median < p99"]),
        ("latency:ms=-1", ["ms=-1", "ms"]),
        ("reset:from=20,to=10", ["from=20.0 must be less than to=10.0"]),
        ("reset:phase=storm,from=1", ["either phase or from/to"]),
        ("conflict:ms=5", ["unknown key 'ms' for conflict", "allowed: p, op, from, to, phase"]),
    ])
    func badSpecs(spec: String, fragments: [String]) {
        do {
            _ = try FaultSpecParser.parse(spec)
            Issue.record("'\(spec)' was accepted")
        } catch {
            for fragment in fragments {
                #expect(error.message.contains(fragment), "\(error.message)")
            }
            #expect(error.message.contains(spec.split(separator: ":").first.map(String.init) ?? spec))
        }
    }

    @Test func severalSpecsMakeAPlanInOrder() throws {
        let plan = try FaultSpecParser.parse(["latency:ms=1", "throttle:p=0.5"])
        #expect(plan.faults.map(\.kind.name) == ["latency", "throttle"])
    }
}
