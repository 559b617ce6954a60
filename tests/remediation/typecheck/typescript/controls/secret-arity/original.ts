import * as pulumi from "@pulumi/pulumi";

export const token = pulumi.secret("pul-<redacted>");
