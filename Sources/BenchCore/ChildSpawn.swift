#if canImport(Glibc)
import Glibc
#endif

/// Starts a program with `posix_spawn` so that it holds nothing of this process: its standard output and error go
/// to /dev/null, and every descriptor above 2 is closed in the child.
///
/// Why the closing matters: a child keeps its copies of the descriptors it inherits for as long as it runs. A
/// long-lived child (nginx or moto_server under test) that inherited a socket keeps that connection open after this
/// process closed it, so its peer never reads the end of the stream. A test that read a response to its end then
/// waited for the child's lifetime. Descriptors opened without close-on-exec (by a test's own sockets, or by any
/// library) are inherited unless the child closes them; glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34)
/// does that between fork and exec. It is looked up with `dlsym` because the Glibc module does not import it; where
/// it is missing, the child inherits what is not close-on-exec, as a plain `posix_spawn` would.
public enum ChildSpawn {
    /// Why a program could not be started.
    public struct Failure: Error, CustomStringConvertible {
        /// The `errno` value `posix_spawn` returned.
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    private typealias CloseFromFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
        -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np`, or nil before glibc 2.34.
    private static let closeFrom: CloseFromFunction? = dlsym(
        nil, "posix_spawn_file_actions_addclosefrom_np"
    ).map { unsafeBitCast($0, to: CloseFromFunction.self) }

    /// Starts `argv[0]` (a path) with arguments `argv` and this process's environment.
    /// - Parameter resettingSignals: start it with no signal blocked and every signal at its default action, rather
    ///   than with this process's mask and ignored signals (which a child otherwise inherits).
    /// - Returns: the child's process id; the caller reaps it.
    public static func start(_ argv: [String], resettingSignals: Bool = false) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        _ = closeFrom?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if resettingSignals {
            var none = sigset_t()
            sigemptyset(&none)
            var all = sigset_t()
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        }
        let arguments = argv.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, arguments, environ)
        guard result == 0 else { throw Failure(code: result) }
        return pid
    }
}
