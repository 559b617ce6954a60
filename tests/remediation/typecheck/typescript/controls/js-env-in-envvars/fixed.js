"use strict";
const { LocalWorkspace } = require("@pulumi/pulumi/automation");

async function main() {
    const stack = await LocalWorkspace.selectStack(
        { stackName: "dev", workDir: __dirname },
        { envVars: { PULUMI_ACCESS_TOKEN: process.env.PULUMI_ACCESS_TOKEN } },
    );
    await stack.up({ onOutput: console.log });
}

main().catch(() => process.exit(1));
