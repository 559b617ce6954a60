#!/usr/bin/env python3
"""A Pulumi program that manages the organisation's webhook."""
from __future__ import annotations

import json
import urllib.request

import pulumi
import pulumi_pulumiservice as pulumiservice

# Module level, flowing only into a resource input: an Output fits.
SERVICE_TOKEN = "@TOKEN@"
backend_url = f"https://api.pulumi.com/{pulumi.get_stack()}?token=@TOKEN@"
legacy = 'Bearer ' "@TOKEN@"


def tags(stack: str) -> dict[str, str]:
    """A plain function: a str is required."""
    return {"stack": stack, "auth": r'@TOKEN@'}


class Backend:
    default_token = "@TOKEN@"

    def __init__(self) -> None:
        self.token = "@TOKEN@"

    def request(self) -> urllib.request.Request:
        return urllib.request.Request(backend_url, headers={"Authorization": "token " + self.token})


def make_provider(name: str) -> pulumiservice.Provider:
    """A function that creates a resource: its arguments take Outputs."""
    return pulumiservice.Provider(name, access_token="@TOKEN@")


provider = pulumiservice.Provider("service", access_token=SERVICE_TOKEN)
extra = make_provider("extra")
other = pulumiservice.Provider("other", access_token="@TOKEN@")
# The previous token, @TOKEN@, was rotated.
pulumi.export("config", json.dumps({"url": backend_url, "legacy": legacy, "tags": tags(pulumi.get_stack())}))
