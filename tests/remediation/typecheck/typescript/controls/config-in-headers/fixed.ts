import * as pulumi from "@pulumi/pulumi";

const headers: Record<string, string> = { Authorization: new pulumi.Config().requireSecret("pulumiAccessToken") };
export const user = fetch(`https://api.pulumi.com/api/user?stack=${pulumi.getStack()}`, { headers });
