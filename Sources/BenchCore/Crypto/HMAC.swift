/// HMAC-SHA256 (RFC 2104 with SHA-256, as RFC 4231 tests it): SigV4 derives its signing key and its
/// signature with it.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`. Keys longer than the 64-byte block are
    /// hashed first, shorter ones are zero-padded (RFC 2104 §2).
    /// - Complexity: O(key + message); two SHA-256 passes plus two blocks.
    public static func authenticationCode(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        var keyBlock = SIMD64<UInt8>()
        var keyBytes = Array(key)
        if keyBytes.count > SHA256.blockByteCount { keyBytes = SHA256.hash(keyBytes) }
        for (index, byte) in keyBytes.enumerated() { keyBlock[index] = byte }

        var inner = SHA256()
        withUnsafeBytes(of: keyBlock ^ SIMD64(repeating: 0x36)) { inner.update($0) }
        inner.update(message)
        var outer = SHA256()
        withUnsafeBytes(of: keyBlock ^ SIMD64(repeating: 0x5C)) { outer.update($0) }
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
