import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";
import vault = require("node-vault");

// kTsVault of remediation/lookup_snippets.cpp: node-vault's types use `export =`, so without
// esModuleInterop TypeScript takes it as import-equals.
async function pulumiAccessTokenFromVault(): Promise<string> {
    const client = vault({ apiVersion: "v1", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
    const secret = await client.read("secret/data/pulumi");
    return secret.data.data["api_key"];
}

const provider = new pulumiservice.Provider("service", { accessToken: pulumi.secret(pulumiAccessTokenFromVault()) });
export const urn: pulumi.Output<string> = provider.urn;
