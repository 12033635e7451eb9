import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("Cloud Map RegisterInstance")
struct CloudMapRegisterInstanceTests {
    @Test(
        "InstanceId: at most 64 and ^[0-9a-zA-Z_/:.@-]+$",
        arguments: [
            (String(repeating: "i", count: 64), nil),
            (String(repeating: "i", count: 65), "less than or equal to 64 (got 65)"),
            ("Az09_/:.@-", nil),
            ("i 1", "^[0-9a-zA-Z_/:.@-]+$"),
            ("i#1", "^[0-9a-zA-Z_/:.@-]+$"),
            ("", "InstanceId is required"),
        ] as [(String, String?)])
    func instanceIdLimits(instanceId: String, error: String?) throws {
        let fixture = try CloudMapFixture()
        if let error {
            expectError(CloudMapErrorCode.invalidInput, containing: error) { try fixture.register(instanceId) }
        } else {
            #expect(isOperationId(try fixture.register(instanceId)))
        }
    }

    /// The ledger's digest of a registration is ``InstanceDigest``'s, the function the checker also computes for the
    /// history and the read-backs; its value is fixed across builds, as newer builds re-check older runs' files.
    @Test("the ledger's RegisterInstance digest is InstanceDigest, with a value fixed across builds")
    func ledgerDigestIsInstanceDigest() throws {
        let fixture = try CloudMapFixture()
        let attributes = ["b": "2", "AWS_INSTANCE_IPV4": "10.0.0.1", "a": "1"]
        _ = try fixture.register("i-1", attributes: attributes)
        let entry = try #require(fixture.entries(.registered).first)
        #expect(
            entry.parameterDigest
                == InstanceDigest.of(serviceId: fixture.serviceId, instanceId: "i-1", attributes: attributes))
        // FNV-1a over "RegisterInstance", "srv-1", "i-1", then each key and value in key order, as it always was.
        #expect(InstanceDigest.of(serviceId: "srv-1", instanceId: "i-1", attributes: attributes) == "5c2ebae375828f29")
        // Past 20 pairs the standard library's sort merges runs instead of inserting: the order must not change.
        let many = Dictionary(uniqueKeysWithValues: (0..<31).map { ("key-\(30 - $0)", "v\($0)") })
        #expect(InstanceDigest.of(serviceId: "srv-1", instanceId: "i-1", attributes: many) == "fa383c3c58ca14b0")
    }

    /// Characters are Unicode scalars: 64 two-byte ones (128 bytes) pass, and a refusal counts scalars, not bytes.
    @Test(
        "CreatorRequestId: at most 64 characters",
        arguments: [("t", 64, true), ("t", 65, false), ("é", 64, true), ("é", 65, false)])
    func creatorRequestIdLimit(character: String, length: Int, accepted: Bool) throws {
        let fixture = try CloudMapFixture()
        let token = String(repeating: character, count: length)
        if accepted {
            try fixture.register("i-1", token: token)
        } else {
            expectError(
                CloudMapErrorCode.invalidInput,
                containing: "CreatorRequestId must have length less than or equal to 64 (got \(length))"
            ) {
                try fixture.register("i-1", token: token)
            }
        }
    }

    @Test("ServiceId: id or ARN form, at most 255; unknown services are ServiceNotFound")
    func serviceIdForms() throws {
        let fixture = try CloudMapFixture()
        func register(_ serviceId: String) throws(ServiceError) {
            _ = try fixture.emulator.registerInstance(
                RegisterInstanceInput(serviceId: serviceId, instanceId: "i-\(serviceId.utf8.count)", attributes: [:]))
        }
        let arn = "arn:aws:servicediscovery:us-east-1:123456789012:service/\(fixture.serviceId)"
        try register(arn)
        expectError(CloudMapErrorCode.invalidInput, containing: "less than or equal to 255") {
            try register("srv-" + String(repeating: "a", count: 252))
        }
        expectError(CloudMapErrorCode.serviceNotFound) { try register("srv-" + String(repeating: "a", count: 251)) }
        for malformed in ["api", "srv-", "srv-ab_c", "srv-abc-"] {
            expectError(CloudMapErrorCode.invalidInput, containing: "ServiceId must be a service id (srv-…) or") {
                try register(malformed)
            }
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "ServiceId is required") { try register("") }
        expectError(CloudMapErrorCode.serviceNotFound) { try register("srv-unknown0000000") }
        expectError(CloudMapErrorCode.serviceNotFound) {
            try register("arn:aws:servicediscovery:us-east-1:999999999999:service/\(fixture.serviceId)")
        }
        try register(fixture.serviceId)  // the refused ARN left the service where it was
    }

    @Test("validation comes before the service look-up")
    func validationBeforeLookup() throws {
        let fixture = try CloudMapFixture()
        expectError(CloudMapErrorCode.invalidInput, containing: "InstanceId") {
            _ = try fixture.emulator.registerInstance(
                RegisterInstanceInput(serviceId: "srv-unknown0000000", instanceId: "bad id", attributes: [:]))
        }
    }

    /// The order of `RegisterInstance`'s checks (fields, service, attributes) and the id its ledger digest is made
    /// from: the service's id, however the request names the service.
    @Test("the attributes are checked after the service look-up; a registration by ARN digests as by id")
    func attributesAfterLookup() throws {
        let fixture = try CloudMapFixture()
        let invalid = ["": "empty key"]
        expectError(CloudMapErrorCode.serviceNotFound) {
            _ = try fixture.emulator.registerInstance(
                RegisterInstanceInput(serviceId: "srv-unknown0000000", instanceId: "i-1", attributes: invalid))
        }
        expectError(CloudMapErrorCode.invalidInput) { try fixture.register("i-1", attributes: invalid) }
        let attributes = ["b": "2", "a": "1"]
        let arn = "arn:aws:servicediscovery:us-east-1:123456789012:service/\(fixture.serviceId)"
        _ = try fixture.emulator.registerInstance(
            RegisterInstanceInput(serviceId: arn, instanceId: "i-2", attributes: attributes))
        let entry = try #require(fixture.entries(.registered).first)
        #expect(entry.resourceId == "i-2")
        #expect(
            entry.parameterDigest
                == InstanceDigest.of(serviceId: fixture.serviceId, instanceId: "i-2", attributes: attributes))
    }

    @Test("the operation is SUBMITTED for the first half of the delay, PENDING for the second, SUCCESS after")
    func statusTimeline() throws {
        let fixture = try CloudMapFixture()
        let start = fixture.clock.now
        let operationId = try fixture.register("i-1")
        let half = CloudMapFixture.delay / 2
        let timeline: [(UInt64, String)] = [
            (0, CloudMap.OperationStatus.submitted), (half - 1, CloudMap.OperationStatus.submitted),
            (half, CloudMap.OperationStatus.pending), (CloudMapFixture.delay - 1, CloudMap.OperationStatus.pending),
            (CloudMapFixture.delay, CloudMap.OperationStatus.success),
            (CloudMapFixture.delay * 10, CloudMap.OperationStatus.success),
        ]
        for (offset, expected) in timeline {
            fixture.clock.advance(to: start.advanced(by: offset))
            let operation = try fixture.emulator.getOperation(GetOperationInput(operationId: operationId)).operation
            #expect(operation.status == expected, "at +\(offset) ns")
            #expect(operation.type == CloudMap.OperationType.registerInstance)
            #expect(operation.targets == ["INSTANCE": "i-1", "SERVICE": fixture.serviceId])
            #expect(operation.createDate == fixture.clock.date(of: start))
            let changed =
                expected == CloudMap.OperationStatus.submitted
                ? 0 : expected == CloudMap.OperationStatus.pending ? half : CloudMapFixture.delay
            #expect(operation.updateDate == fixture.clock.date(of: start.advanced(by: changed)))
        }
    }

    @Test("DuplicateRequest only while an operation on the instance is in flight, naming it")
    func duplicateRequestWhileInFlight() throws {
        let fixture = try CloudMapFixture()
        let first = try fixture.register("i-1", token: "t1")
        for offset in [0, CloudMapFixture.delay / 2, CloudMapFixture.delay - 1] {
            fixture.clock.advance(to: Instant(nanoseconds: offset))
            let error = serviceError { try fixture.register("i-1", token: "t2", attributes: ["color": "red"]) }
            #expect(error?.code == CloudMapErrorCode.duplicateRequest)
            #expect(error?.fields["DuplicateOperationId"] == .string(first))
        }
        try fixture.register("i-2", token: "t3")  // another instance is not blocked
        fixture.clock.advance(to: Instant(nanoseconds: CloudMapFixture.delay))
        let second = try fixture.register("i-1", token: "t2", attributes: ["color": "red"])
        #expect(second != first)
        // The new operation blocks in its turn, and is the one named.
        let error = serviceError { try fixture.register("i-1", token: "t4") }
        #expect(error?.fields["DuplicateOperationId"] == .string(second))
    }

    @Test("the same CreatorRequestId and parameters answer the same OperationId with no second effect")
    func sameTokenReplays() throws {
        let fixture = try CloudMapFixture()
        let before = fixture.ledger.count
        let first = try fixture.register("i-1", token: "t1")
        let afterFirst = fixture.ledger.count
        #expect(afterFirst == before + 2)  // registered + operationSubmitted
        #expect(try fixture.register("i-1", token: "t1") == first)  // in flight: replay wins over DuplicateRequest
        fixture.finishOperations()
        #expect(try fixture.register("i-1", token: "t1") == first)  // completed
        #expect(fixture.entries(.registered).count == 1)
        #expect(fixture.entries(.updated).isEmpty)
        #expect(fixture.entries(.operationSubmitted).filter { $0.resourceId == first }.count == 1)
        #expect(fixture.entries(.operationSucceeded).filter { $0.resourceId == first }.count == 1)
    }

    @Test("the same CreatorRequestId with different parameters is InvalidInput and changes nothing")
    func sameTokenDifferentParameters() throws {
        let fixture = try CloudMapFixture()
        try fixture.register("i-1", token: "t1", attributes: ["color": "blue"])
        fixture.finishOperations()
        fixture.emulator.settle()  // so that only the refused requests could add entries
        let count = fixture.ledger.count
        expectError(CloudMapErrorCode.invalidInput, containing: "CreatorRequestId t1 was already used") {
            try fixture.register("i-1", token: "t1", attributes: ["color": "red"])
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "CreatorRequestId t1") {
            try fixture.register("i-2", token: "t1", attributes: ["color": "blue"])
        }
        #expect(fixture.ledger.count == count)
        let instance = try fixture.emulator.getInstance(
            GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
        #expect(instance.instance.attributes == ["color": "blue"])
    }

    @Test("a new CreatorRequestId for an existing instance updates it")
    func updateWithNewToken() throws {
        let fixture = try CloudMapFixture()
        try fixture.register("i-1", token: "t1", attributes: ["color": "blue"])
        fixture.finishOperations()
        try fixture.register("i-1", token: "t2", attributes: ["color": "red"])
        let instance = try fixture.emulator.getInstance(
            GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
        #expect(
            instance.instance
                == CloudMap.Instance(
                    id: "i-1", creatorRequestId: "t2", attributes: ["color": "red"], createdByAccount: "123456789012"))
        #expect(instance.resourceOwner == "123456789012")
        let updated = try #require(fixture.entries(.updated).first)
        #expect(updated.resourceType == "Instance" && updated.token == "t2" && updated.parentId == fixture.serviceId)
        #expect(fixture.entries(.registered).count == 1)
        let service = try fixture.emulator.getService(GetServiceInput(id: fixture.serviceId)).service
        #expect(service.instanceCount == 1)
    }

    @Test("an omitted CreatorRequestId is generated, so each such call is a new request")
    func generatedToken() throws {
        let fixture = try CloudMapFixture()
        let first = try fixture.register("i-1")
        fixture.finishOperations()
        let second = try fixture.register("i-1")
        #expect(first != second)
        let token = try #require(
            try fixture.emulator.getInstance(GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
                .instance.creatorRequestId)
        #expect(token.utf8.count == 36 && token.split(separator: "-").count == 5)
        #expect(fixture.entries(.updated).first?.token == token)
    }

    @Test("the ledger records the instance change and the operation, with the attempt that caused them")
    func ledgerEntries() throws {
        let fixture = try CloudMapFixture()
        fixture.clock.advance(to: Instant(nanoseconds: 1_000))
        let context = RequestContext(requestId: "req-9", invocationId: "inv-9", attempt: 2)
        let operationId = try fixture.emulator.registerInstance(
            RegisterInstanceInput(
                serviceId: fixture.serviceId, instanceId: "i-1", creatorRequestId: "t1", attributes: ["k": "v"]),
            context: context
        ).operationId
        let registered = try #require(fixture.entries(.registered).first)
        #expect(registered.service == .cloudMap && registered.operation == "RegisterInstance")
        #expect(registered.resourceType == "Instance" && registered.resourceId == "i-1")
        #expect(registered.parentId == fixture.serviceId && registered.token == "t1")
        #expect(registered.requestId == "req-9" && registered.invocationId == "inv-9" && registered.attempt == 2)
        #expect(registered.time == Instant(nanoseconds: 1_000))
        let submitted = try #require(fixture.entries(.operationSubmitted).last)
        #expect(submitted.resourceId == operationId && submitted.parameterDigest == registered.parameterDigest)
        #expect(registered.parameterDigest?.utf8.count == 16)

        #expect(fixture.entries(.operationSucceeded).allSatisfy { $0.resourceId != operationId })
        fixture.clock.advance(by: CloudMapFixture.delay * 3)
        fixture.emulator.settle()
        let succeeded = try #require(fixture.entries(.operationSucceeded).first { $0.resourceId == operationId })
        #expect(succeeded.time == Instant(nanoseconds: 1_000 + CloudMapFixture.delay))
        #expect(succeeded.requestId == "req-9" && succeeded.token == "t1")
        let times = fixture.ledger.snapshot.map(\.time)
        #expect(times == times.sorted())
    }

    @Test("creating past the instance quota is ResourceLimitExceeded; updates at the quota still work")
    func instanceQuota() throws {
        let fixture = try CloudMapFixture { $0.instancesPerServiceQuota = 2 }
        try fixture.register("i-1")
        try fixture.register("i-2")
        expectError(CloudMapErrorCode.resourceLimitExceeded, containing: "quota of 2 instances") {
            try fixture.register("i-3")
        }
        fixture.finishOperations()
        try fixture.register("i-1", token: "update")
        #expect(fixture.entries(.registered).count == 2)
    }

    @Test("the error answer carries the wire code, HTTP 400 and the DuplicateOperationId field")
    func errorShape() {
        let error = ServiceError.duplicateRequest(duplicateOperationId: "op-1")
        #expect(error.code == "DuplicateRequest" && error.httpStatus == 400)
        #expect(error.fields == ["DuplicateOperationId": "op-1"])
        let exists = ServiceError.serviceAlreadyExists(
            name: "api", creatorRequestId: "c", serviceId: "srv-1", serviceArn: "arn:x")
        #expect(exists.fields == ["CreatorRequestId": "c", "ServiceId": "srv-1", "ServiceArn": "arn:x"])
    }
}
