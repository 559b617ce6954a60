// kTsConjur of remediation/lookup_snippets.cpp (REST with the fetch of Node 18+).
async function pulumiAccessTokenFromConjur(): Promise<string> {
    const url = process.env.CONJUR_APPLIANCE_URL;
    const account = encodeURIComponent(process.env.CONJUR_ACCOUNT ?? "");
    const login = encodeURIComponent(process.env.CONJUR_AUTHN_LOGIN ?? "");
    const auth = await fetch(`${url}/authn/${account}/${login}/authenticate`, {
        method: "POST",
        headers: { "Accept-Encoding": "base64" },
        body: process.env.CONJUR_AUTHN_API_KEY,
    });
    if (!auth.ok) {
        throw new Error(`Conjur authentication failed: ${auth.status}`);
    }
    const token = await auth.text();
    const id = encodeURIComponent("pulumi/access-token");
    const secret = await fetch(`${url}/secrets/${account}/variable/${id}`, {
        headers: { Authorization: `Token token="${token}"` },
    });
    if (!secret.ok) {
        throw new Error(`Conjur secret lookup failed: ${secret.status}`);
    }
    return await secret.text();
}

async function callApi(token: string): Promise<number> {
    const headers: Record<string, string> = { Authorization: `token ${token}` };
    const res = await fetch("https://api.pulumi.com/api/user", { headers });
    return res.status;
}

async function main(): Promise<void> {
    console.log(await callApi(await pulumiAccessTokenFromConjur()));
}

main().catch(() => process.exit(1));
