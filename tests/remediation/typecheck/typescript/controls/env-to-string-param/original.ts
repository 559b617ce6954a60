function login(token: string): string {
    return `token ${token}`;
}

export const header = login("pul-<redacted>");
