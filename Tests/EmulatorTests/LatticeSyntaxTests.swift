import AWSModel
import BenchCore
import Testing
@testable import Emulator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the C library's `inet_pton` takes `text` for `family`: the reference for the IP matchers.
private func inetPton(_ family: Int32, _ text: String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16)
    return inet_pton(family, text, &buffer) == 1
}

private let addresses = [
    "0.0.0.0", "10.0.0.1", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1..3.4",
    "1.2.3.", ".1.2.3", "1.2.3.4 ", "a.b.c.d", "1.2.3.0", "100.200.250.199", "",
    "::", "::1", "1::", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:DB8::FF", "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1",
    "::ffff:10.0.0.1", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.256", "fe80::1%eth0", "g::1",
    "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", ":::", "1:::2",
]

@Suite("Lattice syntax matchers")
struct LatticeSyntaxTests {
    @Test("IPv4 and IPv6 literals are judged as inet_pton judges them", arguments: addresses)
    func ipLiterals(_ text: String) {
        #expect(LatticeSyntax.isIPv4(text.utf8) == inetPton(AF_INET, text))
        #expect(LatticeSyntax.isIPv6(text) == inetPton(AF_INET6, text))
    }

    @Test("target group identifiers")
    func identifiers() {
        let id = "tg-0123456789abcdefg"
        #expect(LatticeSyntax.targetGroupIdentifier(id) == .id(id))
        let arn = "arn:aws-cn:vpc-lattice:cn-North-1:123456789012:targetgroup/\(id)"
        #expect(LatticeSyntax.targetGroupIdentifier(arn) == .arn(arn, id: id))
        let bad = [
            "tg-0123456789abcdef", "tg-0123456789abcdefgh", "arn:aws:lattice:us-east-1:123456789012:targetgroup/\(id)",
            "arn:aws:vpc-lattice:us-east-1:123456789012:service/\(id)",
            "arn::vpc-lattice:r:123456789012:targetgroup/\(id)", "arn:aws:vpc-lattice:r:123456789012:targetgroup/",
        ]
        for bad in bad {
            #expect(LatticeSyntax.targetGroupIdentifier(bad) == nil)
        }
    }

    @Test("ServiceError constructors carry the modeled code, status and members")
    func errors() {
        let validation = ServiceError.latticeValidation("bad", fields: [("name", "name is bad")])
        #expect(validation.code == "ValidationException" && validation.httpStatus == 400)
        #expect(validation.fields["reason"] == "fieldValidationFailed")
        #expect(validation.fields["fieldList"] == .array([.object(["name": "name", "message": "name is bad"])]))
        #expect(ServiceError.latticeValidation("x", reason: "cannotParse").fields == ["reason": "cannotParse"])
        let conflict = ServiceError.latticeConflict("c", resourceId: "tg-1", resourceType: "TARGET_GROUP")
        #expect(conflict.code == "ConflictException" && conflict.httpStatus == 409)
        #expect(conflict.fields == ["resourceId": "tg-1", "resourceType": "TARGET_GROUP"])
        let missing = ServiceError.latticeNotFound("m", resourceId: "tg-1", resourceType: "TARGET_GROUP")
        #expect(missing.code == "ResourceNotFoundException" && missing.httpStatus == 404)
        #expect(missing.fields == ["resourceId": "tg-1", "resourceType": "TARGET_GROUP"])
        let quota = ServiceError.latticeQuotaExceeded("q", resourceType: "TARGET", quotaCode: "L-1")
        #expect(quota.code == "ServiceQuotaExceededException" && quota.httpStatus == 402)
        #expect(quota.fields == ["resourceType": "TARGET", "serviceCode": "vpc-lattice", "quotaCode": "L-1"])
        let throttled = ServiceError.latticeThrottling(retryAfterSeconds: 3, quotaCode: "L-2")
        #expect(throttled.code == "ThrottlingException" && throttled.httpStatus == 429)
        #expect(throttled.retryAfterSeconds == 3 && throttled.fields == ["quotaCode": "L-2"])
        let failed = ServiceError.latticeInternal(retryAfterSeconds: 2)
        #expect(failed.code == "InternalServerException" && failed.httpStatus == 500)
        #expect(failed.retryAfterSeconds == 2 && failed.fields.isEmpty)
        let denied = ServiceError.latticeAccessDenied()
        #expect(denied.code == "AccessDeniedException" && denied.httpStatus == 403)
    }
}
