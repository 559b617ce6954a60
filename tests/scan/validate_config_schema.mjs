// Checks the project config's JSON Schema (scan/pulumi-token-lsp.schema.json) with ajv:
//   node validate_config_schema.mjs SCHEMA
// 1. the schema itself is valid draft-07;
// 2. configs the tools accept without an error validate (the README's example among them);
// 3. configs the tools reject, or warn about (unknown keys), do not, each for the reason named.
// The loader's own behaviour on the same shapes is tested in tests/unit/project_config_test.cpp.
// Prints "ok ..." or "FAIL ..." lines and exits 1 on any failure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");

const [schemaPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
let failures = 0;
const check = (what, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures++;
};

const ajv = new Ajv({ allErrors: true, jsonPointers: true });
check("the schema is valid JSON Schema draft-07", ajv.validateSchema(schema), ajv.errorsText(ajv.errors));
const validate = ajv.compile(schema);

const fingerprint = "0123456789abcdef".repeat(4);
const good = {
  "an empty config": {},
  "the README's example": {
    $schema: "./scan/pulumi-token-lsp.schema.json",
    ignore: ["generated/**", "*.snap", "docs/examples/"],
    placeholders: "off",
    severity: "warning",
    allowlist: [{ fingerprint, reason: "test fixture, rotated 2026-11" }],
  },
  "every severity and placeholder policy": { severity: "information", placeholders: "hint" },
  "anchored, escaped and set patterns": { ignore: ["/build", "a/**/b", "\\!x", "key[0-9].pem", "x/", "**"] },
  "the schema's own examples": { ignore: schema.properties.ignore.items.examples },
};
for (const [name, config] of Object.entries(good)) {
  check(`valid: ${name}`, validate(config), validate.errors ? ajv.errorsText(validate.errors) : "");
}

// [name, config, the JSON pointer an error must name]
const bad = [
  ["not an object", [], ""],
  ["an unknown key (the tools warn; editors underline it)", { ignroe: ["a"] }, ""],
  ["ignore as a string", { ignore: "generated/**" }, "/ignore"],
  ["a pattern that is not a string", { ignore: ["a", 7] }, "/ignore/1"],
  ["an empty pattern", { ignore: [""] }, "/ignore/0"],
  ["a negated pattern", { ignore: ["!keep.txt"] }, "/ignore/0"],
  ["a pattern of only /", { ignore: ["/"] }, "/ignore/0"],
  ["an empty path segment", { ignore: ["a//b"] }, "/ignore/0"],
  ["a .. segment", { ignore: ["../x"] }, "/ignore/0"],
  ["a . segment", { ignore: ["a/./b"] }, "/ignore/0"],
  ["placeholders true", { placeholders: true }, "/placeholders"],
  ["an unknown severity", { severity: "fatal" }, "/severity"],
  ["allowlist as an object", { allowlist: {} }, "/allowlist"],
  ["an uppercase fingerprint", { allowlist: [{ fingerprint: fingerprint.toUpperCase(), reason: "r" }] },
    "/allowlist/0/fingerprint"],
  ["a short fingerprint", { allowlist: [{ fingerprint: "abc", reason: "r" }] }, "/allowlist/0/fingerprint"],
  ["a token-shaped value where a fingerprint belongs",
    { allowlist: [{ fingerprint: "pul" + "-" + "0".repeat(40), reason: "r" }] }, "/allowlist/0/fingerprint"],
  ["an entry without a reason", { allowlist: [{ fingerprint }] }, "/allowlist/0"],
  ["an empty reason", { allowlist: [{ fingerprint, reason: "" }] }, "/allowlist/0/reason"],
  ["an unknown key in an entry", { allowlist: [{ fingerprint, reason: "r", until: "2027" }] }, "/allowlist/0"],
  ["$schema as a number", { $schema: 3 }, "/$schema"],
];
for (const [name, config, pointer] of bad) {
  const valid = validate(config);
  const paths = (validate.errors ?? []).map((e) => e.dataPath);
  check(`invalid: ${name}`, !valid && paths.includes(pointer), `errors at ${JSON.stringify(paths)}`);
}

console.log(failures ? `${failures} schema checks failed` : "all schema checks passed");
process.exit(failures ? 1 : 0);
