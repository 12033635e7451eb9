import AWSModel

/// What one attempt produced: an answer, a modeled (or synthetic) error, or no answer at all.
public enum AttemptResult: Sendable {
    /// The service answered with success (2xx).
    case response(AWSResponse)
    /// The service answered with an error (status >= 300), modeled or generic (`"503"` with an empty body).
    case serviceError(ServiceError)
    /// No answer came back.
    case failure(TransportFailure)

    /// Whether the attempt succeeded.
    public var isSuccess: Bool {
        if case .response = self { true } else { false }
    }

    /// The service error, if the attempt ended with one.
    public var serviceError: ServiceError? {
        if case .serviceError(let error) = self { error } else { nil }
    }

    /// The transport failure, if the attempt ended with one.
    public var transportFailure: TransportFailure? {
        if case .failure(let failure) = self { failure } else { nil }
    }

    /// The error code as botocore reports it: the modeled code, or the HTTP status for an empty or HTML body
    /// (`wire.md` §2.3 step 1).
    public var errorCode: String? {
        guard let error = serviceError else { return nil }
        return error.body == .modeled ? error.code : String(error.httpStatus)
    }

    /// A one-word summary for logs and the history: `ok`, the error code, or the failure kind.
    public var summary: String {
        switch self {
        case .response: "ok"
        case .serviceError: errorCode ?? ""
        case .failure(let failure): failure.kind
        }
    }
}

/// Carries one attempt to an endpoint (the in-process emulator, HTTP, or the fault layer wrapping either), on its
/// caller's executor, as the layers of a call above it run (`CallPipeline`).
public typealias AttemptTransport =
    nonisolated(nonsending) @Sendable (AWSRequest, RequestContext) async -> AttemptResult
