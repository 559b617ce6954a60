import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

export const client = new SecretsManagerClient({});

async function pulumiAccessTokenFromAws(): Promise<string> {
    const out = await client.send(new GetSecretValueCommand({ SecretId: "pulumi-access-token" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret pulumi-access-token has no string value");
    }
    return out.SecretString;
}

export const token = pulumiAccessTokenFromAws();
