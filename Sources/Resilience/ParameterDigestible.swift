/// An operation input, or a shape inside one, that feeds its members into a ``ParameterDigestBuilder``:
/// the hand-written, allocation-light replacement of JSON-encoding the input for ``AWSRequest/parameterDigest``.
protocol ParameterDigestible {
    /// Feeds every member into `builder`, each under its property name, in declaration order.
    ///
    /// Every stored property is fed, the idempotency token included (``AWSRequest/parameterDigest`` clears the
    /// token first), so that any change of a parameter changes the digest.
    func digestParameters(into builder: inout ParameterDigestBuilder)
}
