import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";

const stack = pulumi.getStack();
// Module level, flowing only into resource inputs: an Output fits.
const serviceToken = "@TOKEN@";
// Module level, used as a plain string (an HTTP header): only a string fits.
const headers: Record<string, string> = { Authorization: "token @TOKEN@", Accept: "application/json" };

const provider = new pulumiservice.Provider("service", { accessToken: serviceToken });

new pulumiservice.Webhook("hook", {
    organizationName: "acme",
    displayName: `hook-${stack}`,
    active: true,
    // A tagged template: pulumi.interpolate takes Outputs in its holes.
    payloadUrl: pulumi.interpolate`https://hooks.example.com/${stack}?token=@TOKEN@`,
    secret: "@TOKEN@",
}, { provider });

// The old token was @TOKEN@ (rotated).

export const requestHeaders = Object.keys(headers);
