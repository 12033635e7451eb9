import Foundation
import Resilience

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// A URLSession error as a ``TransportFailure`` whose `requestSent` is `false` only when nothing can have
    /// reached the server: DNS, connect and TLS failures happen before the request is written. Timeouts, resets
    /// and unknown errors may follow a request that went out, so their outcome is unknown (`true`).
    ///
    /// On Linux, FoundationNetworking reports a TLS failure (untrusted certificate, wrong name, handshake error) as
    /// `NSURLErrorUnknown` with libcurl's message ("SSL certificate problem: ..."), so that message is read too.
    static func failure(for error: any Error) -> TransportFailure {
        let nsError = error as NSError
        let message = (nsError.userInfo[NSLocalizedDescriptionKey] as? String) ?? "\(error)"
        func failure(_ kind: String, sent: Bool, _ prefix: String = "") -> TransportFailure {
            TransportFailure(kind: kind, detail: prefix + message, requestSent: sent)
        }
        guard nsError.domain == NSURLErrorDomain else { return failure(TransportFailure.Kind.reset, sent: true) }
        switch nsError.code {
        case NSURLErrorCancelled: return failure(TransportFailure.Kind.cancelled, sent: true)
        case NSURLErrorTimedOut: return failure(TransportFailure.Kind.timeout, sent: true)
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed, NSURLErrorCannotConnectToHost,
            NSURLErrorNotConnectedToInternet, NSURLErrorBadURL, NSURLErrorUnsupportedURL:
            return failure(TransportFailure.Kind.connect, sent: false)
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate,
            NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasUnknownRoot,
            NSURLErrorServerCertificateNotYetValid, NSURLErrorClientCertificateRejected,
            NSURLErrorClientCertificateRequired:
            return failure(TransportFailure.Kind.connect, sent: false, "TLS: ")
        case NSURLErrorNetworkConnectionLost, NSURLErrorZeroByteResource:
            return failure(TransportFailure.Kind.reset, sent: true)
        case NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse, NSURLErrorCannotDecodeRawData,
            NSURLErrorCannotDecodeContentData:
            return failure("protocolError", sent: true)
        default:
            return isTLSMessage(message)
                ? failure(TransportFailure.Kind.connect, sent: false, "TLS: ")
                : failure(TransportFailure.Kind.reset, sent: true)
        }
    }

    /// Whether libcurl's message describes a TLS failure (OpenSSL's and libcurl's wording).
    private static func isTLSMessage(_ message: String) -> Bool {
        message.contains("SSL") || message.contains("TLS") || message.contains("certificate")
    }
}
