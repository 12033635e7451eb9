#!/usr/bin/env python3
"""Creates what the P2 load needs on an endpoint (bench serve or moto_server) and prints their ids as JSON.

usage: fixtures.py http://127.0.0.1:PORT
Prints {"serviceId": ..., "targetGroupId": ...}: a Cloud Map service (in a new HTTP namespace) for
RegisterInstance, and a VPC Lattice IP target group for RegisterTargets.
"""
import json
import sys
import time

import boto3

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="bench", aws_secret_access_key="bench-placeholder-secret",
                                region_name="us-east-1")
cloudmap = session.client("servicediscovery", endpoint_url=endpoint)
lattice = session.client("vpc-lattice", endpoint_url=endpoint)

suffix = time.time_ns() % 10**9  # unique names: the script may run twice against one server
operation = cloudmap.create_http_namespace(Name=f"perf{suffix}.local")["OperationId"]
for _ in range(100):  # bench serve completes operations after --operation-delay-ms; moto at once
    state = cloudmap.get_operation(OperationId=operation)["Operation"]
    if state["Status"] == "SUCCESS":
        break
    time.sleep(0.05)
namespace = state["Targets"]["NAMESPACE"]
service = cloudmap.create_service(Name="perf", NamespaceId=namespace)["Service"]["Id"]
group = lattice.create_target_group(name=f"perf-{suffix}", type="IP",
                                    config={"port": 80, "protocol": "HTTP", "vpcIdentifier": "vpc-0123456789abcdef0"})
print(json.dumps({"serviceId": service, "targetGroupId": group["id"]}))
