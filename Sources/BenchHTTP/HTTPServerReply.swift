/// How an asynchronous ``HTTPServer`` handler settles one request.
public enum HTTPServerReply: Sendable {
    /// Answer with this response (framing and `Connection` are the server's, as for a synchronous handler).
    case response(HTTPResponse)
    /// Close the connection without answering (a FIN after earlier answers were sent): to the client, a lost
    /// answer it waits for in vain.
    case dropConnection
    /// Abort the connection with a TCP reset (`SO_LINGER` 0), discarding anything unsent.
    case resetConnection
}
