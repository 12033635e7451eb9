import BenchCore
import Foundation
import Testing
import TestSupport

@Suite("SHA256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 / NIST example messages",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (  // 448 bits: the padding no longer fits in the message's block
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (  // 896 bits
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                    + "mnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hexHash(message.utf8) == digest)
        #expect(SHA256.hash(Array(message.utf8)).count == SHA256.digestByteCount)
    }

    @Test("one million 'a'")
    func millionA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hexHash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == digest)
        // Streamed in odd-sized pieces through the partial-block path.
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        for _ in 0..<1001 { hasher.update(piece) }
        hasher.update(piece[0..<1])
        #expect(Hex.encode(hasher.finalize()) == digest)
    }

    @Test(
        "lengths 0...130 agree with coreutils sha256sum",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs /usr/bin/sha256sum"))
    func agreesWithSha256sum() throws {
        var random = SplitMix64(seed: 0x5A5A)
        let messages = (0...130).map { length in (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        let text = try withTemporaryFolder("sha256") { folder in
            let files = try messages.enumerated().map { index, message in
                let url = folder.appendingPathComponent("m\(index)")
                try Data(message).write(to: url)
                return url.path
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = files
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let expected = text.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(expected.count == messages.count)
        for (message, digest) in zip(messages, expected) {
            #expect(SHA256.hexHash(message) == digest, "length \(message.count)")
        }
    }

    @Test("streaming in random pieces, contiguous or not, equals hashing at once")
    func streamingMatchesOneShot() {
        var random = SplitMix64(seed: 99)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let oneShot = SHA256.hash(message)
            var hasher = SHA256()
            var offset = 0
            while offset < length {
                let size = min(length - offset, Int(random.next() % 70))
                if size % 2 == 0 {
                    hasher.update(message[offset..<offset + size])
                } else {  // a lazy map has no contiguous storage: the staged path
                    hasher.update(message[offset..<offset + size].lazy.map { $0 })
                }
                offset += size
            }
            #expect(hasher.finalize() == oneShot, "length \(length)")
        }
    }

    @Test("finalize leaves the hasher usable for a longer message")
    func finalizeIsNonDestructive() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        #expect(Hex.encode(hasher.finalize()) == SHA256.hexHash("ab".utf8))
        hasher.update("c".utf8)
        #expect(Hex.encode(hasher.finalize()) == SHA256.hexHash("abc".utf8))
    }

    @Test("hex is lowercase, two digits per byte")
    func hex() {
        #expect(Hex.encode([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(Hex.encode([UInt8]()) == "")
    }
}
