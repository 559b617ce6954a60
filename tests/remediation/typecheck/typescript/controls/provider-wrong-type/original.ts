import * as pulumiservice from "@pulumi/pulumiservice";

export const provider = new pulumiservice.Provider("service", { accessToken: "pul-<redacted>" });
