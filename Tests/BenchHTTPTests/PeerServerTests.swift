import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The peer servers the tests start (nginx, moto_server) must not outlive a test process that dies before stopping
/// them, and the signal that stops them must reach them (``PeerServer``). Checked with `sleep` as the peer: it has no
/// signal handling of its own, so it stops only if the signal arrives unblocked and at its default action.
@Suite(
    "Peer servers end by themselves",
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout"),
        "coreutils' timeout is not at /usr/bin/timeout (peer servers then run without a lifetime)"))
struct PeerServerTests {
    /// The peer's own process id: the only child of the `timeout` wrapper (bounded wait for it to start).
    static func peer(of wrapper: pid_t) throws -> pid_t {
        for _ in 0..<200 {
            let children = try runProcess(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-P", "\(wrapper)"]).output
            if let pid = children.split(separator: "\n").first.flatMap({ pid_t($0) }) { return pid }
            usleep(10_000)
        }
        throw NoPeer(wrapper: wrapper)
    }

    /// Whether `pid` has ended: no such process, or one that has exited and not yet been reaped (a zombie).
    static func isGone(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // "pid (comm) S ...": the state follows the last ')'.
        return stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).first == "Z"
    }

    struct NoPeer: Error {
        let wrapper: pid_t
    }

    @Test("a peer nobody stops ends when its lifetime is over")
    func endsByItself() throws {
        let server = try PeerServer("/bin/sleep", ["30"], lifetimeSeconds: 1)
        let peer = try Self.peer(of: server.pid)  // it started: the wrapper has a child
        for _ in 0..<1_500 where server.isRunning { usleep(10_000) }  // bounded: 15 s
        #expect(!server.isRunning)
        #expect(Self.isGone(peer), "the peer itself is gone, not only its wrapper")
    }

    @Test("the signal that stops a peer reaches it through the wrapper")
    func stopSignalIsPassedOn() throws {
        let server = try PeerServer("/bin/sleep", ["30"])
        let peer = try Self.peer(of: server.pid)
        let started = Date()
        server.stop(with: SIGQUIT)  // SIGKILL only after 5 s
        #expect(Date().timeIntervalSince(started) < 4, "stopped by the passed-on SIGQUIT, not by the SIGKILL fallback")
        #expect(Self.isGone(peer))
    }
}
