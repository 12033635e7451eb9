#if canImport(Glibc)
import Glibc
#endif

/// `epoll(7)` and `eventfd(2)`, which the toolchain's Glibc module does not import.
///
/// The functions are looked up once with `dlsym` and called through `@convention(c)` pointers, so the C calling
/// convention is exact (no `@_silgen_name` guesswork); a C shim target would need a Package.swift change.
/// `struct epoll_event` is packed on x86_64 (12 bytes) and naturally aligned elsewhere (16 bytes), so events are
/// read from a raw buffer at the right offsets.
enum Epoll {
    static let input: UInt32 = 0x001
    static let output: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangUp: UInt32 = 0x010
    static let readHangUp: UInt32 = 0x2000

    static let controlAdd: Int32 = 1
    static let controlDelete: Int32 = 2
    static let controlModify: Int32 = 3

    static let closeOnExec: Int32 = 0o2_000_000
    static let eventNonBlocking: Int32 = 0o4000

    #if arch(x86_64)
    /// Size of one `struct epoll_event` and the offset of its `data` field.
    static let eventStride = 12
    static let dataOffset = 4
    #else
    static let eventStride = 16
    static let dataOffset = 8
    #endif

    private typealias CreateFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    private typealias EventFDFunction = @convention(c) (UInt32, Int32) -> Int32

    /// The resolved C entry points. Immutable after the one-time lookup.
    private struct Functions: @unchecked Sendable {
        // @unchecked Sendable: C function pointers into libc, immutable and callable from any thread.
        let create: CreateFunction
        let control: ControlFunction
        let wait: WaitFunction
        let eventFD: EventFDFunction
    }

    private static let functions: Functions? = {
        guard let create = dlsym(nil, "epoll_create1"), let control = dlsym(nil, "epoll_ctl"),
            let wait = dlsym(nil, "epoll_wait"), let eventFD = dlsym(nil, "eventfd")
        else { return nil }
        return Functions(
            create: unsafeBitCast(create, to: CreateFunction.self),
            control: unsafeBitCast(control, to: ControlFunction.self),
            wait: unsafeBitCast(wait, to: WaitFunction.self),
            eventFD: unsafeBitCast(eventFD, to: EventFDFunction.self))
    }()

    /// `epoll_create1(EPOLL_CLOEXEC)`; -1 on failure.
    static func create() -> Int32 { functions?.create(closeOnExec) ?? -1 }

    /// `eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)`; -1 on failure.
    static func makeEventFD() -> Int32 { functions?.eventFD(0, eventNonBlocking | closeOnExec) ?? -1 }

    /// `epoll_ctl(epfd, op, fd, {events, data.fd = fd})`; 0 or -1 with errno.
    @discardableResult
    static func control(_ epollFD: Int32, _ operation: Int32, _ fd: Int32, events: UInt32) -> Int32 {
        guard let functions else { return -1 }
        var raw = (UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &raw) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: fd, toByteOffset: dataOffset, as: Int32.self)
            return functions.control(epollFD, operation, fd, event.baseAddress)
        }
    }

    /// `epoll_wait` into `events` (room for `events.count / eventStride` entries); the count or -1.
    static func wait(
        _ epollFD: Int32, into events: UnsafeMutableRawBufferPointer, timeoutMilliseconds: Int32
    ) -> Int32 {
        functions?.wait(epollFD, events.baseAddress, Int32(events.count / eventStride), timeoutMilliseconds) ?? -1
    }

    /// The (mask, fd) of event `index` in a buffer filled by ``wait(_:into:timeoutMilliseconds:)``.
    @inline(__always)
    static func event(_ index: Int, in events: UnsafeMutableRawBufferPointer) -> (events: UInt32, fd: Int32) {
        let base = index * eventStride
        return (
            events.loadUnaligned(fromByteOffset: base, as: UInt32.self),
            events.loadUnaligned(fromByteOffset: base + dataOffset, as: Int32.self)
        )
    }
}
