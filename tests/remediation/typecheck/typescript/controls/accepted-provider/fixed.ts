import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

// kTsAws of remediation/lookup_snippets.cpp; at the top level of a CommonJS program the fix
// wraps the call in pulumi.secret(), which takes the Promise as an Input.
async function pulumiAccessTokenFromAws(): Promise<string> {
    const client = new SecretsManagerClient({});
    const out = await client.send(new GetSecretValueCommand({ SecretId: "pulumi-access-token" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret pulumi-access-token has no string value");
    }
    return out.SecretString;
}

const provider = new pulumiservice.Provider("service", { accessToken: pulumi.secret(pulumiAccessTokenFromAws()) });
export const urn: pulumi.Output<string> = provider.urn;
