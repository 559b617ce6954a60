import * as pulumi from "@pulumi/pulumi";

const token: string = new pulumi.Config().requireSecret("pulumiAccessToken");
export const length = token.length + pulumi.getStack().length;
