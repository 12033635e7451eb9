import BenchCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Makes `https://` endpoints trusted when they chain to a private CA (`--ca-bundle FILE`,
/// `Endpoint.trusting(caBundle:)`): a self-signed test certificate, a corporate proxy.
///
/// On Linux, URLSession is libcurl with OpenSSL, and it verifies against the system bundle *file*:
/// swift-corelibs-foundation reads `URLSessionCertificateAuthorityInfoFile` only on Android (`EasyHandle.swift`,
/// `setCARootBundlePath`), and `SSL_CERT_FILE`, `CURL_CA_BUNDLE` and an `OPENSSL_CONF` `VerifyCAFile` change nothing
/// (tried with libcurl 7.88 / OpenSSL 3.0). So the scenario process executes itself again inside a private mount
/// namespace (`unshare --mount`, with `--map-root-user` when not root) where the system bundle file reads as the
/// system CAs plus `FILE`. Nothing outside the process changes, and the pid, terminal and signals stay the same.
public enum CABundleTrust {
    /// Set in the re-executed process (to the bundle path), so it does not re-execute again.
    static let marker = "BENCH_CA_BUNDLE_TRUSTED"

    /// The system bundle files, in FoundationNetworking's search order; every one present is replaced.
    static let systemBundles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/usr/share/ssl/certs/ca-bundle.crt",
        "/usr/local/share/certs/ca-root-nss.crt", "/etc/ssl/cert.pem",
    ]

    /// Builds the combined bundle, mounts it over each system bundle, removes the temporary file (the mounts keep
    /// it) and becomes the scenario. Arguments: the CA file, the system bundle, the targets joined by `:`, the command.
    static let script = """
        set -e
        bundle=$1; system=$2; targets=$3; shift 3
        combined=$(mktemp)
        cat "$system" "$bundle" > "$combined"
        IFS=:
        for target in $targets; do mount --bind "$combined" "$target"; done
        rm -f "$combined"
        exec "$@"
        """

    /// Why `path` cannot serve as a CA bundle, or `nil` when it holds at least one PEM certificate.
    public static func problem(with path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return "cannot read \"\(path)\"" }
        guard data.count <= 16 << 20 else { return "\"\(path)\" is over 16 MiB; expected a PEM file of CAs" }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            return "\"\(path)\" holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        }
        return nil
    }

    /// Returns at once when this process already trusts `bundle`; otherwise executes this program again, with the
    /// same arguments, in a mount namespace that trusts it, and does not return.
    /// - Throws: ``SetupError`` saying why the namespace cannot be made (no `unshare`, not permitted, not Linux).
    static func ensureTrusted(_ bundle: String) throws(SetupError) {
        #if os(Linux)
        if let active = getenv(marker), String(cString: active) == bundle { return }
        let targets = systemBundles.filter { FileManager.default.fileExists(atPath: $0) }
        guard let system = targets.first else {
            let looked = systemBundles.joined(separator: ", ")
            throw SetupError("--ca-bundle: no system CA bundle found (looked for \(looked))")
        }
        guard let unshare = findExecutable("unshare", alsoIn: ["/usr/bin", "/bin"]) else {
            throw SetupError("--ca-bundle: needs `unshare` (util-linux) to give the run its own CA bundle")
        }
        let flags = geteuid() == 0 ? ["--mount"] : ["--mount", "--map-root-user"]
        guard run([unshare] + flags + ["--", "mount", "--bind", system, system]) else {
            throw SetupError("""
                --ca-bundle: cannot make a private mount namespace (`unshare \(flags.joined(separator: " "))` was \
                refused). URLSession on Linux trusts only the system CA store, so allow unprivileged user namespaces \
                or add the CA there (update-ca-certificates)
                """)
        }
        let absolute = URL(fileURLWithPath: bundle).standardizedFileURL.path
        let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        setenv(marker, bundle, 1)
        let arguments = [unshare] + flags + ["--", "/bin/sh", "-c", script, "bench-ca-bundle", absolute, system]
            + [targets.joined(separator: ":"), program] + CommandLine.arguments.dropFirst()
        let argv = arguments.map { strdup($0) } + [nil]
        execv(unshare, argv)
        let code = errno
        for pointer in argv { free(pointer) }
        throw SetupError("--ca-bundle: could not start \(unshare): \(String(cString: strerror(code)))")
        #else
        throw SetupError("--ca-bundle is supported on Linux; on macOS add the CA to the keychain instead")
        #endif
    }

    #if os(Linux)
    /// Whether `argv` runs and exits 0; its output goes to /dev/null. `posix_spawn` and `waitpid`, not `Process`,
    /// whose wait can spin on a run loop when called from a task.
    private static func run(_ argv: [String]) -> Bool {
        guard let pid = try? ChildSpawn.start(argv) else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 && (status >> 8) & 0xFF == 0
    }
    #endif
}
