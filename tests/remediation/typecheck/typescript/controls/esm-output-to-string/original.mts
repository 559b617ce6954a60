import * as pulumi from "@pulumi/pulumi";

async function headers(): Promise<Record<string, string>> {
    return { Authorization: "token pul-<redacted>" };
}

export const h = await headers();
export const stack = pulumi.getStack();
