import * as pulumi from "@pulumi/pulumi";

export const token = pulumi.secret("PULUMI_ACCESS_TOKEN", { additionalSecretOutputs: ["token"] });
