import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";
import vault from "node-vault";

// kTsVault of remediation/lookup_snippets.cpp as the fix writes it for an ES module (.mjs): Node
// gives a CommonJS package's module.exports as the default import.
async function pulumiAccessTokenFromVault() {
    const client = vault({ apiVersion: "v1", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
    const secret = await client.read("secret/data/pulumi");
    return secret.data.data["api_key"];
}

export const provider = new pulumiservice.Provider("service", { accessToken: pulumi.secret(pulumiAccessTokenFromVault()) });
export const stack = pulumi.getStack();
