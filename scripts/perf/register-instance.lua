-- wrk script for issue 8's P2: Cloud Map RegisterInstance (awsJson1_1). Instance ids cycle through 1,000 (Cloud
-- Map's default quota of instances per service): the first round creates them, later rounds update them.
-- The service id comes from the environment (SERVICE_ID), made by fixtures.py.
local service = os.getenv("SERVICE_ID")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "Route53AutoNaming_v20170314.RegisterInstance"

request = function()
    counter = counter + 1
    local body = string.format(
        '{"ServiceId":"%s","InstanceId":"i-%d","CreatorRequestId":"c-%d","Attributes":' ..
        '{"AWS_INSTANCE_IPV4":"10.0.0.1","AWS_INSTANCE_PORT":"80"}}', service, counter % 1000, counter)
    return wrk.format(nil, "/", nil, body)
end
