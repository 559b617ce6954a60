import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";

const provider = new pulumiservice.Provider("service", { accessToken: "pul-<redacted>" });
export const urn: pulumi.Output<string> = provider.urn;
