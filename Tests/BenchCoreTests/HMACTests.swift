import BenchCore
import Testing

@Suite("HMAC-SHA256")
struct HMACTests {
    /// One RFC 4231 case, shown in test output by its number rather than its bytes.
    struct RFC4231Case: Sendable, CustomTestStringConvertible {
        var number: Int
        var key: [UInt8]
        var data: [UInt8]
        var expected: String

        var testDescription: String { "test case \(number)" }

        static let largeKey = [UInt8](repeating: 0xAA, count: 131)

        /// RFC 4231 §4.2–4.8 (case 5 is compared on its first 128 bits, as the RFC truncates it).
        static let all = [
            RFC4231Case(
                number: 1, key: [UInt8](repeating: 0x0B, count: 20), data: Array("Hi There".utf8),
                expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            RFC4231Case(
                number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
                expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            RFC4231Case(
                number: 3, key: [UInt8](repeating: 0xAA, count: 20), data: [UInt8](repeating: 0xDD, count: 50),
                expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            RFC4231Case(
                number: 4, key: Array(1...25), data: [UInt8](repeating: 0xCD, count: 50),
                expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            RFC4231Case(
                number: 5, key: [UInt8](repeating: 0x0C, count: 20), data: Array("Test With Truncation".utf8),
                expected: "a3b6167473100ee06e0c796c2955552b"),
            RFC4231Case(
                number: 6, key: largeKey, data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            RFC4231Case(
                number: 7, key: largeKey,
                data: Array(
                    ("This is a test using a larger than block-size key and a larger than block-size data. The key "
                        + "needs to be hashed before being used by the HMAC algorithm.").utf8),
                expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
    }

    @Test("RFC 4231 test cases 1-7", arguments: RFC4231Case.all)
    func rfc4231(_ testCase: RFC4231Case) {
        let mac = Hex.encode(HMACSHA256.authenticationCode(key: testCase.key, message: testCase.data))
        #expect(mac.hasPrefix(testCase.expected))
        #expect(mac.count == 64)
    }

    /// Keys up to the 64-byte block are padded, longer ones hashed first: both sides of the boundary
    /// (expected values from Python's `hmac`).
    @Test(
        "key length around the block size",
        arguments: [
            (63, "5b3b28939f062233edd3b78c7984acc50bdb173013a53a3175a1b667dd4cdae0"),
            (64, "04660fc313657aa3500078e1f2788cc4e328654092b137f946516e4d7a17adae"),
            (65, "ea8a9678017bce7c50df43ced20cc4b112ed884969720bb2ec14e24ce582f037"),
        ])
    func keyLengthBoundary(length: Int, expected: String) {
        let key = (0..<length).map { UInt8($0) }
        #expect(Hex.encode(HMACSHA256.authenticationCode(key: key, message: "boundary".utf8)) == expected)
    }
}
