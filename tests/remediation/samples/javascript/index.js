"use strict";
const pulumi = require("@pulumi/pulumi");
const pulumiservice = require("@pulumi/pulumiservice");

const stack = pulumi.getStack();
const provider = new pulumiservice.Provider("service", { accessToken: "@TOKEN@" });

new pulumiservice.Webhook("hook", {
    organizationName: "acme",
    displayName: `hook-${stack}`,
    active: true,
    payloadUrl: pulumi.interpolate`https://hooks.example.com/${stack}?token=@TOKEN@`,
}, { provider });

/** @type {Record<string, string>} */
const headers = { Authorization: "token @TOKEN@" };

// A class with a static and an instance field: plain strings.
class Api {
    static defaultToken = "@TOKEN@";
    token = "@TOKEN@";

    async whoAmI() {
        const response = await fetch("https://api.pulumi.com/api/user", {
            headers: { Authorization: `token ${this.token || Api.defaultToken}` },
        });
        return response.json();
    }
}

/* The previous token, @TOKEN@, was rotated. */
module.exports = { headers: Object.keys(headers), Api };
