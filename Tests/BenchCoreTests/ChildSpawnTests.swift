import BenchCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// ``ChildSpawn`` starts peer servers and helper programs. A child that inherited one of this process's sockets
/// would hold that connection open for as long as it runs, so a child must get standard input, output and error
/// and nothing else, and its output must go nowhere.
@Suite("ChildSpawn")
struct ChildSpawnTests {
    /// The descriptors `pid` has open, by number, and what each one is.
    static func descriptors(of pid: pid_t) throws -> [String: String] {
        let folder = "/proc/\(pid)/fd"
        var found: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            found[name] = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + name)) ?? "?"
        }
        return found
    }

    /// Ends and reaps `pid`.
    static func end(_ pid: pid_t) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    @Test("the child holds none of this process's descriptors: only 0, 1 and 2, with its output at /dev/null")
    func inheritsOnlyTheStandardDescriptors() throws {
        // A socket and a pipe opened without close-on-exec, as a plain `socket` or `pipe` call makes them.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socketFD > 2)
        defer { close(socketFD) }
        var pipeFDs: [Int32] = [0, 0]
        #expect(pipe(&pipeFDs) == 0)
        defer { for fd in pipeFDs { close(fd) } }

        // posix_spawn returns once the child has executed `sleep`, so what it holds now is what `sleep` holds.
        let pid = try ChildSpawn.start(["/bin/sleep", "30"])
        defer { Self.end(pid) }
        let held = try Self.descriptors(of: pid)
        #expect(Set(held.keys) == ["0", "1", "2"], "\(held)")
        #expect(held["1"] == "/dev/null")
        #expect(held["2"] == "/dev/null")
    }

    @Test("a program that cannot be started is an error naming why, not a child")
    func missingProgram() {
        let error = #expect(throws: ChildSpawn.Failure.self) { try ChildSpawn.start(["/no/such/program"]) }
        #expect(error?.code == ENOENT)
        #expect(error?.description == String(cString: strerror(ENOENT)))
    }
}
