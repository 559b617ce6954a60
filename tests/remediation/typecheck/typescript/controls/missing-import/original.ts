import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

export const client = new SecretsManagerClient({});
export const token = "pul-<redacted>";
