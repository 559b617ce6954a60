import * as pulumi from "@pulumi/pulumi";

const headers: Record<string, string> = { Authorization: "token pul-<redacted>" };
export const user = fetch(`https://api.pulumi.com/api/user?stack=${pulumi.getStack()}`, { headers });
