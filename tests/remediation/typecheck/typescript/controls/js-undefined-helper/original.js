"use strict";

async function main() {
    const url = "https://api.pulumi.com?access=" + "pul-<redacted>";
    console.log(url.length);
}

main().catch(() => process.exit(1));
