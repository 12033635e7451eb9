import AWSModel

/// A request body the server reads often enough under load to read without `JSONDecoder`: `RegisterInstance`
/// (awsJson1_1) and the `RegisterTargets`/`DeregisterTargets` body (restJson1). The fast read takes only the
/// well-formed common case; anything else (an unknown or repeated member, a `null`, a missing required member)
/// answers `nil`, and `JSONDecoder` reads the body instead, so a bad request's error reads exactly as before.
protocol FastJSONReadable {
    /// The value in `scanner`'s text, or `nil` to leave the body to `JSONDecoder`. O(body).
    static func read(from scanner: inout JSONScanner) -> Self?
}

extension FastJSONReadable {
    /// The whole of `body` as this type, or `nil` (see ``read(from:)``).
    static func fastRead(_ body: [UInt8]) -> Self? {
        body.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            guard let value = read(from: &scanner), scanner.isAtEnd() else { return nil }
            return value
        }
    }
}

extension RegisterInstanceInput: FastJSONReadable {
    static func read(from scanner: inout JSONScanner) -> RegisterInstanceInput? {
        var serviceId: String?, instanceId: String?, creatorRequestId: String?, attributes: [String: String]?
        let read = scanner.object { scanner, key in
            switch key {
            case "ServiceId" where serviceId == nil:
                serviceId = scanner.string()
                return serviceId != nil
            case "InstanceId" where instanceId == nil:
                instanceId = scanner.string()
                return instanceId != nil
            case "CreatorRequestId" where creatorRequestId == nil:
                creatorRequestId = scanner.string()
                return creatorRequestId != nil
            case "Attributes" where attributes == nil:
                attributes = scanner.stringMap()
                return attributes != nil
            default:
                return false
            }
        }
        guard read, let serviceId, let instanceId, let attributes else { return nil }
        return RegisterInstanceInput(
            serviceId: serviceId, instanceId: instanceId, creatorRequestId: creatorRequestId, attributes: attributes)
    }
}

extension TargetsBody: FastJSONReadable {
    static func read(from scanner: inout JSONScanner) -> TargetsBody? {
        var targets: [Target]?
        let read = scanner.object { scanner, key in
            guard key == "targets", targets == nil else { return false }
            var list: [Target] = []
            guard scanner.array({ scanner in
                guard let target = Target.read(from: &scanner) else { return false }
                list.append(target)
                return true
            }) else { return false }
            targets = list
            return true
        }
        guard read, let targets else { return nil }
        return TargetsBody(targets: targets)
    }
}

extension Target: FastJSONReadable {
    static func read(from scanner: inout JSONScanner) -> Target? {
        var id: String?, port: Int?
        let read = scanner.object { scanner, key in
            switch key {
            case "id" where id == nil:
                id = scanner.string()
                return id != nil
            case "port" where port == nil:
                port = scanner.integer()
                return port != nil
            default: return false
            }
        }
        guard read, let id else { return nil }
        return Target(id: id, port: port)
    }
}
