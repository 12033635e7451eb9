import AWSModel

/// The AWS wire protocols of VPC Lattice (restJson1), Cloud Map and CodeDeploy (awsJson1_1), both ways.
///
/// Pure functions from typed values to bytes and back; no sockets, no signing.
///
/// Client side (what bench sends to a live endpoint and how it reads the answer):
/// - ``encode(_:)`` builds the HTTP request botocore would build for the same members (`wire.md` §1.0, App. A);
/// - ``decodeResponse(to:_:)`` and ``decodeAnswer(to:_:)`` read a success or an error exactly as botocore
///   parses it (§2.3).
///
/// Server side (what `bench serve` needs, moto-style, every service on one port):
/// - ``decodeRequest(_:)`` routes by `X-Amz-Target` or by method and path, and reads the members;
/// - ``encodeResponse(_:for:service:requestId:)`` writes a success or an error in the bytes the real service
///   sends; ``respond(to:requestId:handler:)`` does all three steps.
public enum AWSWireCodec {}
