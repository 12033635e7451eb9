import AWSModel

extension RegisterInstanceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("serviceId", serviceId)
        builder.member("instanceId", instanceId)
        builder.member("creatorRequestId", creatorRequestId)
        builder.member("attributes", attributes)
    }
}

extension DeregisterInstanceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("serviceId", serviceId)
        builder.member("instanceId", instanceId)
    }
}

extension GetOperationInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("operationId", operationId)
        builder.member("ownerAccount", ownerAccount)
    }
}

extension ListOperationsInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("nextToken", nextToken)
        builder.member("maxResults", maxResults)
        builder.member("filters", filters)
    }
}

extension CloudMap.OperationFilter: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("name", name)
        builder.member("values", values)
        builder.member("condition", condition)
    }
}

extension GetInstanceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("serviceId", serviceId)
        builder.member("instanceId", instanceId)
    }
}

extension ListInstancesInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("serviceId", serviceId)
        builder.member("nextToken", nextToken)
        builder.member("maxResults", maxResults)
    }
}

extension CreateHttpNamespaceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("name", name)
        builder.member("creatorRequestId", creatorRequestId)
        builder.member("description", description)
        builder.member("tags", tags)
    }
}

extension CloudMap.Tag: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("key", key)
        builder.member("value", value)
    }
}

extension GetNamespaceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("id", id)
    }
}

extension CreateServiceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("name", name)
        builder.member("namespaceId", namespaceId)
        builder.member("creatorRequestId", creatorRequestId)
        builder.member("description", description)
        builder.member("dnsConfig", dnsConfig)
        builder.member("healthCheckConfig", healthCheckConfig)
        builder.member("healthCheckCustomConfig", healthCheckCustomConfig)
        builder.member("tags", tags)
        builder.member("type", type)
    }
}

extension CloudMap.DnsConfig: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("namespaceId", namespaceId)
        builder.member("routingPolicy", routingPolicy)
        builder.member("dnsRecords", dnsRecords)
    }
}

extension CloudMap.DnsRecord: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("type", type)
        builder.member("ttl", ttl)
    }
}

extension CloudMap.HealthCheckConfig: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("type", type)
        builder.member("resourcePath", resourcePath)
        builder.member("failureThreshold", failureThreshold)
    }
}

extension CloudMap.HealthCheckCustomConfig: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("failureThreshold", failureThreshold)
    }
}

extension GetServiceInput: ParameterDigestible {
    func digestParameters(into builder: inout ParameterDigestBuilder) {
        builder.member("id", id)
    }
}
