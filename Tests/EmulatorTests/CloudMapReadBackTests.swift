import AWSModel
import BenchCore
import Emulator
import Testing

@Suite("Cloud Map DeregisterInstance and read-backs")
struct CloudMapReadBackTests {
    @Test("DeregisterInstance is asynchronous, blocks the instance while in flight, and removes it")
    func deregister() throws {
        let fixture = try CloudMapFixture()
        let registered = try fixture.register("i-1")
        let deregisterInput = DeregisterInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1")
        let error = serviceError { _ = try fixture.emulator.deregisterInstance(deregisterInput) }
        #expect(error?.fields["DuplicateOperationId"] == .string(registered))
        fixture.finishOperations()

        let operationId = try fixture.emulator.deregisterInstance(deregisterInput).operationId
        let operation = try fixture.emulator.getOperation(GetOperationInput(operationId: operationId)).operation
        #expect(operation.type == CloudMap.OperationType.deregisterInstance)
        #expect(operation.status == CloudMap.OperationStatus.submitted)
        expectError(CloudMapErrorCode.instanceNotFound) {
            _ = try fixture.emulator.getInstance(GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1"))
        }
        let blocked = serviceError { try fixture.register("i-1", token: "again") }
        #expect(blocked?.fields["DuplicateOperationId"] == .string(operationId))
        let deregistered = try #require(fixture.entries(.deregistered).first)
        #expect(
            deregistered.resourceId == "i-1" && deregistered.parentId == fixture.serviceId && deregistered.token == nil)

        fixture.finishOperations()
        #expect(try fixture.status(operationId) == CloudMap.OperationStatus.success)
        expectError(CloudMapErrorCode.instanceNotFound) { _ = try fixture.emulator.deregisterInstance(deregisterInput) }
        try fixture.register("i-1", token: "again")
        #expect(fixture.entries(.registered).count == 2)
    }

    @Test("GetInstance errors: unknown instance, unknown service")
    func getInstanceErrors() throws {
        let fixture = try CloudMapFixture()
        expectError(CloudMapErrorCode.instanceNotFound, containing: "i-9") {
            _ = try fixture.emulator.getInstance(GetInstanceInput(serviceId: fixture.serviceId, instanceId: "i-9"))
        }
        expectError(CloudMapErrorCode.serviceNotFound) {
            _ = try fixture.emulator.getInstance(GetInstanceInput(serviceId: "srv-0000000000000000", instanceId: "i-9"))
        }
    }

    @Test("ListInstances: MaxResults 1-100", arguments: [(0, false), (1, true), (100, true), (101, false)])
    func listInstancesMaxResults(maxResults: Int, accepted: Bool) throws {
        let fixture = try CloudMapFixture()
        let input = ListInstancesInput(serviceId: fixture.serviceId, maxResults: maxResults)
        if accepted {
            #expect(try fixture.emulator.listInstances(input).instances.isEmpty)
        } else {
            expectError(CloudMapErrorCode.invalidInput, containing: "MaxResults must be between 1 and 100") {
                _ = try fixture.emulator.listInstances(input)
            }
        }
    }

    @Test("ListInstances pages through every instance once, in id order, with stable tokens")
    func listInstancesPages() throws {
        let fixture = try CloudMapFixture()
        for id in ["i-3", "i-1", "i-5", "i-2", "i-4"] { try fixture.register(id, attributes: ["n": id]) }
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try fixture.emulator.listInstances(
                ListInstancesInput(serviceId: fixture.serviceId, nextToken: token, maxResults: 2))
            #expect(page.instances.count <= 2)
            #expect(page.resourceOwner == "123456789012")
            seen += page.instances.map(\.id)
            #expect(page.instances.allSatisfy { $0.attributes == ["n": $0.id] })
            token = page.nextToken
            pages += 1
        } while token != nil
        #expect(seen == ["i-1", "i-2", "i-3", "i-4", "i-5"])
        #expect(pages == 3)
        expectError(CloudMapErrorCode.invalidInput, containing: "NextToken") {
            _ = try fixture.emulator.listInstances(ListInstancesInput(serviceId: fixture.serviceId, nextToken: "%%%"))
        }
        expectError(CloudMapErrorCode.invalidInput, containing: "NextToken must have length less than or equal to 4096")
        {
            _ = try fixture.emulator.listInstances(
                ListInstancesInput(serviceId: fixture.serviceId, nextToken: String(repeating: "A", count: 4_097)))
        }
    }

    @Test("GetOperation: unknown id, owner account")
    func getOperationErrors() throws {
        let fixture = try CloudMapFixture()
        expectError(CloudMapErrorCode.operationNotFound) {
            _ = try fixture.emulator.getOperation(GetOperationInput(operationId: "nope"))
        }
        let operationId = try fixture.register("i-1")
        let owned = try fixture.emulator.getOperation(
            GetOperationInput(operationId: operationId, ownerAccount: "123456789012"))
        #expect(owned.operation.ownerAccount == "123456789012")
        expectError(CloudMapErrorCode.invalidInput, containing: "OwnerAccount") {
            _ = try fixture.emulator.getOperation(GetOperationInput(operationId: operationId, ownerAccount: "1234"))
        }
        expectError(
            CloudMapErrorCode.invalidInput, containing: "OperationId must have length less than or equal to 255"
        ) {
            _ = try fixture.emulator.getOperation(GetOperationInput(operationId: String(repeating: "o", count: 256)))
        }
    }

    @Test("ListOperations filters by SERVICE_ID, STATUS and TYPE, and pages in submission order")
    func listOperations() throws {
        let fixture = try CloudMapFixture()
        let namespaceOperation = try #require(fixture.entries(.operationSubmitted).first?.resourceId)
        let first = try fixture.register("i-1")
        fixture.finishOperations()
        let second = try fixture.register("i-2")
        let third = try fixture.emulator.deregisterInstance(
            DeregisterInstanceInput(serviceId: fixture.serviceId, instanceId: "i-1")
        ).operationId

        func list(_ filters: [CloudMap.OperationFilter], maxResults: Int? = nil) throws -> [String] {
            var ids: [String] = []
            var token: String?
            repeat {
                let page = try fixture.emulator.listOperations(
                    ListOperationsInput(nextToken: token, maxResults: maxResults, filters: filters))
                ids += page.operations.map(\.id)
                token = page.nextToken
            } while token != nil
            return ids
        }
        #expect(try list([]) == [namespaceOperation, first, second, third])
        #expect(try list([], maxResults: 1) == [namespaceOperation, first, second, third])
        #expect(try list([.init(name: "SERVICE_ID", values: [fixture.serviceId])]) == [first, second, third])
        #expect(try list([.init(name: "STATUS", values: ["SUBMITTED"])]) == [second, third])
        #expect(try list([.init(name: "STATUS", values: ["SUCCESS"])], maxResults: 1) == [namespaceOperation, first])
        #expect(
            try list([
                .init(name: "TYPE", values: ["REGISTER_INSTANCE", "DEREGISTER_INSTANCE"], condition: "IN"),
                .init(name: "STATUS", values: ["SUBMITTED"], condition: "EQ"),
            ]) == [second, third])
        #expect(try list([.init(name: "NAMESPACE_ID", values: [fixture.namespaceId])]) == [namespaceOperation])

        let invalid: [(CloudMap.OperationFilter, String)] = [
            (.init(name: "UPDATE_DATE", values: ["1"], condition: "BETWEEN"), "Filters[0].Name"),
            (.init(name: "STATUS", values: ["DONE"]), "Filters[0].Values[0]"),
            (.init(name: "TYPE", values: ["REGISTER_INSTANCE", "DEREGISTER_INSTANCE"]), "exactly 1 item for EQ"),
            (.init(name: "TYPE", values: ["X"], condition: "BEGINS_WITH"), "Filters[0].Condition"),
            (.init(name: "SERVICE_ID", values: [""]), "Filters[0].Values[0] is required"),
        ]
        for (filter, fragment) in invalid {
            expectError(CloudMapErrorCode.invalidInput, containing: fragment) {
                _ = try fixture.emulator.listOperations(ListOperationsInput(filters: [filter]))
            }
        }
    }
}
