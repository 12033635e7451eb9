/// The SHA-256 hash function of FIPS 180-4, written here so that bench needs no crypto package.
///
/// It is used for SigV4 signing (payload hashes, the canonical request hash and, through ``HMACSHA256``,
/// the signing key and the signature) on every request a load run sends, so it works on `UInt32` words
/// straight from the caller's bytes and keeps its state and partial block inline: hashing allocates only
/// the 32-byte result.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update("abc".utf8)
/// Hex.encode(hasher.finalize())  // "ba7816bf…"
/// ```
public struct SHA256: Sendable {
    /// The digest length in bytes.
    public static let digestByteCount = 32
    /// The block length in bytes (also the HMAC block size).
    public static let blockByteCount = 64

    /// H(0), the first 32 bits of the fractional parts of the square roots of the first 8 primes (§5.3.3).
    private var state = SIMD8<UInt32>(
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19
    )
    /// Bytes of a block not yet complete; only the first `pendingCount` are meaningful.
    private var pending = SIMD64<UInt8>()
    private var pendingCount = 0
    /// The message length so far, in bytes.
    private var byteCount: UInt64 = 0

    /// A hasher with nothing hashed yet.
    public init() {}

    /// Hashes `bytes` as the next part of the message.
    /// - Complexity: O(n); no allocation.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        byteCount &+= UInt64(bytes.count)
        var offset = 0
        if pendingCount > 0 {
            let taken = min(Self.blockByteCount - pendingCount, bytes.count)
            for index in 0..<taken { pending[pendingCount + index] = bytes[index] }
            pendingCount += taken
            offset = taken
            guard pendingCount == Self.blockByteCount else { return }
            let block = pending
            state = withUnsafeBytes(of: block) { Self.compress(state, blocks: $0) }
            pendingCount = 0
        }
        let wholeBlocks = (bytes.count - offset) / Self.blockByteCount * Self.blockByteCount
        if wholeBlocks > 0 {
            state = Self.compress(state, blocks: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + wholeBlocks]))
            offset += wholeBlocks
        }
        for index in offset..<bytes.count {
            pending[pendingCount] = bytes[index]
            pendingCount += 1
        }
    }

    /// Hashes `bytes` as the next part of the message. Contiguous collections (`[UInt8]`, `Data`, native
    /// `String.UTF8View`) are hashed in place; other sequences are staged through a 64-byte inline buffer.
    /// - Complexity: O(n); no allocation.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        var chunk = SIMD64<UInt8>()
        var count = 0
        for byte in bytes {
            chunk[count] = byte
            count += 1
            if count == Self.blockByteCount {
                withUnsafeBytes(of: chunk) { update($0) }
                count = 0
            }
        }
        withUnsafeBytes(of: chunk) { update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The 32-byte digest of everything hashed so far. The hasher itself is left unchanged, so more bytes
    /// can still be added to compute the digest of a longer message.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        // Padding (§5.1.1): 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        let zeroCount = (pendingCount < 56 ? 55 : 119) - pendingCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9 + zeroCount) { tail in
            tail.initialize(repeating: 0)
            tail[0] = 0x80
            for index in 0..<8 {
                tail[1 + zeroCount + index] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * index))
            }
            copy.update(UnsafeRawBufferPointer(tail))
        }
        return [UInt8](unsafeUninitializedCapacity: Self.digestByteCount) { buffer, initialized in
            for word in 0..<8 {
                let value = copy.state[word]
                for byte in 0..<4 { buffer[4 * word + byte] = UInt8(truncatingIfNeeded: value >> (24 - 8 * byte)) }
            }
            initialized = Self.digestByteCount
        }
    }

    /// The digest of `data` in one call.
    public static func hash(_ data: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The digest of `data` as 64 lowercase hex digits, the form SigV4 uses.
    public static func hexHash(_ data: some Sequence<UInt8>) -> String {
        Hex.encode(hash(data))
    }

    /// Runs the compression function (§6.2.2) over every 64-byte block of `blocks`.
    /// - Complexity: O(n) in `blocks.count`, which must be a multiple of 64; the message schedule lives on the stack.
    private static func compress(_ state: SIMD8<UInt32>, blocks: UnsafeRawBufferPointer) -> SIMD8<UInt32> {
        var state = state
        roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var offset = 0
                while offset < blocks.count {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
                        let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var (a, b, c, d) = (state[0], state[1], state[2], state[3])
                    var (e, f, g, h) = (state[4], state[5], state[6], state[7])
                    for t in 0..<64 {
                        let sigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                        let choose = (e & f) ^ (~e & g)
                        let t1 = h &+ sigma1 &+ choose &+ k[t] &+ w[t]
                        let sigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        (h, g, f, e) = (g, f, e, d &+ t1)
                        (d, c, b, a) = (c, b, a, t1 &+ sigma0 &+ majority)
                    }
                    state &+= SIMD8(a, b, c, d, e, f, g, h)
                    offset += blockByteCount
                }
            }
        }
        return state
    }

    /// K, the first 32 bits of the fractional parts of the cube roots of the first 64 primes (§4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
        0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
        0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
        0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
        0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
        0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
        0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
    ]
}

extension UInt32 {
    /// ROTR^n(x) of FIPS 180-4 §3.2, for 0 < n < 32.
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
