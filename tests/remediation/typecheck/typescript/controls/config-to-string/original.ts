import * as pulumi from "@pulumi/pulumi";

const token: string = "pul-<redacted>";
export const length = token.length + pulumi.getStack().length;
