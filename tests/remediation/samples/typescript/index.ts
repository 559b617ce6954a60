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

// A function that creates a resource: its arguments take Outputs.
function hook(name: string, url: pulumi.Input<string>): pulumiservice.Webhook {
    return new pulumiservice.Webhook(name, {
        organizationName: "acme",
        displayName: name,
        active: true,
        payloadUrl: url,
        secret: "@TOKEN@",
    }, { provider });
}
hook("audit", "https://audit.example.com/");

// The old token was @TOKEN@ (rotated).

export const requestHeaders = Object.keys(headers);
