import Foundation

extension CloudMap {
    /// An asynchronous Cloud Map operation as `GetOperation` returns it (`Operation` in the model).
    public struct Operation: Sendable, Hashable, Codable {
        public var id: String
        public var ownerAccount: String?
        /// One of ``CloudMap/OperationType``.
        public var type: String
        /// One of ``CloudMap/OperationStatus``.
        public var status: String
        public var errorMessage: String?
        public var errorCode: String?
        public var createDate: Date?
        public var updateDate: Date?
        /// The resources the operation acts on, keyed by ``CloudMap/OperationTargetType``.
        public var targets: [String: String]?

        public init(
            id: String, ownerAccount: String? = nil, type: String, status: String, errorMessage: String? = nil,
            errorCode: String? = nil, createDate: Date? = nil, updateDate: Date? = nil, targets: [String: String]? = nil
        ) {
            self.id = id
            self.ownerAccount = ownerAccount
            self.type = type
            self.status = status
            self.errorMessage = errorMessage
            self.errorCode = errorCode
            self.createDate = createDate
            self.updateDate = updateDate
            self.targets = targets
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case ownerAccount = "OwnerAccount"
            case type = "Type"
            case status = "Status"
            case errorMessage = "ErrorMessage"
            case errorCode = "ErrorCode"
            case createDate = "CreateDate"
            case updateDate = "UpdateDate"
            case targets = "Targets"
        }
    }

    /// One entry of `ListOperations` (`OperationSummary` in the model).
    public struct OperationSummary: Sendable, Hashable, Codable {
        public var id: String
        /// One of ``CloudMap/OperationStatus``.
        public var status: String

        public init(id: String, status: String) {
            self.id = id
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case status = "Status"
        }
    }

    /// A `ListOperations` filter (`OperationFilter` in the model).
    public struct OperationFilter: Sendable, Hashable, Codable {
        /// One of ``CloudMap/OperationFilterName``.
        public var name: String
        public var values: [String]
        /// One of ``CloudMap/FilterCondition``; `EQ` when absent.
        public var condition: String?

        public init(name: String, values: [String], condition: String? = nil) {
            self.name = name
            self.values = values
            self.condition = condition
        }

        enum CodingKeys: String, CodingKey {
            case name = "Name"
            case values = "Values"
            case condition = "Condition"
        }
    }
}
