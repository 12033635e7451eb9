import AWSModel
import BenchCore
import Emulator
import Testing

/// `TargetRef`: the one definition of a Lattice target's key (`id:port`), in text and as JSON.
@Suite struct TargetRefTests {
    static let ids = ["10.0.0.1", "i-0abc", "arn:aws:lambda:us-east-1:123456789012:function:f", "é\"\\/\u{1}", ""]
    static let ports: [Int?] = [nil, 0, 1, 80, 65_535, Int.max, -1]

    @Test func keyIsIdColonPortOrTheIdAlone() {
        #expect(TargetRef.key(id: "10.0.0.1", port: 80) == "10.0.0.1:80")
        #expect(TargetRef.key(id: "i-0abc", port: nil) == "i-0abc")
        #expect(TargetRef.key(Target(id: "i-0abc", port: 8080)) == "i-0abc:8080")
    }

    @Test func withoutPortDropsOnlyADigitSuffix() {
        #expect(TargetRef.withoutPort("10.0.0.1:80") == "10.0.0.1")
        #expect(TargetRef.withoutPort("i-0abc") == "i-0abc")
        #expect(TargetRef.withoutPort("arn:aws:lambda:us-east-1:123456789012:function:f") ==
            "arn:aws:lambda:us-east-1:123456789012:function:f")
        #expect(TargetRef.withoutPort("host:") == "host:")
    }

    /// The JSON form is exactly the key written as a JSON string, for every id and port above.
    @Test(arguments: ids)
    func jsonFormIsTheKeyAsAJSONString(_ id: String) {
        for port in Self.ports {
            var expected: [UInt8] = []
            JSONText.appendString(TargetRef.key(id: id, port: port), to: &expected)
            var written: [UInt8] = []
            TargetRef.appendJSON(id: id, port: port, to: &written)
            #expect(written == expected, "id \(id), port \(String(describing: port))")
            var fromTarget: [UInt8] = []
            TargetRef.appendJSON(Target(id: id, port: port), to: &fromTarget)
            #expect(fromTarget == expected)
        }
    }
}
