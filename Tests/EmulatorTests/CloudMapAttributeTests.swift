import AWSModel
import Testing

@testable import Emulator

/// One row of the attribute table: attributes and the message fragment of the expected `InvalidInput`
/// (`nil`: accepted).
struct AttributeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var attributes: [String: String]
    var error: String?

    var testDescription: String { name }

    static func custom(_ count: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ("k\($0)", "v") })
    }

    /// Five attributes whose keys and values total `total` characters (keys "a0"..."a4": 10 characters).
    static func total(_ total: Int) -> [String: String] {
        var remaining = total - 10
        var attributes: [String: String] = [:]
        for index in 0..<5 {
            let length = min(remaining, 1_024)
            attributes["a\(index)"] = String(repeating: "x", count: length)
            remaining -= length
        }
        return attributes
    }

    static let all: [AttributeCase] = [
        .init(name: "no attributes at all (HTTP namespace needs no address)", attributes: [:]),
        .init(name: "custom only", attributes: ["color": "blue"]),
        .init(name: "30 custom", attributes: custom(30)),
        .init(name: "31 custom", attributes: custom(31), error: "at most 30 custom attributes (got 31)"),
        .init(
            name: "30 custom + reserved keys do not count",
            attributes: custom(30).merging(["AWS_INSTANCE_IPV4": "10.0.0.1", "AWS_INSTANCE_PORT": "80"]) { a, _ in a }),
        .init(name: "key 255", attributes: [String(repeating: "k", count: 255): "v"]),
        .init(
            name: "key 256", attributes: [String(repeating: "k", count: 256): "v"], error: "less than or equal to 255"),
        .init(name: "value 1024", attributes: ["k": String(repeating: "v", count: 1_024)]),
        .init(
            name: "value 1025", attributes: ["k": String(repeating: "v", count: 1_025)],
            error: "less than or equal to 1024"),
        .init(name: "total 5000", attributes: total(5_000)),
        .init(name: "total 5001", attributes: total(5_001), error: "at most 5000 characters (got 5001)"),
        .init(name: "key with a space", attributes: ["bad key": "v"], error: "^[a-zA-Z0-9!-~]+$"),
        .init(name: "key non-ASCII", attributes: ["clé": "v"], error: "^[a-zA-Z0-9!-~]+$"),
        .init(name: "key empty", attributes: ["": "v"], error: "Attributes key is required"),
        .init(name: "key of symbols", attributes: ["!~{}": "v"]),
        .init(name: "value empty", attributes: ["k": ""]),
        .init(name: "value with inner space and tab", attributes: ["k": "a b\tc"]),
        .init(name: "value with trailing space", attributes: ["k": "a "]),
        .init(name: "value with leading space", attributes: ["k": " a"], error: "Attributes[k] must be empty"),
        .init(name: "value only a tab", attributes: ["k": "\t"], error: "Attributes[k] must be empty"),
        .init(name: "value with newline", attributes: ["k": "a\nb"], error: "offset 1"),
        .init(name: "value with a late newline", attributes: ["k": "ab c\td\n"], error: "(invalid character at offset 6)"),
        .init(name: "value led by a space", attributes: ["k": " a"], error: "(invalid character at offset 0)"),
        .init(name: "key with a late space", attributes: ["bad key": "v"], error: "(invalid character at offset 3)"),
        .init(name: "unknown AWS_ key", attributes: ["AWS_FOO": "x"], error: "AWS_FOO is not supported"),
        .init(name: "health HEALTHY", attributes: ["AWS_INIT_HEALTH_STATUS": "HEALTHY"]),
        .init(name: "health UNHEALTHY", attributes: ["AWS_INIT_HEALTH_STATUS": "UNHEALTHY"]),
        .init(
            name: "health lower case", attributes: ["AWS_INIT_HEALTH_STATUS": "healthy"], error: "HEALTHY, UNHEALTHY"),
        .init(name: "port 0", attributes: ["AWS_INSTANCE_PORT": "0"], error: "between 1 and 65535"),
        .init(name: "port 1", attributes: ["AWS_INSTANCE_PORT": "1"]),
        .init(name: "port 65535", attributes: ["AWS_INSTANCE_PORT": "65535"]),
        .init(name: "port 65536", attributes: ["AWS_INSTANCE_PORT": "65536"], error: "between 1 and 65535"),
        .init(name: "port not a number", attributes: ["AWS_INSTANCE_PORT": "80a"], error: "between 1 and 65535"),
        .init(name: "port signed", attributes: ["AWS_INSTANCE_PORT": "+80"], error: "between 1 and 65535"),
        .init(name: "port empty", attributes: ["AWS_INSTANCE_PORT": ""], error: "between 1 and 65535"),
        .init(name: "IPv4 plain", attributes: ["AWS_INSTANCE_IPV4": "192.0.2.44"]),
        .init(name: "IPv4 extremes", attributes: ["AWS_INSTANCE_IPV4": "255.255.255.255"]),
        .init(name: "IPv4 zeros", attributes: ["AWS_INSTANCE_IPV4": "0.0.0.0"]),
        .init(name: "IPv4 octet 256", attributes: ["AWS_INSTANCE_IPV4": "256.0.0.1"], error: "IPv4 address"),
        .init(name: "IPv4 three octets", attributes: ["AWS_INSTANCE_IPV4": "10.0.1"], error: "IPv4 address"),
        .init(name: "IPv4 five octets", attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1.5"], error: "IPv4 address"),
        .init(name: "IPv4 leading zero", attributes: ["AWS_INSTANCE_IPV4": "10.0.0.01"], error: "IPv4 address"),
        .init(name: "IPv4 trailing space", attributes: ["AWS_INSTANCE_IPV4": "10.0.0.1 "], error: "IPv4 address"),
        .init(name: "IPv4 hostname", attributes: ["AWS_INSTANCE_IPV4": "a.b.c.d"], error: "IPv4 address"),
        .init(name: "IPv4 empty", attributes: ["AWS_INSTANCE_IPV4": ""], error: "IPv4 address"),
        .init(name: "IPv6 full", attributes: ["AWS_INSTANCE_IPV6": "2001:0db8:85a3:0000:0000:abcd:0001:2345"]),
        .init(name: "IPv6 compressed", attributes: ["AWS_INSTANCE_IPV6": "2001:db8::1"]),
        .init(name: "IPv6 loopback", attributes: ["AWS_INSTANCE_IPV6": "::1"]),
        .init(name: "IPv6 mapped IPv4", attributes: ["AWS_INSTANCE_IPV6": "::ffff:192.0.2.1"]),
        .init(name: "IPv6 two ::", attributes: ["AWS_INSTANCE_IPV6": "2001::1::2"], error: "IPv6 address"),
        .init(name: "IPv6 long group", attributes: ["AWS_INSTANCE_IPV6": "12345::"], error: "IPv6 address"),
        .init(name: "IPv6 given IPv4", attributes: ["AWS_INSTANCE_IPV6": "10.0.0.1"], error: "IPv6 address"),
        .init(name: "CNAME", attributes: ["AWS_INSTANCE_CNAME": "example.com"]),
        .init(name: "EC2 alone", attributes: ["AWS_EC2_INSTANCE_ID": "i-0123456789abcdef0"]),
        .init(
            name: "EC2 with health",
            attributes: ["AWS_EC2_INSTANCE_ID": "i-0123456789abcdef0", "AWS_INIT_HEALTH_STATUS": "HEALTHY"]),
        .init(
            name: "EC2 with IPv4",
            attributes: ["AWS_EC2_INSTANCE_ID": "i-0123456789abcdef0", "AWS_INSTANCE_IPV4": "10.0.0.1"],
            error: "allows only AWS_INIT_HEALTH_STATUS beside it"),
        .init(
            name: "EC2 with custom", attributes: ["AWS_EC2_INSTANCE_ID": "i-0123456789abcdef0", "color": "blue"],
            error: "allows only AWS_INIT_HEALTH_STATUS beside it"),
        .init(name: "alias alone", attributes: ["AWS_ALIAS_DNS_NAME": "lb.example.com", "color": "blue"]),
        .init(
            name: "alias with port", attributes: ["AWS_ALIAS_DNS_NAME": "lb.example.com", "AWS_INSTANCE_PORT": "80"],
            error: "AWS_ALIAS_DNS_NAME can't be combined with AWS_INSTANCE_PORT"),
        .init(
            name: "alias with IPv4",
            attributes: ["AWS_ALIAS_DNS_NAME": "lb.example.com", "AWS_INSTANCE_IPV4": "10.0.0.1"],
            error: "AWS_ALIAS_DNS_NAME can't be combined with AWS_INSTANCE_IPV4"),
    ]
}

@Suite("Cloud Map RegisterInstance attributes")
struct CloudMapAttributeTests {
    @Test("attribute rules, each limit on both sides", arguments: AttributeCase.all)
    func attributeRule(_ row: AttributeCase) throws {
        let fixture = try CloudMapFixture()
        if let fragment = row.error {
            expectError(CloudMapErrorCode.invalidInput, containing: fragment) {
                try fixture.register("i-1", attributes: row.attributes)
            }
            #expect(fixture.entries(.registered).isEmpty)
        } else {
            try fixture.register("i-1", attributes: row.attributes)
            let instance = try fixture.emulator.getInstance(
                GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
            #expect(instance.instance.attributes == row.attributes)
        }
    }

    /// The validator counts a key without the `AWS_` prefix as custom without looking it up among the reserved.
    @Test("every reserved key starts with AWS_")
    func reservedKeysHaveThePrefix() {
        #expect(CloudMap.AttributeKey.reserved.count == 7)
        #expect(CloudMap.AttributeKey.reserved.filter { !$0.hasPrefix("AWS_") }.isEmpty)
    }

    @Test("AWS_EC2_INSTANCE_ID is refused outside HTTP namespaces")
    func ec2OnlyInHTTPNamespaces() {
        let attributes = ["AWS_EC2_INSTANCE_ID": "i-0123456789abcdef0"]
        for type in [CloudMap.ResourceKind.dnsPrivate, CloudMap.ResourceKind.dnsPublic] {
            expectError(CloudMapErrorCode.invalidInput, containing: "only for instances in HTTP namespaces") {
                try InstanceDigest.withSorted(attributes) { (sorted) throws(ServiceError) in
                    try CloudMapAttributeValidator.validate(sorted, namespaceType: type)
                }
            }
        }
    }

    @Test("the first error reported does not depend on dictionary order")
    func deterministicFirstError() throws {
        let fixture = try CloudMapFixture()
        let attributes = ["b key": "v", "a key": "v", "c key": "v"]
        let messages = (0..<5).map { _ in serviceError { try fixture.register("i-1", attributes: attributes) }?.message
        }
        #expect(messages.allSatisfy { $0 == messages[0] })
        #expect(messages[0]?.contains("a key") == true)
    }
}
