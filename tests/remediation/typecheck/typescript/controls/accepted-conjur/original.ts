async function callApi(token: string): Promise<number> {
    const headers: Record<string, string> = { Authorization: `token ${token}` };
    const res = await fetch("https://api.pulumi.com/api/user", { headers });
    return res.status;
}

async function main(): Promise<void> {
    console.log(await callApi("pul-<redacted>"));
}

main().catch(() => process.exit(1));
