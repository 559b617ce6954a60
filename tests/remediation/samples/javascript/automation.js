"use strict";
const { LocalWorkspace } = require("@pulumi/pulumi/automation");

// Runs `pulumi up` for the dev stack.
async function main() {
    const stack = await LocalWorkspace.selectStack(
        { stackName: "dev", workDir: __dirname },
        { envVars: { PULUMI_ACCESS_TOKEN: '@TOKEN@' } },
    );
    const url = "https://api.pulumi.com?access=" + "@TOKEN@";
    console.log(url.length);
    await stack.up({ onOutput: console.log });
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
