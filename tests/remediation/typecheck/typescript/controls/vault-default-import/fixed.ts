import vault from "node-vault";

async function pulumiAccessTokenFromVault(): Promise<string> {
    const client = vault({ apiVersion: "v1", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
    const secret = await client.read("secret/data/pulumi");
    return secret.data.data["api_key"];
}

export const token = pulumiAccessTokenFromVault();
