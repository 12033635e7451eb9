import Testing
import BenchCore
@testable import BenchHTTP

@Suite("HTTPParser")
struct HTTPParserTests {
    /// `count` random bytes: each any byte value one time in `anyByteOneIn`, else one of `pool`.
    static func randomBytes(
        _ count: Int, from pool: [UInt8], anyByteOneIn: UInt64, _ random: inout SplitMix64
    ) -> [UInt8] {
        (0..<count).map { _ in
            random.next() % anyByteOneIn == 0
                ? UInt8(truncatingIfNeeded: random.next()) : pool[Int(random.next() % UInt64(pool.count))]
        }
    }

    /// Parses `input` fed in `pieces` (split at the given offsets), collecting every message and the EOF one.
    static func parseAll(
        _ input: String, role: HTTPParser.Role, limits: HTTPLimits = HTTPLimits(), splits: [Int] = [],
        headResponses: Int = 0, keepsFields: Bool = true, discardsContent: Bool = false
    ) throws(HTTPParseError) -> [HTTPParser.Message] {
        let bytes = Array(input.utf8)
        var parser = HTTPParser(role: role, limits: limits, keepsFields: keepsFields)
        parser.discardsContent = discardsContent
        var messages: [HTTPParser.Message] = []
        var headLeft = headResponses
        var from = 0
        for cut in splits + [bytes.count] where cut >= from {
            parser.append(bytes[from..<cut])
            from = cut
            while true {
                if headLeft > 0 { parser.nextResponseHasNoBody = true }
                guard let message = try parser.nextMessage() else { break }
                if headLeft > 0 { headLeft -= 1 }
                messages.append(message)
            }
        }
        if let last = try parser.finishAtEOF() { messages.append(last) }
        return messages
    }

    static let pipelinedRequests =
        "GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
        + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        + "PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"
        + "GET /d HTTP/1.0\r\n\r\n"

    static let responses =
        "HTTP/1.1 100 Continue\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
        + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\n\r\n"
        + "HTTP/1.0 200 OK\r\n\r\nuntil the end"

    @Test func parsesPipelinedRequests() throws {
        let messages = try Self.parseAll(Self.pipelinedRequests, role: .request)
        #expect(messages.map(\.method) == ["GET", "POST", "PUT", "GET"])
        #expect(messages.map(\.target) == ["/a?x=1", "/b", "/c", "/d"])
        #expect(messages.map { String(decoding: $0.body, as: UTF8.self) } == ["", "hello", "abcde", ""])
        #expect(messages.map(\.keepAlive) == [true, true, true, false])
        #expect(messages[0].headers["host"] == "h")
        #expect(messages[2].headers["x-trailer"] == nil)
    }

    @Test func parsesResponsesSkippingInterimAndReadingToEOF() throws {
        let messages = try Self.parseAll(Self.responses, role: .response)
        #expect(messages.map(\.status) == [200, 200, 204, 200])
        #expect(messages.map { String(decoding: $0.body, as: UTF8.self) } == ["abc", "0123456789", "", "until the end"])
        #expect(messages.map(\.keepAlive) == [true, true, true, false])
    }

    /// A closed load loop's parser: the same statuses, framing and keep-alive, but no reason, fields or body,
    /// for any split of the bytes.
    @Test func discardingContentKeepsStatusAndFraming() throws {
        let kept = try Self.parseAll(Self.responses, role: .response)
        var expected = kept.map { HTTPParser.Message(versionMinor: $0.versionMinor, status: $0.status) }
        for index in expected.indices { expected[index].keepAlive = kept[index].keepAlive }
        let count = Self.responses.utf8.count
        for cut in 0...count {
            let messages = try Self.parseAll(Self.responses, role: .response, splits: [cut], discardsContent: true)
            #expect(messages == expected, "split at \(cut)")
        }
    }

    @Test func tokenBytesAreExactlyRFC9110s() {
        let token = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(isTokenByte(byte) == token.contains(byte), "byte \(byte)")
        }
    }

    /// The word-at-a-time scan for the end of a token stops exactly where a byte-by-byte scan does: every byte value
    /// at every place in a word, then random names with random bytes in them.
    @Test func tokenScanMatchesByteByByte() {
        func check(_ bytes: [UInt8], from: Int) {
            let expected = bytes[from...].firstIndex { !isTokenByte($0) } ?? bytes.count
            bytes.withUnsafeBufferPointer { buffer in
                #expect(endOfToken(buffer, from: from, to: bytes.count) == expected, "\(bytes) from \(from)")
            }
        }
        for byte in UInt8.min...UInt8.max {
            for place in 0..<17 {
                var bytes = Array("Content-Length09".utf8) + Array("x-y".utf8)
                bytes[place] = byte
                check(bytes, from: 0)
            }
        }
        var random = SplitMix64(seed: 12)
        let plain = Array("abcXYZ09-".utf8)
        for _ in 0..<2000 {
            let count = Int(random.next() % 40)
            let bytes = Self.randomBytes(count, from: plain, anyByteOneIn: 6, &random)
            check(bytes, from: count == 0 ? 0 : Int(random.next() % UInt64(count + 1)))
        }
    }

    /// Case-insensitive equality, a word at a time from 8 bytes on, agrees with the byte-by-byte rule (equal, or the
    /// same letter in the other case): every byte value at every place of each framing name and token, in both
    /// cases, then random pairs of every length up to 40.
    @Test func caseInsensitiveEqualityAgreesWithByteByByte() {
        func byteByByte(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
            lhs.count == rhs.count
                && zip(lhs, rhs).allSatisfy { a, b in
                    a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
                }
        }
        func check(_ lhs: [UInt8], _ rhs: [UInt8]) {
            lhs.withUnsafeBufferPointer { left in
                rhs.withUnsafeBufferPointer { right in
                    #expect(asciiCaseInsensitiveEqual(left, right) == byteByByte(lhs, rhs), "\(lhs) against \(rhs)")
                }
            }
        }
        for literal in ["content-length", "transfer-encoding", "connection", "close", "keep-alive"] {
            let spelled = Array(literal.utf8)
            for variant in [spelled, Array(literal.uppercased().utf8)] {
                for place in variant.indices {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = variant
                        bytes[place] = byte
                        check(bytes, spelled)
                    }
                }
            }
            check(Array(spelled.dropLast()), spelled)
        }
        var random = SplitMix64(seed: 13)
        let letters = Array("aZ-@[`{".utf8)
        for _ in 0..<4000 {
            let count = Int(random.next() % 41)
            let lhs = Self.randomBytes(count, from: letters, anyByteOneIn: 5, &random)
            let rhs = lhs.map { byte in random.next() % 3 == 0 ? byte ^ 0x20 : byte }
            check(lhs, rhs)
        }
    }

    /// The word-at-a-time scan for the end of a field value stops exactly where a byte-by-byte scan does.
    @Test func fieldValueScanMatchesByteByByte() {
        let alphabet: [UInt8] = [0x00, 0x09, 0x0D, 0x0A, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xFF]
        var random = SplitMix64(seed: 11)
        for _ in 0..<2000 {
            let count = Int(random.next() % 40)
            let bytes = (0..<count).map { _ in
                random.next() % 4 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : UInt8(ascii: "v")
            }
            let from = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            let expected = bytes[from...].firstIndex { !isFieldValueByte($0) } ?? count
            bytes.withUnsafeBufferPointer { buffer in
                #expect(endOfFieldValue(buffer, from: from, to: count) == expected, "\(bytes) from \(from)")
            }
        }
    }

    @Test func responseToHeadHasNoBodyDespiteContentLength() throws {
        let input = "HTTP/1.1 200 OK\r\nContent-Length: 48\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx"
        let messages = try Self.parseAll(input, role: .response, headResponses: 1)
        #expect(messages.map(\.status) == [200, 201])
        #expect(messages[0].body.isEmpty)
        #expect(messages[1].body == [UInt8(ascii: "x")])
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true), ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Keep-Alive, CLOSE\r\n", false), ("HTTP/1.0", "", false),
        ("HTTP/1.0", "Connection: keep-alive\r\n", true),
    ])
    func keepAliveFollowsVersionAndConnection(version: String, field: String, expected: Bool) throws {
        let messages = try Self.parseAll("GET / \(version)\r\n\(field)\r\n", role: .request)
        #expect(messages.first?.keepAlive == expected)
    }

    /// Every split of the bytes into two pieces, and byte by byte, gives the same messages.
    @Test(arguments: [HTTPParser.Role.request, .response])
    func anySplitGivesTheSameMessages(role: HTTPParser.Role) throws {
        let input = role == .request ? Self.pipelinedRequests : Self.responses
        let whole = try Self.parseAll(input, role: role)
        let count = input.utf8.count
        for cut in 0...count {
            #expect(try Self.parseAll(input, role: role, splits: [cut]) == whole, "split at \(cut)")
        }
        #expect(try Self.parseAll(input, role: role, splits: Array(0...count)) == whole)
        var random = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let cuts = (0..<4).map { _ in Int(random.next() % UInt64(count + 1)) }.sorted()
            #expect(try Self.parseAll(input, role: role, splits: cuts) == whole, "splits \(cuts)")
        }
    }

    // MARK: - Limits, both sides of each boundary

    @Test(arguments: [("a", true), ("aa", false)])
    func headerBlockLimit(value: String, accepted: Bool) throws {
        let limits = HTTPLimits(maxHeaderBytes: "GET / HTTP/1.1\r\nX: a\r\n\r\n".utf8.count)
        let input = "GET / HTTP/1.1\r\nX: \(value)\r\n\r\n"
        if accepted {
            #expect(try Self.parseAll(input, role: .request, limits: limits).first?.headers["x"] == value)
        } else {
            #expect(performing: { try Self.parseAll(input, role: .request, limits: limits) },
                    throws: { ($0 as? HTTPParseError)?.kind == .headerTooLarge })
        }
    }

    @Test func headerBlockLimitCountsBytesBeforeTheEnd() {
        // No CRLFCRLF yet but already over the limit: refused without waiting for more.
        var parser = HTTPParser(role: .request, limits: HTTPLimits(maxHeaderBytes: 32))
        parser.append(Array("GET / HTTP/1.1\r\nX-Long: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 40))
        #expect(throws: HTTPParseError(.headerTooLarge, "header block exceeds maxHeaderBytes (32)")) {
            try parser.nextMessage()
        }
    }

    /// The count limit holds whether or not the fields are kept.
    @Test(arguments: [(3, true), (4, false)], [true, false])
    func headerCountLimit(boundary: (fields: Int, accepted: Bool), keepsFields: Bool) throws {
        let (fields, accepted) = boundary
        let input = "GET / HTTP/1.1\r\n" + (0..<fields).map { "F\($0): v\r\n" }.joined() + "\r\n"
        let limits = HTTPLimits(maxHeaderCount: 3)
        let parse = { try Self.parseAll(input, role: .request, limits: limits, keepsFields: keepsFields) }
        if accepted {
            #expect(try parse().first?.headers.count == (keepsFields ? fields : 0))
        } else {
            #expect(performing: parse,
                    throws: { ($0 as? HTTPParseError)?.kind == .headerTooLarge })
        }
    }

    @Test(arguments: [(8, true), (9, false)], [false, true])
    func bodyLimitWithContentLength(boundary: (length: Int, accepted: Bool), discards: Bool) throws {
        let (length, accepted) = boundary
        let input = "POST / HTTP/1.1\r\nContent-Length: \(length)\r\n\r\n" + String(repeating: "b", count: length)
        let limits = HTTPLimits(maxBodyBytes: 8)
        let parse = { try Self.parseAll(input, role: .request, limits: limits, discardsContent: discards) }
        if accepted {
            #expect(try parse().first?.body.count == (discards ? 0 : length))
        } else {
            #expect(performing: parse,
                    throws: { ($0 as? HTTPParseError)?.kind == .bodyTooLarge })
        }
    }

    /// Chunks count against the limit whether or not the body is kept (a closed loop discards it).
    @Test(arguments: [(8, true), (9, false)], [false, true])
    func bodyLimitWithChunks(boundary: (length: Int, accepted: Bool), discards: Bool) throws {
        let (length, accepted) = boundary
        let input = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbbbb\r\n"
            + String(length - 4, radix: 16) + "\r\n" + String(repeating: "c", count: length - 4) + "\r\n0\r\n\r\n"
        let limits = HTTPLimits(maxBodyBytes: 8)
        let parse = { try Self.parseAll(input, role: .request, limits: limits, discardsContent: discards) }
        if accepted {
            #expect(try parse().first?.body.count == (discards ? 0 : length))
        } else {
            #expect(performing: parse,
                    throws: { ($0 as? HTTPParseError)?.kind == .bodyTooLarge })
        }
    }

    // MARK: - Malformed input

    @Test(arguments: [
        ("GET /\r\n\r\n", HTTPParseError.Kind.malformed),
        ("GET / HTTP/2.0\r\n\r\n", .malformed),
        ("G(T / HTTP/1.1\r\n\r\n", .malformed),
        ("GET /a b HTTP/1.1\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nA: b\nC: d\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nA: b\u{0}c\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", .malformed),
        ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n", .malformed),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n", .malformed),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab", .truncated),
    ])
    func refusesMalformedRequests(input: String, kind: HTTPParseError.Kind) {
        #expect(performing: { try Self.parseAll(input, role: .request) },
                throws: { ($0 as? HTTPParseError)?.kind == kind })
    }

    @Test(arguments: [
        "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n", "HTTP/1.1 101 Switching\r\n\r\n", "ICY 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
    ])
    func refusesMalformedResponses(input: String) {
        #expect(throws: HTTPParseError.self) { try Self.parseAll(input, role: .response) }
    }

    @Test func errorsAreSticky() {
        var parser = HTTPParser(role: .request)
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextMessage() }
        #expect(throws: HTTPParseError.self) { try parser.nextMessage() }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array("GET /HTTP1.\r\n: chunkedContent-Length0123456789abcdefTransfer-Encoding".utf8)
        for _ in 0..<300 {
            var parser = HTTPParser(role: random.next() % 2 == 0 ? .request : .response,
                                    limits: HTTPLimits(maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 64))
            for _ in 0..<8 {
                let piece = Self.randomBytes(Int(random.next() % 64), from: alphabet, anyByteOneIn: 4, &random)
                parser.append(piece)
                while (try? parser.nextMessage()) != nil {}
            }
            _ = try? parser.finishAtEOF()
        }
    }
}
