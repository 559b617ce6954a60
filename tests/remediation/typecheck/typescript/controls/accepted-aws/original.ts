function login(token: string): string {
    return `token ${token}`;
}

async function main(): Promise<void> {
    const header: string = login("pul-<redacted>");
    console.log(header.length);
}

main().catch(() => process.exit(1));
