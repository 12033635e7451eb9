#if canImport(Glibc)
import Glibc
#endif

/// An incremental HTTP/1.1 parser for requests (server side) or responses (client side).
///
/// Feed bytes as they arrive with ``append(_:)``, then call ``nextMessage()`` until it returns nil; call
/// ``finishAtEOF()`` when the peer closed. Any split of the same bytes gives the same messages: the parser keeps
/// unconsumed input and remembers how far it already scanned, so a byte is scanned about once.
///
/// Handles Content-Length and chunked bodies (chunk extensions ignored, trailers validated and dropped),
/// `Connection: close`/`keep-alive` for HTTP/1.1 and 1.0, responses without a length read to EOF, 1xx responses
/// skipped, and responses to HEAD, 204 and 304 without a body. Lines must end in CRLF; obsolete line folding,
/// bare CR/LF and `Transfer-Encoding` together with `Content-Length` are refused (request smuggling vectors).
/// Errors are sticky: after one, every call throws it again.
public struct HTTPParser: Sendable {
    /// Which kind of message the parser reads.
    public enum Role: Sendable {
        case request, response
    }

    /// A complete message. The start-line fields of the other role are empty (`""`, `0`).
    public struct Message: Sendable, Equatable {
        /// The `x` in `HTTP/1.x`.
        public var versionMinor: Int = 1
        public var method: String = ""
        public var target: String = ""
        public var status: Int = 0
        public var reason: String = ""
        public var headers = HTTPHeaders()
        public var body: [UInt8] = []
        /// Whether the connection may carry another message after this one.
        public var keepAlive = true
    }

    private enum State: Sendable {
        case head(scanned: Int)
        case fixedBody(remaining: Int)
        case chunkSize(scanned: Int)
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(scanned: Int)
        case untilEOF
    }

    /// Longest chunk-size line (size, extensions, CRLF) accepted.
    static let maxChunkLineBytes = 1024

    public let role: Role
    public var limits: HTTPLimits
    /// Set by a client before the response to a `HEAD` request: that response has no body whatever it says.
    /// Cleared when the response completes.
    public var nextResponseHasNoBody = false

    private var buffer: [UInt8] = []
    private var start = 0
    private var state = State.head(scanned: 0)
    private var current: Message?
    private var failure: HTTPParseError?
    /// The framing fields of the head being parsed, noted while its fields are read (no second scan).
    private var framing = Framing()

    /// What the framing fields of one head said.
    private struct Framing {
        var contentLength: Int?
        var transferCodings: [String] = []
        var connectionClose = false
        var connectionKeepAlive = false
    }

    /// Whether messages carry their header fields; when `false` only the framing fields are read (as bytes).
    private let keepsFields: Bool
    /// Body bytes of the current message so far (counted even when they are not kept).
    private var bodyCount = 0

    /// When true, messages carry only their numbers (status, version, keep-alive): no reason phrase, header fields
    /// or body bytes are copied out, though every byte is still validated and framed. For a caller that needs only
    /// the status (a closed load loop, as wrk reads responses). Takes effect from the next head.
    var discardsContent = false

    public init(role: Role, limits: HTTPLimits = HTTPLimits(), keepsFields: Bool = true) {
        self.role = role
        self.limits = limits
        self.keepsFields = keepsFields
    }

    /// Whether part of a message has been received (bytes buffered or a head parsed) but not yet returned.
    public var hasPartialMessage: Bool { isReadingBody || buffer.count > start }

    /// Whether the head of the current message is complete and its body is being read.
    /// (A pattern, not `current != nil`: that comparison goes through Optional's generic value witnesses.)
    public var isReadingBody: Bool {
        if case .some = current { return true }
        return false
    }

    /// Appends received bytes. - Complexity: O(n), one copy.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    /// Appends received bytes (convenience for tests and small inputs).
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes and returns the next complete message, and whether bytes of a further one are already
    /// buffered (``append(_:)``, ``nextMessage()`` and ``hasPartialMessage`` as one mutation, so that an owner
    /// keeping the parser in a class property pays one exclusivity check and copies nothing).
    mutating func nextMessage(
        appending bytes: UnsafeRawBufferPointer
    ) throws(HTTPParseError) -> (message: Message, followedByMore: Bool)? {
        append(bytes)
        guard let message = try nextMessage() else { return nil }
        return (message, hasPartialMessage)
    }

    /// The next complete message, or nil when more bytes are needed.
    /// - Complexity: amortized O(n) in the bytes appended since the last call.
    public mutating func nextMessage() throws(HTTPParseError) -> Message? {
        if let failure { throw failure }
        do {
            let message = try step()
            compact()
            return message
        } catch {
            failure = error
            throw error
        }
    }

    /// Tells the parser the peer closed. Returns a message whose body ran to EOF; nil when the close fell between
    /// messages; throws ``HTTPParseError/Kind/truncated`` when it cut a message.
    public mutating func finishAtEOF() throws(HTTPParseError) -> Message? {
        if let failure { throw failure }
        if case .untilEOF = state { return complete() }
        if !isReadingBody, !buffer[start...].contains(where: { $0 != 13 && $0 != 10 }) { return nil }
        let error = HTTPParseError(.truncated, "connection closed in the middle of a message")
        failure = error
        throw error
    }

    // MARK: - State machine

    private mutating func step() throws(HTTPParseError) -> Message? {
        while true {
            switch state {
            case .head(var scanned):
                if role == .request {
                    let before = start
                    skipLeadingEmptyLines()
                    scanned = max(0, scanned - (start - before))
                }
                let pending = buffer.count - start
                guard let end = find(doubleCRLFFrom: start + max(0, scanned - 3)) else {
                    if pending > limits.maxHeaderBytes {
                        throw HTTPParseError(
                            .headerTooLarge, "header block exceeds maxHeaderBytes (\(limits.maxHeaderBytes))")
                    }
                    state = .head(scanned: pending)
                    return nil
                }
                if end + 4 - start > limits.maxHeaderBytes {
                    throw HTTPParseError(
                        .headerTooLarge,
                        "header block is \(end + 4 - start) bytes, over maxHeaderBytes (\(limits.maxHeaderBytes))")
                }
                var message = try parseHead(from: start, to: end + 2)
                start = end + 4
                state = .head(scanned: 0)
                if role == .response, (100..<200).contains(message.status) {
                    if message.status == 101 {
                        throw HTTPParseError(.malformed, "101 Switching Protocols is not supported")
                    }
                    continue  // interim response: skip it
                }
                guard let next = try bodyState(for: &message) else {
                    readyForNextHead()
                    return message
                }
                if case .fixedBody(let length) = next, buffer.count - start >= length {
                    // The whole body is buffered already (usual for small messages): no detour through `current`.
                    if !discardsContent { message.body.append(contentsOf: buffer[start..<(start + length)]) }
                    start += length
                    readyForNextHead()
                    return message
                }
                current = message
                state = next
            case .fixedBody(let remaining), .chunkData(let remaining):
                let take = min(remaining, buffer.count - start)
                if !discardsContent { current?.body.append(contentsOf: buffer[start..<(start + take)]) }
                bodyCount += take
                start += take
                let left = remaining - take
                if case .fixedBody = state {
                    if left == 0 { return complete() }
                    state = .fixedBody(remaining: left)
                    return nil
                }
                if left > 0 {
                    state = .chunkData(remaining: left)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard buffer.count - start >= 2 else { return nil }
                guard buffer[start] == 13, buffer[start + 1] == 10 else {
                    throw HTTPParseError(.malformed, "chunk data not followed by CRLF")
                }
                start += 2
                state = .chunkSize(scanned: 0)
            case .chunkSize(let scanned):
                guard let lineEnd = try find(crlfFrom: start + scanned) else {
                    let pending = buffer.count - start
                    if pending > Self.maxChunkLineBytes {
                        throw HTTPParseError(.malformed, "chunk-size line longer than \(Self.maxChunkLineBytes) bytes")
                    }
                    state = .chunkSize(scanned: pending)
                    return nil
                }
                let size = try parseChunkSize(from: start, to: lineEnd)
                start = lineEnd + 2
                if size == 0 {
                    state = .trailers(scanned: 0)
                } else {
                    if size > limits.maxBodyBytes - bodyCount {
                        throw HTTPParseError(
                            .bodyTooLarge, "chunked body exceeds maxBodyBytes (\(limits.maxBodyBytes))")
                    }
                    state = .chunkData(remaining: size)
                }
            case .trailers(let scanned):
                let pending = buffer.count - start
                if scanned == 0 {
                    guard pending >= 2 else { return nil }
                    if buffer[start] == 13, buffer[start + 1] == 10 {
                        start += 2
                        return complete()
                    }
                }
                guard let end = find(doubleCRLFFrom: start + max(0, scanned - 3)) else {
                    if pending > limits.maxHeaderBytes {
                        throw HTTPParseError(
                            .headerTooLarge, "trailers exceed maxHeaderBytes (\(limits.maxHeaderBytes))")
                    }
                    state = .trailers(scanned: max(pending, 1))
                    return nil
                }
                var ignored = HTTPHeaders()
                try parseFields(from: start, to: end + 2, into: &ignored)
                start = end + 4
                return complete()
            case .untilEOF:
                if buffer.count - start > limits.maxBodyBytes - bodyCount {
                    throw HTTPParseError(.bodyTooLarge, "body exceeds maxBodyBytes (\(limits.maxBodyBytes))")
                }
                if !discardsContent { current?.body.append(contentsOf: buffer[start...]) }
                bodyCount += buffer.count - start
                start = buffer.count
                return nil
            }
        }
    }

    /// Hands out the finished message and resets for the next one.
    private mutating func complete() -> Message? {
        readyForNextHead()
        return current.take()
    }

    private mutating func readyForNextHead() {
        state = .head(scanned: 0)
        nextResponseHasNoBody = false
    }

    /// Drops consumed bytes; keeps the buffer's capacity for reuse.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 4096 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    private mutating func skipLeadingEmptyLines() {
        while buffer.count - start >= 2, buffer[start] == 13, buffer[start + 1] == 10 { start += 2 }
    }

    // MARK: - Framing

    /// The state that reads the body of `message`, or nil when it has none. Also settles `keepAlive`.
    private func bodyState(for message: inout Message) throws(HTTPParseError) -> State? {
        message.keepAlive = message.versionMinor >= 1 ? !framing.connectionClose : framing.connectionKeepAlive
        if role == .response, nextResponseHasNoBody || message.status == 204 || message.status == 304 { return nil }
        let codings = framing.transferCodings
        if !codings.isEmpty {
            if framing.contentLength != nil {
                throw HTTPParseError(.malformed, "both Transfer-Encoding and Content-Length are present")
            }
            let chunkedLast = codings.last?.asciiCaseInsensitiveEquals("chunked") ?? false
            let acceptable = role == .response ? chunkedLast : (chunkedLast && codings.count == 1)
            guard acceptable else {
                let value = codings.joined(separator: ", ")
                throw HTTPParseError(.unsupportedTransferEncoding, "Transfer-Encoding '\(value)' is not supported")
            }
            return .chunkSize(scanned: 0)
        }
        if let length = framing.contentLength {
            if length > limits.maxBodyBytes {
                throw HTTPParseError(
                    .bodyTooLarge, "Content-Length \(length) exceeds maxBodyBytes (\(limits.maxBodyBytes))")
            }
            if length == 0 { return nil }
            if !discardsContent { message.body.reserveCapacity(length) }
            return .fixedBody(remaining: length)
        }
        if role == .response {
            message.keepAlive = false
            return .untilEOF
        }
        return nil
    }

    // MARK: - Scanning

    /// Index of the first CR of a CRLFCRLF at or after `from` (never before `start`), or nil.
    private func find(doubleCRLFFrom from: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var index = from
            while index < bytes.count {
                guard let hit = memchr(base + index, 10, bytes.count - index) else { return nil }
                let lf = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if lf - 3 >= start, bytes[lf - 1] == 13, bytes[lf - 2] == 10, bytes[lf - 3] == 13 { return lf - 3 }
                index = lf + 1
            }
            return nil
        }
    }

    /// Index of the CR of the first CRLF at or after `from`, or nil; a bare LF is malformed.
    private func find(crlfFrom from: Int) throws(HTTPParseError) -> Int? {
        guard let lf = buffer[from...].firstIndex(of: 10) else { return nil }
        guard lf > start, buffer[lf - 1] == 13 else { throw HTTPParseError(.malformed, "line ends in a bare LF") }
        return lf - 1
    }

    /// Parses `size [; extensions]` in `buffer[from..<to]`.
    private func parseChunkSize(from: Int, to: Int) throws(HTTPParseError) -> Int {
        var size = 0
        var index = from
        while index < to, let digit = hexValue(buffer[index]) {
            guard size <= (Int.max >> 4) else { throw HTTPParseError(.bodyTooLarge, "chunk size overflows") }
            size = size << 4 | digit
            index += 1
        }
        guard index > from else { throw HTTPParseError(.malformed, "chunk size is not hexadecimal") }
        while index < to, buffer[index] == 32 || buffer[index] == 9 { index += 1 }
        guard index == to || buffer[index] == UInt8(ascii: ";") else {
            throw HTTPParseError(.malformed, "unexpected byte after chunk size")
        }
        for byte in buffer[index..<to] where byte < 32 && byte != 9 {
            throw HTTPParseError(.malformed, "control byte in chunk extension")
        }
        return size
    }

    // MARK: - Head

    /// Parses the start line and header fields in `buffer[from..<to]` (`to` just past the last line's CRLF).
    private mutating func parseHead(from: Int, to: Int) throws(HTTPParseError) -> Message {
        guard let lineEnd = try find(crlfFrom: from), lineEnd < to else {
            throw HTTPParseError(.malformed, "missing start line")
        }
        var message = Message()
        framing = Framing()
        bodyCount = 0
        try buffer.withUnsafeBufferPointer { (bytes) throws(HTTPParseError) in
            let line = UnsafeBufferPointer(rebasing: bytes[from..<lineEnd])
            switch role {
            case .request: try parseRequestLine(line, into: &message)
            case .response: try parseStatusLine(line, into: &message)
            }
        }
        try parseFields(from: lineEnd + 2, to: to, into: &message.headers)
        return message
    }

    private func parseRequestLine(
        _ line: UnsafeBufferPointer<UInt8>, into message: inout Message
    ) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: 32), let lastSpace = line.lastIndex(of: 32),
            firstSpace < lastSpace
        else { throw HTTPParseError(.malformed, "request line is not 'METHOD target HTTP/1.x'") }
        let method = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        let target = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<lastSpace])
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else {
            throw HTTPParseError(.malformed, "request method is not a token")
        }
        guard !target.isEmpty, target.allSatisfy({ $0 > 32 && $0 != 127 }) else {
            throw HTTPParseError(.malformed, "request target is empty or holds spaces or control bytes")
        }
        message.versionMinor = try parseVersion(UnsafeBufferPointer(rebasing: line[(lastSpace + 1)...]))
        message.method = String(decoding: method, as: UTF8.self)
        message.target = String(decoding: target, as: UTF8.self)
    }

    private func parseStatusLine(
        _ line: UnsafeBufferPointer<UInt8>, into message: inout Message
    ) throws(HTTPParseError) {
        guard line.count >= 12, line[8] == 32 else {
            throw HTTPParseError(.malformed, "status line is not 'HTTP/1.x NNN reason'")
        }
        message.versionMinor = try parseVersion(UnsafeBufferPointer(rebasing: line[0..<8]))
        var status = 0
        for byte in line[9..<12] {
            guard byte >= 48, byte <= 57 else { throw HTTPParseError(.malformed, "status code is not 3 digits") }
            status = status * 10 + Int(byte - 48)
        }
        guard status >= 100 else { throw HTTPParseError(.malformed, "status code \(status) is below 100") }
        message.status = status
        if line.count > 12 {
            guard line[12] == 32 else { throw HTTPParseError(.malformed, "status code is not 3 digits") }
            let reason = UnsafeBufferPointer(rebasing: line[13...])
            guard reason.allSatisfy({ $0 >= 32 || $0 == 9 }) else {
                throw HTTPParseError(.malformed, "control byte in reason phrase")
            }
            if !discardsContent { message.reason = String(decoding: reason, as: UTF8.self) }
        }
    }

    /// `HTTP/1.x` → x.
    private func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        guard bytes.count == 8, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"),
            bytes[2] == UInt8(ascii: "T"), bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/"),
            bytes[5] == UInt8(ascii: "1"), bytes[6] == UInt8(ascii: "."), bytes[7] >= 48, bytes[7] <= 57
        else {
            throw HTTPParseError(.malformed, "unsupported HTTP version (only HTTP/1.x)")
        }
        return Int(bytes[7] - 48)
    }

    /// Parses `name: value` lines in `buffer[from..<to]`, each ending in CRLF, appending to `headers` when fields
    /// are kept. - Complexity: one pass over the bytes: each name is checked as it is scanned for its colon, and
    /// each value as it is scanned for its CRLF.
    private mutating func parseFields(from: Int, to: Int, into headers: inout HTTPHeaders) throws(HTTPParseError) {
        let limit = limits.maxHeaderCount
        let keeps = keepsFields && !discardsContent
        let colon = UInt8(ascii: ":")
        let bytes = buffer
        try bytes.withUnsafeBufferPointer { (bytes) throws(HTTPParseError) in
            var index = from
            var count = 0
            while index < to {
                guard count < limit else {
                    throw HTTPParseError(.headerTooLarge, "more than maxHeaderCount (\(limit)) header fields")
                }
                count += 1
                let nameStart = index
                index = endOfToken(bytes, from: index, to: to)
                let stop = index < to ? bytes[index] : 13
                guard stop == colon, index > nameStart else {
                    if stop == colon || stop == 13 || stop == 10 {
                        throw HTTPParseError(.malformed, "header line without a field name and ':'")
                    }
                    throw HTTPParseError(.malformed, "header field name is not a token (or the line is folded)")
                }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
                index += 1
                let valueStart = index
                index = endOfFieldValue(bytes, from: index, to: to)
                guard index + 1 < to, bytes[index] == 13, bytes[index + 1] == 10 else {
                    if index < to, bytes[index] == 13 || bytes[index] == 10 {
                        throw HTTPParseError(.malformed, "header line does not end in CRLF")
                    }
                    let field = String(decoding: name, as: UTF8.self)
                    throw HTTPParseError(.malformed, "control byte in the value of header '\(field)'")
                }
                let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<index].trimmingOWS())
                index += 2
                if keeps { headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)) }
                try noteFraming(name: name, value: value)
            }
        }
    }

    /// Records `Content-Length`, `Transfer-Encoding` and `Connection` as they are parsed.
    private mutating func noteFraming(
        name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>
    ) throws(HTTPParseError) {
        switch name.count {
        case 14 where asciiCaseInsensitiveEqual(name, Self.contentLength.bytes):
            for digits in ListItems(value) {
                guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    let text = String(decoding: value, as: UTF8.self)
                    throw HTTPParseError(.malformed, "Content-Length '\(text)' is not a decimal length")
                }
                let length = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
                if let known = framing.contentLength, known != length {
                    throw HTTPParseError(.malformed, "conflicting Content-Length values \(known) and \(length)")
                }
                framing.contentLength = length
            }
        case 17 where asciiCaseInsensitiveEqual(name, Self.transferEncoding.bytes):
            for item in value.split(separator: UInt8(ascii: ",")) {
                framing.transferCodings.append(String(decoding: item.trimmingOWS(), as: UTF8.self))
            }
        case 10 where asciiCaseInsensitiveEqual(name, Self.connection.bytes):
            for token in ListItems(value) {
                if asciiCaseInsensitiveEqual(token, Self.close.bytes) { framing.connectionClose = true }
                if asciiCaseInsensitiveEqual(token, Self.keepAlive.bytes) { framing.connectionKeepAlive = true }
            }
        default:
            break
        }
    }

    private static let contentLength: StaticString = "content-length"
    private static let transferEncoding: StaticString = "transfer-encoding"
    private static let connection: StaticString = "connection"
    private static let close: StaticString = "close"
    private static let keepAlive: StaticString = "keep-alive"

    /// The comma-separated items of a field value, each trimmed of optional white space, empty ones included.
    /// Unlike `split`, it builds no array: framing fields are read on every message.
    private struct ListItems: Sequence, IteratorProtocol {
        private let value: UnsafeBufferPointer<UInt8>
        private var position: Int? = 0

        init(_ value: UnsafeBufferPointer<UInt8>) { self.value = value }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard let start = position else { return nil }
            let end = value[start...].firstIndex(of: UInt8(ascii: ",")) ?? value.endIndex
            position = end < value.endIndex ? end + 1 : nil
            return UnsafeBufferPointer(rebasing: value[start..<end].trimmingOWS())
        }
    }
}

extension StaticString {
    /// The ASCII bytes of a literal. - Complexity: O(1), no allocation (unlike an array made once behind a lock).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount) }
}

/// Whether `byte` may appear in an HTTP token (RFC 9110 §5.6.2): methods and field names.
/// - Complexity: O(1): a bit test in a 128-bit set (`!#$%&'*+-.^_`|~`, digits and letters), no branch per class.
@inline(__always)
func isTokenByte(_ byte: UInt8) -> Bool {
    // Bit n of `low` is byte n (0...63); bit n of `high` is byte 64 + n (64...127).
    let low: UInt64 = 0x03FF_6CFA_0000_0000
    let high: UInt64 = 0x57FF_FFFF_C7FF_FFFE
    return byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 && (high >> UInt64(byte &- 64)) & 1 == 1
}

/// Whether `byte` may appear in a field value (RFC 9110 §5.5): visible ASCII, space, tab and any non-ASCII byte.
@inline(__always)
func isFieldValueByte(_ byte: UInt8) -> Bool { byte >= 32 ? byte != 127 : byte == 9 }

/// The index of the first byte in `bytes[from..<to]` that may not appear in a token (the `:` after a field name,
/// normally), or `to`.
/// - Complexity: O(n); 8 bytes a step while all are letters, digits or `-` (``nonNameBytes(_:)``), then byte by
///   byte from the first other one (usually the colon, so one step). A field name took about 16 instructions a byte
///   one byte at a time (callgrind).
@inline(__always)
func endOfToken(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    scan(bytes, from: from, to: to, flagging: nonNameBytes, while: isTokenByte)
}

/// The index of the first byte in `bytes[from..<to]` that may not appear in a field value (a CR, normally), or `to`.
/// - Complexity: O(n); 8 bytes a step while none is a control byte or DEL (``controlBytes(_:)``), then byte by byte
///   from the first one found (usually the CR, so one step; a tab is allowed and scanning goes on).
@inline(__always)
func endOfFieldValue(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    scan(bytes, from: from, to: to, flagging: controlBytes, while: isFieldValueByte)
}

/// The index of the first byte in `bytes[from..<to]` that `accepts` refuses, or `to`: a word of 8 bytes at a time
/// while `flagging` marks none of its bytes, then one byte at a time from the first byte it marks.
///
/// `flagging` returns the word with the high bit of each byte to look at one by one, and none below the first byte
/// `accepts` refuses; its lowest marked byte is then where the byte loop starts (the first in memory, on a
/// little-endian machine). Both are inlined: no call per word or byte.
@inline(__always)
func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, flagging: (UInt64) -> UInt64, while accepts: (UInt8) -> Bool
) -> Int {
    var index = from
    if let base = bytes.baseAddress {
        while index + 8 <= to {
            let flagged = flagging(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if flagged != 0 {
                index += flagged.trailingZeroBitCount >> 3
                break
            }
            index += 8
        }
    }
    while index < to, accepts(bytes[index]) { index += 1 }
    return index
}

/// The bytes of `word` that are not a letter, a digit or `-` (the bytes of almost every field name), as the high
/// bit of each. Each byte is tested on its own low 7 bits, where adding less than 0x80 never carries into the next
/// byte, so every mark is exact.
@inline(__always)
func nonNameBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs = ones &* 0x80
    let lows = ones &* 0x7F
    let low = word & lows
    // As in ``letterBytes(_:)``: `x + (0x80 - bound)` reaches 0x80 exactly when x >= bound.
    let digit = (low &+ ones &* (0x80 - 0x30)) & ~(low &+ ones &* (0x80 - 0x3A))
    let dash = ~((low ^ ones &* 0x2D) &+ lows)  // high bit set where the byte is `-`
    let plain = letterBytes(word) | (digit | dash) & ~word & highs  // and below 0x80
    return ~plain & highs
}

/// The bytes of `word` that are ASCII letters, as the high bit of each; exact for every byte, as in
/// ``nonNameBytes(_:)``.
@inline(__always)
func letterBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs = ones &* 0x80
    // A byte's high bit is set in each term when its low 7 bits are at least the bound: `x + (0x80 - bound)`
    // reaches 0x80 exactly when x >= bound, and never carries into the next byte.
    let folded = (word & (ones &* 0x7F)) | (ones &* 0x20)  // `A`-`Z` onto `a`-`z`
    let letter = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x80 - 0x7B))
    return letter & ~word & highs  // and below 0x80
}

/// The bytes of `word` below 0x20 or equal to 0x7F, as the high bit of each. A borrow only marks bytes above a true
/// one, so the lowest mark is exact (the tab among them is sorted out byte by byte).
@inline(__always)
func controlBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs = ones &* 0x80
    let xorDEL = word ^ (ones &* 0x7F)
    let below = (word &- ones &* 0x20) & ~word & highs
    let isDEL = (xorDEL &- ones) & ~xorDEL & highs
    return below | isDEL
}

/// The value of a hexadecimal digit, or nil.
@inline(__always)
func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 48...57: Int(byte - 48)
    case 65...70: Int(byte - 55)
    case 97...102: Int(byte - 87)
    default: nil
    }
}
