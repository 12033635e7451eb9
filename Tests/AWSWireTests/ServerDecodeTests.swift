import AWSModel
import BenchCore
import Testing

@testable import AWSWire

/// Server-side routing and reading: percent-encoded identifiers, query members, unknown operations and
/// malformed bodies, which must give a clear error naming the member and never crash.
@Suite("Server-side decoding")
struct ServerDecodeTests {
    static let arn = WireFixtures.targetGroupArn

    @Test(
        "an ARN identifier is percent-encoded in the path and decoded back, encoded or not",
        arguments: [
            "/targetgroups/arn%3Aaws%3Avpc-lattice%3Aus-east-1%3A123456789012%3Atargetgroup%2F"
                + "tg-0123456789abcdefg/registertargets",
            "/targetgroups/arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdefg/registertargets",
            "/targetgroups/arn%3aaws%3avpc-lattice%3aus-east-1%3a123456789012%3atargetgroup/"
                + "tg-0123456789abcdefg/registertargets/",
        ])
    func arnInPath(_ path: String) {
        let request = WireRequest(method: "POST", path: path, body: Array(#"{"targets": [{"id": "a"}]}"#.utf8))
        #expect(
            AWSWireCodec.decodeRequest(request)
                == .success(
                    .lattice(
                        .registerTargets(
                            RegisterTargetsInput(targetGroupIdentifier: Self.arn, targets: [Target(id: "a")])))))
    }

    @Test("percent-encoding keeps only -._~ and letters and digits")
    func percentEncoding() {
        #expect(PercentEncoding.encode("a/b+c=") == "a%2Fb%2Bc%3D")
        #expect(PercentEncoding.encode("A-z_0.9~ é") == "A-z_0.9~%20%C3%A9")
        #expect(PercentEncoding.decode("a%2Fb%2bc%3D+%C3%A9") == "a/b+c=+é")
        #expect(PercentEncoding.decode("%") == nil)
        #expect(PercentEncoding.decode("%G1") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var request: WireRequest
        var code: String
        var mentions: String
        var reason: String?
        var testDescription: String { name }
    }

    static func lattice(_ method: String, _ path: String, query: String = "", body: String = "") -> WireRequest {
        WireRequest(method: method, path: path, query: query, body: Array(body.utf8))
    }

    static func awsJSON(_ target: String, _ body: String) -> WireRequest {
        WireRequest(method: "POST", path: "/", headers: ["X-Amz-Target": target], body: Array(body.utf8))
    }

    static let cases: [Case] = [
        Case(
            name: "maxResults not an integer", request: lattice("GET", "/targetgroups", query: "maxResults=ten"),
            code: "ValidationException", mentions: "maxResults", reason: "cannotParse"),
        Case(
            name: "maxResults overflows Int",
            request: lattice("GET", "/targetgroups", query: "maxResults=99999999999999999999"),
            code: "ValidationException", mentions: "maxResults", reason: "cannotParse"),
        Case(
            name: "maxResults twice",
            request: lattice("POST", "/targetgroups/tg-1/listtargets", query: "maxResults=1&maxResults=2"),
            code: "ValidationException", mentions: "maxResults", reason: "cannotParse"),
        Case(
            name: "bad percent-encoding in the query", request: lattice("GET", "/targetgroups", query: "nextToken=%zz"),
            code: "ValidationException", mentions: "query", reason: "cannotParse"),
        Case(
            name: "bad percent-encoding in the identifier", request: lattice("GET", "/targetgroups/tg%2"),
            code: "ValidationException", mentions: "targetGroupIdentifier", reason: "cannotParse"),
        Case(
            name: "unknown Lattice route", request: lattice("PUT", "/targetgroups/tg-1"),
            code: "ValidationException", mentions: "PUT /targetgroups/tg-1", reason: "unknownOperation"),
        Case(
            name: "GET on an action", request: lattice("GET", "/targetgroups/tg-1/registertargets"),
            code: "ValidationException", mentions: "registertargets", reason: "unknownOperation"),
        Case(
            name: "not a Lattice path", request: lattice("GET", "/services"),
            code: "ValidationException", mentions: "/services", reason: "unknownOperation"),
        Case(
            name: "Lattice body not JSON", request: lattice("POST", "/targetgroups", body: "{name"),
            code: "ValidationException", mentions: "JSON", reason: "cannotParse"),
        Case(
            name: "Lattice missing required member", request: lattice("POST", "/targetgroups", body: #"{"name": "x"}"#),
            code: "ValidationException", mentions: "type", reason: "fieldValidationFailed"),
        Case(
            name: "Lattice missing nested member",
            request: lattice(
                "POST", "/targetgroups/tg-1/registertargets",
                body: #"{"targets": [{"id": "a"}, {"port": 80}]}"#),
            code: "ValidationException", mentions: "targets[1].id", reason: "fieldValidationFailed"),
        Case(
            name: "Lattice wrong type",
            request: lattice("POST", "/targetgroups", body: #"{"name": "x", "type": "IP", "config": {"port": "80"}}"#),
            code: "ValidationException", mentions: "config.port", reason: "cannotParse"),
        Case(
            name: "Lattice body is an array", request: lattice("POST", "/targetgroups", body: "[]"),
            code: "ValidationException", mentions: "object", reason: "cannotParse"),
        Case(
            name: "unknown awsJson operation", request: awsJSON("Route53AutoNaming_v20170314.DeleteEverything", "{}"),
            code: "UnknownOperationException", mentions: "DeleteEverything"),
        Case(
            name: "unknown awsJson prefix", request: awsJSON("Nope_20200101.RegisterInstance", "{}"),
            code: "UnknownOperationException", mentions: "Nope_20200101"),
        Case(
            name: "operation of the other awsJson service",
            request: awsJSON("CodeDeploy_20141006.RegisterInstance", "{}"),
            code: "UnknownOperationException", mentions: "RegisterInstance"),
        Case(
            name: "awsJson body not JSON", request: awsJSON("CodeDeploy_20141006.GetDeployment", "\u{0}\u{1}"),
            code: "SerializationException", mentions: "JSON"),
        Case(
            name: "awsJson wrong type",
            request: awsJSON("CodeDeploy_20141006.BatchGetDeploymentTargets", #"{"targetIds": "i-1"}"#),
            code: "SerializationException", mentions: "targetIds"),
        Case(
            name: "awsJson missing required member",
            request: awsJSON(
                "Route53AutoNaming_v20170314.RegisterInstance",
                #"{"ServiceId": "s", "InstanceId": "i"}"#),
            code: "ValidationException", mentions: "Attributes"),
        Case(
            name: "awsJson null required member",
            request: awsJSON("Route53AutoNaming_v20170314.GetService", #"{"Id": null}"#),
            code: "ValidationException", mentions: "Id"),
    ]

    @Test("bad requests get the service's error, naming the member", arguments: cases)
    func badRequests(_ item: Case) throws {
        let error = try #require(AWSWireCodec.decodeRequest(item.request).failure)
        #expect(error.code == item.code)
        #expect(error.httpStatus == 400)
        let named =
            error.message.contains(item.mentions)
            || error.fields["fieldList"].map { "\($0)".contains(item.mentions) } == true
        #expect(named, "\(error)")
        #expect(error.fields["reason"]?.stringValue == item.reason)
    }

    @Test("an unknown X-Amz-Target prefix is answered Coral-style without a service")
    func unknownPrefixAnswer() async throws {
        let wire = await AWSWireCodec.respond(
            to: Self.awsJSON("Nope.Op", "{}"), requestId: "r", handler: { _ in .failure(.invalidInput("unused")) })
        #expect(wire.status == 400)
        #expect(
            try json(wire.body)
                == json(
                    #"{"__type": "com.amazon.coral.service#UnknownOperationException", "#
                        + #""message": "Unknown operation: X-Amz-Target 'Nope.Op'"}"#
                ))
    }

    @Test("respond: decode, handle, encode")
    func respond() async throws {
        let exchange = WireFixtures.exchanges[0]
        let wire = await AWSWireCodec.respond(
            to: try AWSWireCodec.encode(exchange.request), requestId: "r1",
            handler: { request in
                request == exchange.request ? .success(exchange.response) : .failure(.latticeAccessDenied())
            })
        #expect(wire.status == 201)
        #expect(AWSWireCodec.decodeResponse(to: exchange.request, wire) == .success(exchange.response))
    }

    @Test("empty bodies read as {} and unknown members are ignored")
    func lenientBodies() {
        #expect(
            AWSWireCodec.decodeRequest(Self.lattice("POST", "/targetgroups/tg-1/listtargets"))
                == .success(.lattice(.listTargets(ListTargetsInput(targetGroupIdentifier: "tg-1")))))
        #expect(
            AWSWireCodec.decodeRequest(Self.awsJSON(" CodeDeploy_20141006.GetDeployment ", #"{"x": [1, {"y": null}]}"#))
                == .success(.codeDeploy(.getDeployment(GetDeploymentInput()))))
    }

    @Test("seeded random bodies never crash and always get a protocol error or a request")
    func randomBodies() {
        var random = SplitMix64(seed: 0xB0D1E5)
        let targets = [
            "Route53AutoNaming_v20170314.RegisterInstance", "CodeDeploy_20141006.BatchGetDeploymentTargets", nil,
        ]
        let fragments = ["{", "}", "[", "]", "\"targets\"", "\"ServiceId\"", ":", ",", "1", "null", "\"x\"", "é", "\\"]
        for round in 0..<400 {
            let length = Int(random.next() % 40)
            var body: [UInt8]
            if round.isMultiple(of: 2) {
                body = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                body = Array(
                    (0..<length).map { _ in fragments[Int(random.next() % UInt64(fragments.count))] }
                        .joined().utf8)
            }
            var request = WireRequest(method: "POST", path: "/targetgroups/tg-1/registertargets", body: body)
            if let target = targets[round % targets.count] { request.headers.add("X-Amz-Target", target) }
            if case .failure(let error) = AWSWireCodec.decodeRequest(request) {
                #expect(["ValidationException", "SerializationException"].contains(error.code))
                #expect(!error.message.isEmpty)
            }
        }
    }
}

@Suite struct HeaderTrimmingTests {
    @Test(arguments: [
        ("Route53AutoNaming_v20170314.RegisterInstance", "Route53AutoNaming_v20170314.RegisterInstance"),
        ("  \tCodeDeploy_20141006.BatchGetDeploymentTargets \t", "CodeDeploy_20141006.BatchGetDeploymentTargets"),
        (" a b ", "a b"),
        ("\t \t", ""),
        ("", ""),
        (" é ", "é"),
    ])
    func trimsOnlyASCIIBlanksAtTheEnds(input: String, expected: String) {
        #expect(input.trimmingASCIIWhitespace == expected)
    }
}
