import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

async function pulumiAccessTokenFromAws(): Promise<string> {
    const client = new SecretsManagerClient({});
    const out = await client.send(new GetSecretValueCommand({ SecretId: "pulumi-access-token" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret pulumi-access-token has no string value");
    }
    return out.SecretString;
}

export const helper = pulumiAccessTokenFromAws;
export const token = "pul-<redacted>";
