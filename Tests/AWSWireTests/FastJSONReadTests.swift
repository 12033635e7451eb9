import AWSModel
import Foundation
import Testing

@testable import AWSWire

/// The server's fast read of its hot bodies must give exactly what JSONDecoder gives, and leave to JSONDecoder
/// (answer nil) everything it does not take, so that errors read as before.
@Suite struct FastJSONReadTests {
    static let fast: [String] = [
        #"{"ServiceId":"srv-1","InstanceId":"i-1","CreatorRequestId":"c-1","Attributes":{"AWS_INSTANCE_IPV4":"10.0.0.1"}}"#,
        #"{ "Attributes" : { "b" : "2" , "a" : "1" } ,"InstanceId": "i-1", "ServiceId":"srv-1" }"#,
        "{\n\t\"ServiceId\": \"srv-1\",\r\n \"InstanceId\": \"i-1\", \"Attributes\": {}\n}\n",
        #"{"ServiceId":"srv-\u0031","InstanceId":"i\/1 \"q\" \\ \b\f\n\r\t","Attributes":{"k":"caf\u00e9 \ud83d\ude00"}}"#,
        #"{"ServiceId":"srv-é","InstanceId":"😀","Attributes":{"ü":"ß"}}"#,
    ]

    static let fallback: [String] = [
        #"{"ServiceId":"srv-1","InstanceId":"i-1","CreatorRequestId":null,"Attributes":{}}"#,
        #"{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{},"Extra":1}"#,
        #"{"ServiceId":"srv-1","ServiceId":"srv-2","InstanceId":"i-1","Attributes":{}}"#,
        #"{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{"a":"1","a":"2"}}"#,
        #"{"ServiceId":1,"InstanceId":"i-1","Attributes":{}}"#,
        #"{"ServiceId":"srv-1","InstanceId":"i-1"}"#,
        #"{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{}} x"#,
        "{\"ServiceId\":\"srv\u{01}\",\"InstanceId\":\"i-1\",\"Attributes\":{}}",
        #"{"ServiceId":"srv\x","InstanceId":"i-1","Attributes":{}}"#,
        #"{"ServiceId":"\ud83d","InstanceId":"i-1","Attributes":{}}"#,
        #"{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{"a":"1"},}"#,
        #"[]"#, "", "null",
    ]

    static func slow(_ text: String) -> RegisterInstanceInput? {
        try? JSONDecoder().decode(RegisterInstanceInput.self, from: Data(text.utf8))
    }

    @Test(arguments: fast)
    func wellFormedBodiesReadFastAndAsJSONDecoderReadsThem(text: String) throws {
        let read = try #require(RegisterInstanceInput.fastRead(Array(text.utf8)))
        #expect(read == Self.slow(text))
    }

    @Test(arguments: fallback)
    func everythingElseIsLeftToJSONDecoder(text: String) {
        #expect(RegisterInstanceInput.fastRead(Array(text.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() {
        var bytes = Array(#"{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{}}"#.utf8)
        bytes[15] = 0xFF
        #expect(RegisterInstanceInput.fastRead(bytes) == nil)
    }

    @Test(arguments: [
        (#"{"targets":[{"id":"10.0.0.1","port":80},{"id":"i-2"}]}"#, true),
        (#"{ "targets" : [ { "port" : 65535 , "id" : "a" } ] }"#, true),
        (#"{"targets":[]}"#, true),
        (#"{"targets":[{"id":"a","port":1.5}]}"#, false),
        (#"{"targets":[{"id":"a","port":-1}]}"#, false),
        (#"{"targets":[{"id":"a","port":080}]}"#, false),
        (#"{"targets":[{"id":"a","port":null}]}"#, false),
        (#"{"targets":[{"port":80}]}"#, false),
        (#"{"targets":null}"#, false),
        (#"{}"#, false),
    ])
    func targetsBodies(text: String, readsFast: Bool) throws {
        let fast = TargetsBody.fastRead(Array(text.utf8))
        #expect((fast != nil) == readsFast)
        if let fast {
            let slow = try JSONDecoder().decode(TargetsBody.self, from: Data(text.utf8))
            #expect(fast.targets == slow.targets)
        }
    }

    @Test func theServerDecodesTheSameRequestEitherWay() throws {
        let body = Array(#"{"ServiceId":"srv-abc","InstanceId":"i-1","Attributes":{"AWS_INSTANCE_PORT":"80"}}"#.utf8)
        let request = WireRequest(
            method: "POST", path: "/", query: "",
            headers: WireHeaders([
                WireHeader(name: "X-Amz-Target", value: "Route53AutoNaming_v20170314.RegisterInstance"),
                WireHeader(name: "Content-Type", value: "application/x-amz-json-1.1"),
            ]),
            body: body)
        let decoded = try AWSWireCodec.decodeRequest(request).get()
        #expect(decoded == .cloudMap(.registerInstance(
            RegisterInstanceInput(serviceId: "srv-abc", instanceId: "i-1", attributes: ["AWS_INSTANCE_PORT": "80"]))))
    }
}
