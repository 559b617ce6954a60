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
module.exports = { headers: Object.keys(headers) };
