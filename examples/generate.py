#!/usr/bin/env python3
"""Writes the bundled example projects into a folder, with Pulumi-token-shaped strings made here.

The repository holds no token-shaped literal (see README, "Secrets"); every example token is
derived from a fixed seed at run time, so the output is the same on every machine. The tokens
are random-looking but were never issued by Pulumi.

Usage: examples/generate.py OUT_DIR
"""
import hashlib
import os
import sys

PREFIX = "pul" + "-"


def token(name: str) -> str:
    return PREFIX + hashlib.sha1(("pulumi-token-lsp example " + name).encode()).hexdigest()


def placeholder() -> str:
    return PREFIX + "0" * 40


FILES = {
    "typescript/index.ts": lambda: f'''import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

// Deploys the static site bucket. The automation token below was pasted during a demo.
const automationToken = "{token("ts")}";

const bucket = new aws.s3.Bucket("site", {{
    website: {{ indexDocument: "index.html" }},
    tags: {{ owner: "platform-team" }},
}});

export const bucketName = bucket.id;
export const apiUrl = `https://api.pulumi.com/api/user?access_token={token("ts-url")}`;
''',
    "python/__main__.py": lambda: f'''"""A Pulumi program that creates a storage bucket."""
import pulumi
from pulumi_aws import s3

PULUMI_TOKEN = "{token("py")}"

bucket = s3.Bucket("data", acl="private")
pulumi.export("bucket_name", bucket.id)
''',
    "go/main.go": lambda: f'''package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {{
	token := "{token("go")}"
	pulumi.Run(func(ctx *pulumi.Context) error {{
		ctx.Export("tokenLength", pulumi.Int(len(token)))
		fmt.Println("deployed")
		return nil
	}})
}}
''',
    "csharp/Program.cs": lambda: f'''using System.Collections.Generic;
using Pulumi;

return await Deployment.RunAsync(() =>
{{
    var token = "{token("cs")}";
    return new Dictionary<string, object?> {{ ["region"] = "eu-west-1" }};
}});
''',
    "java/App.java": lambda: f'''package myproject;

import com.pulumi.Pulumi;

public class App {{
    private static final String TOKEN = "{token("java")}";

    public static void main(String[] args) {{
        Pulumi.run(ctx -> ctx.export("greeting", com.pulumi.core.Output.of("hello")));
    }}
}}
''',
    "yaml/Pulumi.yaml": lambda: f'''name: static-site
runtime: yaml
description: A static website on S3
variables:
  automationToken: {token("yaml")}
resources:
  site:
    type: aws:s3:Bucket
outputs:
  bucketName: ${{site.id}}
''',
    "yaml/Pulumi.dev.yaml": lambda: f'''config:
  aws:region: eu-west-1
  static-site:deployToken: {token("stack")}
''',
    "shell/deploy.sh": lambda: f'''#!/usr/bin/env bash
set -euo pipefail
export PULUMI_ACCESS_TOKEN={token("sh")}
pulumi login
pulumi up --yes --stack dev
cat > .pulumi-creds <<EOF
{token("heredoc")}
EOF
''',
    "env/.env": lambda: f'''AWS_REGION=eu-west-1
PULUMI_ACCESS_TOKEN={token("dotenv")}
''',
    "ci/.github/workflows/deploy.yml": lambda: f'''name: deploy
on: [push]
jobs:
  up:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: pulumi/actions@v5
        with:
          command: up
          stack-name: dev
        env:
          PULUMI_ACCESS_TOKEN: {token("actions")}
''',
    "docs/README.md": lambda: f'''# Runbook

| Stack | Token |
|-------|-------|
| dev   | `{token("md")}` |
| docs  | `{placeholder()}` |

A near miss that is not a token: `{PREFIX + "ab" * 19 + "a"}`.
''',
    "json/settings.json": lambda: f'''{{
  "backend": "https://api.pulumi.com",
  "note": "line one\\n{token("json")}\\nline two"
}}
''',
}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    for rel, make in FILES.items():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(make())
    print(f"wrote {len(FILES)} example files under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
