import { LocalWorkspace } from "@pulumi/pulumi/automation";

// An Automation API program: no stack config, and Outputs mean nothing here.
async function main(): Promise<void> {
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: "dev", workDir: "." },
        { envVars: { PULUMI_ACCESS_TOKEN: "@TOKEN@" } },
    );
    await stack.up({ onOutput: console.log });
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
