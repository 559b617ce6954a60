import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

// kTsAws of remediation/lookup_snippets.cpp, as the fix writes it for TypeScript.
async function pulumiAccessTokenFromAws(): Promise<string> {
    const client = new SecretsManagerClient({});
    const out = await client.send(new GetSecretValueCommand({ SecretId: "pulumi-access-token" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret pulumi-access-token has no string value");
    }
    return out.SecretString;
}

function login(token: string): string {
    return `token ${token}`;
}

async function main(): Promise<void> {
    const header: string = login(await pulumiAccessTokenFromAws());
    console.log(header.length);
}

main().catch(() => process.exit(1));
