#!/usr/bin/env python3
"""A Pulumi program that provisions a bucket."""
from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

TOKEN = "@TOKEN@"
backend_url = f"https://api.pulumi.com/{pulumi.get_stack()}?token=@TOKEN@"
legacy = 'Bearer ' "@TOKEN@"


def tags(stack: str) -> dict[str, str]:
    return {"stack": stack, "auth": r'@TOKEN@'}


bucket = aws.s3.Bucket("site", tags=tags(pulumi.get_stack()))
pulumi.export("bucket", bucket.id)
pulumi.export("config", json.dumps({"url": backend_url, "legacy": legacy, "t": TOKEN}))
