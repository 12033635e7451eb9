-- wrk script for issue 8's P2: VPC Lattice RegisterTargets (restJson1), one target per request. Targets cycle
-- through 1,000 addresses (the default quota of targets per group): the first round adds them, later rounds
-- register them again, which succeeds and changes nothing.
-- The target group id comes from the environment (TARGET_GROUP_ID), made by fixtures.py.
local group = os.getenv("TARGET_GROUP_ID")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
    counter = counter + 1
    local body = string.format('{"targets":[{"id":"10.0.%d.%d","port":80}]}',
        math.floor(counter / 256) % 4, counter % 250)
    return wrk.format(nil, "/targetgroups/" .. group .. "/registertargets", nil, body)
end
