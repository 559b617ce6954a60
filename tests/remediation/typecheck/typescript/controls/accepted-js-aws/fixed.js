"use strict";
const { LocalWorkspace } = require("@pulumi/pulumi/automation");
const { GetSecretValueCommand, SecretsManagerClient } = require("@aws-sdk/client-secrets-manager");

// kTsAws of remediation/lookup_snippets.cpp, as the fix writes it for JavaScript.
async function pulumiAccessTokenFromAws() {
    const client = new SecretsManagerClient({});
    const out = await client.send(new GetSecretValueCommand({ SecretId: "pulumi-access-token" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret pulumi-access-token has no string value");
    }
    return out.SecretString;
}

async function main() {
    const stack = await LocalWorkspace.selectStack(
        { stackName: "dev", workDir: __dirname },
        { envVars: { PULUMI_ACCESS_TOKEN: await pulumiAccessTokenFromAws() } },
    );
    await stack.up({ onOutput: console.log });
}

main().catch(() => process.exit(1));
