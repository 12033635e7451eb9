import AWSModel
import Foundation

/// One of the five botocore vectors of `wire.md` §4.2 (`research/sigv4_vectors.json`), copied verbatim so
/// that the tests do not depend on the research folder: inputs, then botocore's intermediate steps.
struct SigV4Vector: Sendable, CustomStringConvertible {
    var name: String
    var scheme: String
    var host: String
    var port: Int?
    var method: String
    var path: String
    var query: String
    var headers: [(String, String)]
    var body: String
    var token: String?
    var region: String
    var service: String
    var canonicalRequest: String
    var stringToSign: String
    var signingKey: String
    var authorization: String
    var headersAdded: [String]

    var description: String { name }

    /// The signing time of every vector, 2025-01-15T12:34:56Z.
    static let date = Date(timeIntervalSince1970: 1_736_944_496)

    var credentials: AWSCredentials {
        AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: token)
    }

    var signer: SigV4Signer { SigV4Signer(credentials: credentials, region: region, service: service) }

    /// The request headers as the transport sends them: the vector's, plus `Host` derived as botocore does.
    var headersWithHost: [(String, String)] {
        headers + [("Host", SigV4Signer.hostHeader(scheme: scheme, host: host, port: port))]
    }

    static let all: [SigV4Vector] = [
        SigV4Vector(
            name: "V1", scheme: "https", host: "vpc-lattice.us-east-1.amazonaws.com", port: nil,
            method: "POST",
            path: "/targetgroups",
            query: "",
            headers: [
                ("Content-Type", "application/json")
            ],
            body: """
                {"name":"my-tg","type":"IP","clientToken":"tok-1","config":{"port":80,"protocol":"HTTP","vpcIdentifi\
                er":"vpc-0123456789abcdef0"}}
                """,
            token: nil,
            region: "us-east-1", service: "vpc-lattice",
            canonicalRequest: """
                POST
                /targetgroups

                content-type:application/json
                host:vpc-lattice.us-east-1.amazonaws.com
                x-amz-date:20250115T123456Z

                content-type;host;x-amz-date
                8192650ae70db07f868758402fd77910ede6418a4a27dc624569b844ec4f38ab
                """,
            stringToSign: """
                AWS4-HMAC-SHA256
                20250115T123456Z
                20250115/us-east-1/vpc-lattice/aws4_request
                02b05bd82087a4fca39f4e8c7a3e258db9953cafa6b7c6f13b9c7661bafcfe43
                """,
            signingKey: "b1c97ccc81803f357f823618889bcac2eaacddb81f0d3146013c429e9add7e0a",
            authorization: """
                AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/vpc-lattice/aws4_request, SignedHeaders=c\
                ontent-type;host;x-amz-date, Signature=f8cbbe1d058e206f2234d106a170954a47c590eb1a2a7869cc6be3f4a7192\
                7fe
                """,
            headersAdded: ["X-Amz-Date"]
        ),
        SigV4Vector(
            name: "V2", scheme: "https", host: "vpc-lattice.us-west-2.amazonaws.com", port: nil,
            method: "POST",
            path: """
                /targetgroups/arn%3Aaws%3Avpc-lattice%3Aus-west-2%3A123456789012%3Atargetgroup%2Ftg-0123456789abcdef\
                g/registertargets
                """,
            query: "",
            headers: [
                ("Content-Type", "application/json")
            ],
            body: "{\"targets\":[{\"id\":\"10.0.0.1\",\"port\":80},{\"id\":\"10.0.0.2\"}]}",
            token: "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJGMEQCIAExample==",
            region: "us-west-2", service: "vpc-lattice",
            canonicalRequest: """
                POST
                /targetgroups/arn%253Aaws%253Avpc-lattice%253Aus-west-2%253A123456789012%253Atargetgroup%252Ftg-0123\
                456789abcdefg/registertargets

                content-type:application/json
                host:vpc-lattice.us-west-2.amazonaws.com
                x-amz-date:20250115T123456Z
                x-amz-security-token:IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJGMEQCIAExample==

                content-type;host;x-amz-date;x-amz-security-token
                49b1cde90372823840a38fd8a43f6ec6282b5b0918dd4e03951b35a171ab944a
                """,
            stringToSign: """
                AWS4-HMAC-SHA256
                20250115T123456Z
                20250115/us-west-2/vpc-lattice/aws4_request
                0f3f87839ca11db054f857ed912fc3a05ffe50d978115c688c0f6fe7a688915a
                """,
            signingKey: "5ac2cd768e49ad7036a032bdf44747f62cba17396045e3293de1de74d936ca86",
            authorization: """
                AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-west-2/vpc-lattice/aws4_request, SignedHeaders=c\
                ontent-type;host;x-amz-date;x-amz-security-token, Signature=2186ac62f64d2f0ba11302f4d4ed12f38fd8c0f7\
                37cb57c3b3040f698bfbe373
                """,
            headersAdded: ["X-Amz-Date", "X-Amz-Security-Token"]
        ),
        SigV4Vector(
            name: "V3", scheme: "https", host: "servicediscovery.us-east-1.amazonaws.com", port: nil,
            method: "POST",
            path: "/",
            query: "",
            headers: [
                ("X-Amz-Target", "Route53AutoNaming_v20170314.RegisterInstance"),
                ("Content-Type", "application/x-amz-json-1.1")
            ],
            body: """
                {"ServiceId":"srv-abcdefgh12345678","InstanceId":"i-1","CreatorRequestId":"req-1","Attributes":{"AWS\
                _INSTANCE_IPV4":"10.0.0.1","AWS_INSTANCE_PORT":"80"}}
                """,
            token: nil,
            region: "us-east-1", service: "servicediscovery",
            canonicalRequest: """
                POST
                /

                content-type:application/x-amz-json-1.1
                host:servicediscovery.us-east-1.amazonaws.com
                x-amz-date:20250115T123456Z
                x-amz-target:Route53AutoNaming_v20170314.RegisterInstance

                content-type;host;x-amz-date;x-amz-target
                5ba395358d8da1af1f8f09082fa0537a82f06942189ad95b521d9713ef004f75
                """,
            stringToSign: """
                AWS4-HMAC-SHA256
                20250115T123456Z
                20250115/us-east-1/servicediscovery/aws4_request
                e6266c057080a5079618a37fad80e77d6c1100357eb0ab95e9f335fb97b44c28
                """,
            signingKey: "a3dcd4dd33d6d0eea3f46bad666e48b7605a6b5ed19f22c7f28338906a22311f",
            authorization: """
                AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/servicediscovery/aws4_request, SignedHead\
                ers=content-type;host;x-amz-date;x-amz-target, Signature=7ffe08c5ddbd2acc1faeb63778771857770dfec4490\
                c6d1f0cf8d357713517bd
                """,
            headersAdded: ["X-Amz-Date"]
        ),
        SigV4Vector(
            name: "V4", scheme: "https", host: "vpc-lattice.us-east-1.amazonaws.com", port: nil,
            method: "GET",
            path: "/targetgroups",
            query: "targetGroupType=IP&maxResults=10&nextToken=a%2Fb%2Bc%3D%20d",
            headers: [],
            body: "",
            token: nil,
            region: "us-east-1", service: "vpc-lattice",
            canonicalRequest: """
                GET
                /targetgroups
                maxResults=10&nextToken=a%2Fb%2Bc%3D%20d&targetGroupType=IP
                host:vpc-lattice.us-east-1.amazonaws.com
                x-amz-date:20250115T123456Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """,
            stringToSign: """
                AWS4-HMAC-SHA256
                20250115T123456Z
                20250115/us-east-1/vpc-lattice/aws4_request
                a5e343aab79aadfafc69b1c65b6f5e732d9b54547ff700dba5da5d57e9763066
                """,
            signingKey: "b1c97ccc81803f357f823618889bcac2eaacddb81f0d3146013c429e9add7e0a",
            authorization: """
                AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/vpc-lattice/aws4_request, SignedHeaders=h\
                ost;x-amz-date, Signature=dcb7ed641d509b0c10d7f246a6726bfeea3f59de1ccc36dcb922a6326fbb8bbb
                """,
            headersAdded: ["X-Amz-Date"]
        ),
        SigV4Vector(
            name: "V5", scheme: "http", host: "localhost", port: 4566,
            method: "POST",
            path: "/",
            query: "",
            headers: [
                ("X-Amz-Target", "CodeDeploy_20141006.BatchGetDeploymentTargets"),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("User-Agent", "swift-client/1.0"),
                ("X-Chaos-Note", "  multiple   spaces  here ")
            ],
            body: "{\"deploymentId\":\"d-ABCDEF123\",\"targetIds\":[\"i-0123456789abcdef0\",\"i-0fedcba9876543210\"]}",
            token: nil,
            region: "eu-central-1", service: "codedeploy",
            canonicalRequest: """
                POST
                /

                content-type:application/x-amz-json-1.1
                host:localhost:4566
                x-amz-date:20250115T123456Z
                x-amz-target:CodeDeploy_20141006.BatchGetDeploymentTargets
                x-chaos-note:multiple spaces here

                content-type;host;x-amz-date;x-amz-target;x-chaos-note
                8d506e7a54b3a08eb2d77f8235636b012a5246020004113196b94c0cc5f06172
                """,
            stringToSign: """
                AWS4-HMAC-SHA256
                20250115T123456Z
                20250115/eu-central-1/codedeploy/aws4_request
                87c4153b91d885b4875d5ec6276eb138bc4bc78d324a02ae1875031822e803bd
                """,
            signingKey: "ccfc8a9ea81cf21b2c6d6a166afda04af6b64efe5ac02ed6ea38267421c0e800",
            authorization: """
                AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/eu-central-1/codedeploy/aws4_request, SignedHeaders\
                =content-type;host;x-amz-date;x-amz-target;x-chaos-note, Signature=62fec1d04ff750d47eb733ac0ec41ed13\
                a3bd2b4e329140240c97f20949c3d75
                """,
            headersAdded: ["X-Amz-Date"]
        ),
    ]
}
