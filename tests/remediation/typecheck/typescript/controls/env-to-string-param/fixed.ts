function login(token: string): string {
    return `token ${token}`;
}

export const header = login(process.env.PULUMI_ACCESS_TOKEN);
