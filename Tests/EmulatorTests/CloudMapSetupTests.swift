import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("Cloud Map namespaces and services")
struct CloudMapSetupTests {
    @Test(
        "CreateHttpNamespace name: ^(?!arn:)[!-~]{1,1024}$",
        arguments: [
            ("bench.local", nil),
            (String(repeating: "n", count: 1_024), nil),
            (String(repeating: "n", count: 1_025), "less than or equal to 1024"),
            ("", "Name is required"),
            ("has space", "[!-~]"),
            ("arn:aws:x", "must not start with 'arn:'"),
        ] as [(String, String?)])
    func namespaceName(name: String, error: String?) throws {
        let fixture = try CloudMapFixture()
        let input = CreateHttpNamespaceInput(name: name)
        if let error {
            expectError(CloudMapErrorCode.invalidInput, containing: error) {
                _ = try fixture.emulator.createHttpNamespace(input)
            }
        } else if name != "bench.local" {
            #expect(isOperationId(try fixture.emulator.createHttpNamespace(input).operationId))
        }
    }

    @Test("CreateHttpNamespace: asynchronous, usable at once, idempotent by token, unique by name")
    func namespaceIdempotency() throws {
        let fixture = try CloudMapFixture()
        let input = CreateHttpNamespaceInput(name: "other.local", creatorRequestId: "ns-2", description: "d")
        let operationId = try fixture.emulator.createHttpNamespace(input).operationId
        #expect(try fixture.emulator.createHttpNamespace(input).operationId == operationId)
        let operation = try fixture.emulator.getOperation(GetOperationInput(operationId: operationId)).operation
        #expect(operation.type == CloudMap.OperationType.createNamespace)
        #expect(operation.status == CloudMap.OperationStatus.submitted)
        let namespaceId = try #require(operation.targets?["NAMESPACE"])
        #expect(isId(namespaceId, prefix: "ns-", count: 16))

        let namespace = try fixture.emulator.getNamespace(GetNamespaceInput(id: namespaceId)).namespace
        #expect(namespace.name == "other.local" && namespace.type == "HTTP" && namespace.creatorRequestId == "ns-2")
        #expect(namespace.arn == "arn:aws:servicediscovery:us-east-1:123456789012:namespace/\(namespaceId)")
        #expect(namespace.properties?.httpProperties?.httpName == "other.local")
        #expect(try fixture.emulator.getNamespace(GetNamespaceInput(id: namespace.arn)).namespace == namespace)
        // Usable before the operation completes.
        _ = try fixture.emulator.createService(CreateServiceInput(name: "api", namespaceId: namespaceId))

        expectError(CloudMapErrorCode.invalidInput, containing: "CreatorRequestId ns-2") {
            _ = try fixture.emulator.createHttpNamespace(
                CreateHttpNamespaceInput(name: "third.local", creatorRequestId: "ns-2"))
        }
        let exists = serviceError {
            _ = try fixture.emulator.createHttpNamespace(
                CreateHttpNamespaceInput(name: "other.local", creatorRequestId: "ns-3"))
        }
        #expect(exists?.code == CloudMapErrorCode.namespaceAlreadyExists)
        #expect(exists?.fields == ["CreatorRequestId": "ns-2", "NamespaceId": .string(namespaceId)])
        #expect(fixture.entries(.created).filter { $0.resourceType == "Namespace" }.count == 2)
        expectError(CloudMapErrorCode.namespaceNotFound) {
            _ = try fixture.emulator.getNamespace(GetNamespaceInput(id: "ns-0000000000000000"))
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "Id must be a namespace id") {
            _ = try fixture.emulator.getNamespace(GetNamespaceInput(id: "bench.local"))
        }
    }

    @Test(
        "CreateService name: '.' or dot-separated DNS-like labels, at most 127",
        arguments: [
            ("web", true), ("a.b-c.d_e", true), (".", true), ("_x_", true), ("a", true),
            (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
            (Array(repeating: String(repeating: "a", count: 63), count: 2).joined(separator: "."), true),
            (String(repeating: "a.", count: 63) + "ab", false),
            ("-a", false), ("a-", false), ("a..b", false), ("_", false), ("", false), ("a b", false),
        ])
    func serviceName(name: String, accepted: Bool) throws {
        let fixture = try CloudMapFixture()
        let input = CreateServiceInput(name: name, namespaceId: fixture.namespaceId)
        if accepted {
            #expect(try fixture.emulator.createService(input).service.name == name)
        } else {
            expectError(CloudMapErrorCode.invalidInput, containing: "Name") {
                _ = try fixture.emulator.createService(input)
            }
        }
    }

    @Test("CreateService: synchronous, idempotent by token, unique by name in a namespace")
    func serviceIdempotency() throws {
        let fixture = try CloudMapFixture()
        let service = try fixture.emulator.getService(GetServiceInput(id: fixture.serviceId)).service
        #expect(isId(service.id, prefix: "srv-", count: 16))
        #expect(service.arn == "arn:aws:servicediscovery:us-east-1:123456789012:service/\(service.id)")
        #expect(service.name == "api" && service.namespaceId == fixture.namespaceId && service.type == "HTTP")
        #expect(service.creatorRequestId == "svc-1" && service.createdByAccount == "123456789012")
        #expect(service.createDate == fixture.clock.date(of: .zero) && service.instanceCount == 0)
        #expect(try fixture.emulator.getService(GetServiceInput(id: service.arn)).service == service)

        fixture.clock.advance(by: 5)
        let replay = try fixture.emulator.createService(
            CreateServiceInput(name: "api", namespaceId: fixture.namespaceId, creatorRequestId: "svc-1"))
        #expect(replay.service == service)
        #expect(fixture.entries(.created).filter { $0.resourceType == "Service" }.count == 1)

        expectError(CloudMapErrorCode.invalidInput, containing: "CreatorRequestId svc-1") {
            _ = try fixture.emulator.createService(
                CreateServiceInput(name: "web", namespaceId: fixture.namespaceId, creatorRequestId: "svc-1"))
        }
        let exists = serviceError {
            _ = try fixture.emulator.createService(
                CreateServiceInput(name: "api", namespaceId: fixture.namespaceId, creatorRequestId: "svc-2"))
        }
        #expect(exists?.code == CloudMapErrorCode.serviceAlreadyExists)
        #expect(
            exists?.fields == [
                "CreatorRequestId": "svc-1", "ServiceId": .string(service.id), "ServiceArn": .string(service.arn),
            ])

        let namespace = try fixture.emulator.getNamespace(GetNamespaceInput(id: fixture.namespaceId)).namespace
        #expect(namespace.serviceCount == 1)
    }

    @Test("CreateService errors: namespace missing or unknown, Type, DnsConfig, health check threshold")
    func serviceErrors() throws {
        let fixture = try CloudMapFixture()
        let namespaceId = fixture.namespaceId
        expectError(CloudMapErrorCode.invalidInput, containing: "NamespaceId is required") {
            _ = try fixture.emulator.createService(CreateServiceInput(name: "web"))
        }
        expectError(CloudMapErrorCode.namespaceNotFound) {
            _ = try fixture.emulator.createService(CreateServiceInput(name: "web", namespaceId: "ns-0000000000000000"))
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "Type must be one of HTTP") {
            _ = try fixture.emulator.createService(
                CreateServiceInput(name: "web", namespaceId: namespaceId, type: "DNS"))
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "DnsConfig") {
            _ = try fixture.emulator.createService(
                CreateServiceInput(
                    name: "web", namespaceId: namespaceId,
                    dnsConfig: CloudMap.DnsConfig(dnsRecords: [CloudMap.DnsRecord(type: "A", ttl: 60)])))
        }
        for (threshold, accepted) in [(0, false), (1, true), (10, true), (11, false)] {
            let input = CreateServiceInput(
                name: "web\(threshold)", namespaceId: namespaceId,
                healthCheckCustomConfig: CloudMap.HealthCheckCustomConfig(failureThreshold: threshold))
            if accepted {
                _ = try fixture.emulator.createService(input)
            } else {
                expectError(CloudMapErrorCode.invalidInput, containing: "FailureThreshold must be between 1 and 10") {
                    _ = try fixture.emulator.createService(input)
                }
            }
        }
        expectError(CloudMapErrorCode.serviceNotFound) {
            _ = try fixture.emulator.getService(GetServiceInput(id: "srv-0000000000000000"))
        }
    }

    @Test("Tags: at most 200, key 1-128, value 0-256")
    func tags() throws {
        let fixture = try CloudMapFixture()
        let cases: [([CloudMap.Tag], String?)] = [
            (Array(repeating: CloudMap.Tag(key: "k", value: "v"), count: 200), nil),
            (Array(repeating: CloudMap.Tag(key: "k", value: "v"), count: 201), "at most 200"),
            ([CloudMap.Tag(key: String(repeating: "k", count: 128), value: String(repeating: "v", count: 256))], nil),
            ([CloudMap.Tag(key: String(repeating: "k", count: 129), value: "")], "Tags[0].Key"),
            ([CloudMap.Tag(key: "k", value: String(repeating: "v", count: 257))], "Tags[0].Value"),
            ([CloudMap.Tag(key: "", value: "v")], "Tags[0].Key is required"),
        ]
        for (index, (tags, error)) in cases.enumerated() {
            let input = CreateHttpNamespaceInput(name: "tags\(index).local", tags: tags)
            if let error {
                expectError(CloudMapErrorCode.invalidInput, containing: error) {
                    _ = try fixture.emulator.createHttpNamespace(input)
                }
            } else {
                _ = try fixture.emulator.createHttpNamespace(input)
            }
        }
    }
}
