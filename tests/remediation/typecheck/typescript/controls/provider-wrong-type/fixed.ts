import * as pulumiservice from "@pulumi/pulumiservice";

export const provider = new pulumiservice.Provider("service", { accessToken: process.env.PULUMI_ACCESS_TOKEN?.length });
