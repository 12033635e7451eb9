import AWSModel
import Foundation
import Testing

@Suite("AWSCredentials")
struct AWSCredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN"

    @Test("no textual form reveals the secret or the token")
    func redaction() {
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.secret, sessionToken: Self.token)
        #expect(
            credentials.description
                == "AWSCredentials(accessKeyId: AKID…, secret: <redacted>, sessionToken: <redacted>)")
        #expect(AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.secret).description
            == "AWSCredentials(accessKeyId: AKID…, secret: <redacted>)")
        var dumped = ""
        dump(credentials, to: &dumped)
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "vpc-lattice")
        _ = signer.sign(
            method: "GET", path: "/", query: "", headers: [("Host", "h")], body: [UInt8](), date: SigV4Vector.date)
        var dumpedSigner = ""
        dump(signer, to: &dumpedSigner)
        let texts = [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
            "\([credentials])", "\(Optional(credentials) as Any)", dumped, "\(signer)", String(reflecting: signer),
            dumpedSigner,
        ]
        for text in texts {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains(Self.token), "\(text)")
            #expect(!text.contains("AKIDEXAMPLE"), "\(text)")
        }
    }

    @Test(
        "environment: both halves of the key pair are required, the token is optional",
        arguments: [
            (["AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK"],
             AWSCredentials(accessKeyId: "AK", secretAccessKey: "SK")),
            (["AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_SESSION_TOKEN": "T"],
             AWSCredentials(accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "T")),
            (["AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_SESSION_TOKEN": ""],
             AWSCredentials(accessKeyId: "AK", secretAccessKey: "SK")),
            (["AWS_ACCESS_KEY_ID": "AK"], nil),
            (["AWS_SECRET_ACCESS_KEY": "SK"], nil),
            (["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "SK"], nil),
            ([:], nil),
        ] as [([String: String], AWSCredentials?)])
    func environment(variables: [String: String], expected: AWSCredentials?) {
        #expect(AWSCredentials.fromEnvironment(variables) == expected)
    }

    static let file = """
        # comment
        [default]
        aws_access_key_id = AKDEFAULT
        aws_secret_access_key=SKDEFAULT

        ; another comment
        [temp]
        AWS_ACCESS_KEY_ID: AKTEMP
        aws_secret_access_key = SK=with=equals
        aws_session_token = TOKEN
        [role]
        role_arn = arn:aws:iam::123456789012:role/x
        source_profile = default
        [half]
        aws_access_key_id = AKHALF
        """

    @Test(
        "shared file profiles",
        arguments: [
            ("default", AWSCredentials(accessKeyId: "AKDEFAULT", secretAccessKey: "SKDEFAULT")),
            ("temp", AWSCredentials(accessKeyId: "AKTEMP", secretAccessKey: "SK=with=equals", sessionToken: "TOKEN")),
            ("role", nil), ("absent", nil),
        ] as [(String, AWSCredentials?)])
    func sharedFile(profile: String, expected: AWSCredentials?) throws {
        #expect(try AWSCredentials.fromSharedFile(contents: Self.file, profile: profile, path: "f") == expected)
    }

    @Test("CRLF line ends and indented continuation lines are read as configparser reads them")
    func sharedFileLineEnds() throws {
        let text = "[default]\r\naws_access_key_id = AK\r\naws_secret_access_key = SK\r\n  continued\r\n"
        let credentials = try AWSCredentials.fromSharedFile(contents: text, profile: "default", path: "f")
        #expect(credentials == AWSCredentials(accessKeyId: "AK", secretAccessKey: "SK\ncontinued"))
    }

    @Test("shared file errors name the file, the line or the profile, never a value")
    func sharedFileErrors() {
        let half = CredentialsFileError.incompleteProfile(path: "f", profile: "half", missing: "aws_secret_access_key")
        #expect(throws: half) {
            try AWSCredentials.fromSharedFile(contents: Self.file, profile: "half", path: "f")
        }
        let early = CredentialsFileError.malformedLine(
            path: "f", line: 1, reason: "a key appears before any [section] header")
        #expect(throws: early) {
            try AWSCredentials.fromSharedFile(contents: "aws_access_key_id = AK\n", profile: "default", path: "f")
        }
        #expect(throws: CredentialsFileError.malformedLine(path: "f", line: 2, reason: "expected `key = value`")) {
            try AWSCredentials.fromSharedFile(contents: "[default]\nsecretvalue\n", profile: "default", path: "f")
        }
        #expect(half.description == "credentials file f, profile [half]: aws_secret_access_key is missing")
    }

    @Test("the shared file is found through AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE; a missing file is nil")
    func sharedFileOnDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID().uuidString)")
        try Self.file.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let environment = ["AWS_SHARED_CREDENTIALS_FILE": url.path, "AWS_PROFILE": "temp", "HOME": "/nonexistent"]
        #expect(try AWSCredentials.fromSharedFile(environment: environment)?.accessKeyId == "AKTEMP")
        let named = try AWSCredentials.fromSharedFile(profile: "default", environment: environment)
        #expect(named?.accessKeyId == "AKDEFAULT")
        #expect(try AWSCredentials.fromSharedFile(path: url.path + ".absent", environment: environment) == nil)
        #expect(try AWSCredentials.fromSharedFile(environment: ["HOME": "/nonexistent"]) == nil)
        // The environment wins over the file.
        let both = environment.merging(["AWS_ACCESS_KEY_ID": "AKENV", "AWS_SECRET_ACCESS_KEY": "SKENV"]) { $1 }
        #expect(try AWSCredentials.resolve(environment: both)?.accessKeyId == "AKENV")
        #expect(try AWSCredentials.resolve(environment: environment)?.accessKeyId == "AKTEMP")
    }
}
