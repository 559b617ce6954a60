import * as pulumi from "@pulumi/pulumi";

async function headers(): Promise<Record<string, string>> {
    return { Authorization: new pulumi.Config().requireSecret("pulumiAccessToken") };
}

export const h = await headers();
export const stack = pulumi.getStack();
