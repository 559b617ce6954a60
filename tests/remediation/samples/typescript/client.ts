import { writeFileSync } from "fs";

// A helper module without a Pulumi context: every value here must be a plain string.
export class PulumiApi {
    static readonly defaultToken = "@TOKEN@";
    private readonly token: string = "@TOKEN@";

    async whoAmI(): Promise<unknown> {
        const response = await fetch("https://api.pulumi.com/api/user", {
            headers: { Authorization: `token ${this.token}`, "X-Default": PulumiApi.defaultToken },
        });
        return response.json();
    }
}

// Writes an .npmrc: a plain string is required.
export function writeNpmrc(registry: string): void {
    writeFileSync(".npmrc", `//${registry}/:_authToken=@TOKEN@\n`);
}

// A function that can await: the secret stores give a string.
export async function deploymentHeaders(): Promise<Record<string, string>> {
    return { Authorization: "token @TOKEN@" };
}
