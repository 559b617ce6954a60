// Parses YAML from stdin with the `yaml` package (eemeli/yaml) of tests/remediation's npm
// dependencies, as the remediation checks do; prints the documents as a JSON array, or the
// parser's errors and exits 1. Exit 2 when the package is not installed
// (scripts/setup.d/20-remediation.sh installs it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let YAML;
try {
  YAML = createRequire(join(here, "..", "remediation", "package.json"))("yaml");
} catch (e) {
  console.error(`the yaml package is not installed (npm ci in tests/remediation): ${e.message}`);
  process.exit(2);
}
const docs = YAML.parseAllDocuments(readFileSync(0, "utf8"));
const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
if (errors.length > 0) {
  console.error(errors.join("\n"));
  process.exit(1);
}
process.stdout.write(JSON.stringify(docs.map((d) => d.toJS())));
