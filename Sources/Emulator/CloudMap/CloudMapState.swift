import AWSModel
import BenchCore
import Foundation

/// Everything the Cloud Map emulator knows, mutated only under ``CloudMapEmulator``'s lock.
///
/// Each request runs as one mutating call: validate, look up, check idempotency and conflicts, and only then
/// change state and append ledger entries, so a refused request changes nothing.
struct CloudMapState: Sendable {
    /// A service and the instances registered in it.
    struct ServiceRecord: Sendable {
        var service: CloudMap.Service
        var namespaceType: String
        var instances = ShardedDictionary<String, CloudMap.Instance>()
        /// The instance ids in ascending order (the stable order of `ListInstances`), or `nil` after a change:
        /// sorted lazily by the next listing, so registering stays O(1) however many instances there are, and a
        /// read-back that pages through every instance sorts once.
        var sortedInstanceIds: [String]? = []
        /// The position in ``CloudMapState/operations`` of the latest operation (register or deregister)
        /// submitted for each instance id.
        var lastOperation = ShardedDictionary<String, Int>()
    }

    /// What an idempotency token (`CreatorRequestId`) was first used for.
    struct TokenUse: Sendable {
        /// The digest of the parameters it came with.
        var parameterDigest: String
        /// The operation it submitted (RegisterInstance, CreateHttpNamespace), if any.
        var operationId: String?
        /// The resource it created (CreateService), if any.
        var resourceId: String?
    }

    let configuration: EmulatorConfiguration
    let clock: any BenchClock
    let ledger: Ledger
    var ids: IDGenerator

    var namespaces: [String: CloudMap.Namespace] = [:]
    var namespaceIdsByName: [String: String] = [:]
    var services: [String: ServiceRecord] = [:]
    /// Service ids by namespace id and service name.
    var serviceIdsByName: [String: [String: String]] = [:]
    /// Operations in submission order (the order of `ListOperations`): read by position, without hashing an id,
    /// by the in-flight check and by ``settle(now:)`` on every request.
    var operations = SegmentedArray<CloudMapOperationRecord>()
    /// The position in ``operations`` of each operation id.
    var operationPositions = ShardedDictionary<String, Int>()
    /// `operations[..<settledCount]` have their `operationSucceeded` ledger entry.
    var settledCount = 0

    /// Token uses per API operation: each operation's `CreatorRequestId`s form their own, account-wide scope.
    var registerTokens = ShardedDictionary<String, TokenUse>()
    var namespaceTokens = ShardedDictionary<String, TokenUse>()
    var serviceTokens = ShardedDictionary<String, TokenUse>()

    init(configuration: EmulatorConfiguration, clock: any BenchClock, seed: UInt64, ledger: Ledger) {
        self.configuration = configuration
        self.clock = clock
        self.ledger = ledger
        ids = IDGenerator(seed: seed, stream: "cloudmap")
    }

    // MARK: Shared helpers

    /// The ARN of a resource of this account and region.
    func arn(_ resourceType: String, _ id: String) -> String {
        "arn:aws:servicediscovery:\(configuration.region):\(configuration.account):\(resourceType)/\(id)"
    }

    /// The date an API answer shows for `instant`.
    func date(_ instant: Instant) -> Date { clock.date(of: instant) }

    /// The service `identifier` names, or `ServiceNotFound` quoting `reference`.
    func lookUpService(_ identifier: CloudMapIdentifier, reference: String) throws(ServiceError) -> ServiceRecord {
        guard let record = services[identifier.id], identifier.matches(arn: record.service.arn) else {
            throw .serviceNotFound(reference)
        }
        return record
    }

    /// Runs `body` on the service `identifier` names, taken out of ``services`` and moved back after, whether `body`
    /// returns or throws; `ServiceNotFound` quoting `reference` when there is none. Holding the only reference to the
    /// record, `body` mutates its dictionaries in place rather than copying them (O(instances) per request). One
    /// hashed look-up, and no copy of the record: a `defer` that assigned it back copied it (13 retains and as many
    /// releases per `RegisterInstance`, counted with `scripts/count-calls.sh`).
    mutating func updatingService<Output>(
        _ identifier: CloudMapIdentifier, reference: String,
        _ body: (inout CloudMapState, inout ServiceRecord) throws(ServiceError) -> Output
    ) throws(ServiceError) -> Output {
        guard var service = services.removeValue(forKey: identifier.id) else { throw .serviceNotFound(reference) }
        let result: Result<Output, ServiceError>
        if identifier.matches(arn: service.service.arn) {
            do throws(ServiceError) { result = .success(try body(&self, &service)) } catch { result = .failure(error) }
        } else {
            result = .failure(.serviceNotFound(reference))  // another account's or region's ARN: not this service
        }
        services[identifier.id] = consume service
        return try result.get()
    }

    /// The namespace `identifier` names, or `NamespaceNotFound` quoting `reference`.
    func lookUpNamespace(
        _ identifier: CloudMapIdentifier, reference: String
    ) throws(ServiceError) -> CloudMap.Namespace {
        guard let namespace = namespaces[identifier.id], identifier.matches(arn: namespace.arn) else {
            throw .namespaceNotFound(reference)
        }
        return namespace
    }

    /// The token to record for a request: the caller's, or one generated the way botocore does when the
    /// caller leaves it out (a UUID, drawn from the seeded generator).
    mutating func token(_ creatorRequestId: String?) -> String {
        creatorRequestId ?? ids.uuid()
    }

    /// Looks `token` up in `uses`: `nil` when it is new, the first use when the parameters match, and
    /// `InvalidInput` when the token was used before with other parameters.
    ///
    /// The model leaves this last case open; the emulator refuses it (and changes nothing) so that a reused
    /// token can never silently act on other parameters.
    static func replay(
        of token: String, digest: String, in uses: ShardedDictionary<String, TokenUse>
    ) throws(ServiceError) -> TokenUse? {
        try replay(uses[token], of: token, digest: digest)
    }

    /// ``replay(of:digest:in:)`` for a caller that has looked `token` up already (`use`: what it found).
    static func replay(_ use: TokenUse?, of token: String, digest: String) throws(ServiceError) -> TokenUse? {
        guard let use else { return nil }
        guard use.parameterDigest == digest else {
            throw .invalidInput("CreatorRequestId \(token) was already used with different parameters")
        }
        return use
    }

    /// The operation `id` names, or nil.
    func operation(_ id: String) -> CloudMapOperationRecord? {
        operationPositions[id].map { operations[$0] }
    }

    /// Starts an asynchronous operation at `now`: a new id (`[a-z0-9]{32}-[a-z0-9]{8}`, like the real ones),
    /// the `operationSubmitted` ledger entry, and the record its status is read from. Returns the id, and the
    /// record's position in ``operations``.
    mutating func submitOperation(
        type: String, apiOperation: String, targets: CloudMapOperationRecord.Targets, parentId: String?, token: String?,
        digest: String, context: RequestContext, now: Instant
    ) -> (id: String, position: Int) {
        let id = ids.string(32, dash: 8, from: IDGenerator.lowerAlphanumeric)
        let position = operations.count
        operations.append(
            CloudMapOperationRecord(
                id: id, type: type, apiOperation: apiOperation, targets: targets, submittedAt: now,
                completesAt: now.advanced(by: configuration.cloudMapOperationDelayNanoseconds), parentId: parentId,
                token: token, parameterDigest: digest, context: context))
        operationPositions[id] = position
        ledger.appendCloudMap(
            .operationSubmitted, apiOperation, "Operation", id, parentId: parentId, token: token, digest: digest,
            context: context, at: now)
        return (id, position)
    }

    /// Appends `operationSucceeded` (timed at its completion) for every operation that has completed by `now`.
    ///
    /// Runs at the start of every request, so the ledger stays in time order: an operation's completion is
    /// recorded before any change that happened after it. Operations complete in submission order (the delay
    /// is fixed and the clock monotonic), so this only looks at the front of ``operations``.
    /// - Complexity: O(1) amortised per operation.
    mutating func settle(now: Instant) {
        while settledCount < operations.count, operations[settledCount].completesAt <= now {
            if ledger.isRecording {
                // Members read in place: a copy of the record would retain each of its strings, and release them.
                let position = settledCount
                ledger.appendCloudMap(
                    .operationSucceeded, operations[position].apiOperation, "Operation", operations[position].id,
                    parentId: operations[position].parentId, token: operations[position].token,
                    digest: operations[position].parameterDigest, context: operations[position].context,
                    at: operations[position].completesAt)
            }
            settledCount += 1
        }
    }
}

extension Ledger {
    /// Appends one Cloud Map ledger entry, built only when the ledger keeps entries.
    ///
    /// A method of the ledger, not of ``CloudMapState``: called from the state's `mutating` methods, a non-mutating
    /// method of the state was handed a copy of the whole state (every table's storage retained, then released)
    /// for each entry.
    func appendCloudMap(
        _ change: LedgerEntry.Change, _ apiOperation: String, _ resourceType: String, _ resourceId: String,
        parentId: String?, token: String?, digest: String?, context: RequestContext, at time: Instant
    ) {
        guard isRecording else { return }
        append(
            LedgerEntry(
                time: time, service: .cloudMap, operation: apiOperation, change: change, resourceType: resourceType,
                resourceId: resourceId, parentId: parentId, token: token, parameterDigest: digest, context: context))
    }
}
