// Validates a `scan --format sarif` report as GitHub code scanning would take it:
//   node validate_sarif.mjs REPORT SRCROOT
// 1. the SARIF 2.1.0 schema (sarif-2.1.0-rtm.5.json from @microsoft/jest-sarif) with ajv;
// 2. GitHub's documented upload limits (runs, results per run, rules, tags, locations);
// 3. every primaryLocationLineHash equals the one GitHub's upload step would compute from the
//    file under SRCROOT (an independent implementation, below, of the rolling hash that
//    github/codeql-action describes in src/fingerprints.ts: first 100 UTF-16 units of each line,
//    spaces and tabs skipped, line endings as "\n", base 37, 64-bit wrap-around, ":<count>");
// 4. no token-shaped string anywhere in the report.
// Prints "ok ..." or "FAIL ..." lines and exits 1 on any failure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

const [reportPath, srcRoot] = process.argv.slice(2);
const text = readFileSync(reportPath, "utf8");
const sarif = JSON.parse(text);
let failures = 0;
const check = (what, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures++;
};

// The SARIF schema is JSON Schema draft-04, which ajv 6 reads once its meta-schema is added.
const ajv = new Ajv({ allErrors: true, schemaId: "auto", jsonPointers: true });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
const valid = ajv.validate(schema, sarif);
check("the report validates against the SARIF 2.1.0 schema", valid, valid ? "" : ajv.errorsText(ajv.errors));

// GitHub's limits for SARIF uploads (docs: "SARIF support for code scanning", upload limits).
const runs = sarif.runs ?? [];
check("at most 20 runs", runs.length <= 20, `${runs.length}`);
for (const run of runs) {
  const rules = run.tool?.driver?.rules ?? [];
  check("at most 25,000 results in a run", (run.results ?? []).length <= 25000);
  check("at most 25,000 rules in a run", rules.length <= 25000);
  check("at most 20 tags per rule", rules.every((r) => (r.properties?.tags ?? []).length <= 20));
  check("at most 1,000 locations per result", (run.results ?? []).every((r) => (r.locations ?? []).length <= 1000));
  check("every result names a rule of the driver", (run.results ?? []).every((r) => rules[r.ruleIndex]?.id === r.ruleId));
}

// The upload step's line hash, computed independently from the description in its source.
function lineHashes(content) {
  const BLOCK = 100n, MASK = (1n << 64n) - 1n, BASE = 37n;
  let firstMod = 1n;
  for (let i = 0n; i < BLOCK; i++) firstMod = (firstMod * BASE) & MASK;
  const windowValues = new Array(100).fill(0n), starts = new Array(100).fill(-1);
  const hashes = new Map(), counts = new Map();
  let h = 0n, slot = 0, line = 0, atLineStart = true, afterCr = false;
  const emit = () => {
    const hex = h.toString(16);
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
    hashes.set(starts[slot], `${hex}:${counts.get(hex)}`);
    starts[slot] = -1;
  };
  const push = (v) => {
    const out = windowValues[slot];
    windowValues[slot] = BigInt(v);
    h = (BASE * h + BigInt(v) - firstMod * out) & MASK;
    slot = (slot + 1) % 100;
  };
  const feed = (c) => {
    if (c === 32 || c === 9 || (afterCr && c === 10)) {
      afterCr = false;
      return;
    }
    afterCr = c === 13;
    if (c === 13) c = 10;
    if (starts[slot] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      starts[slot] = ++line;
    }
    if (c === 10) atLineStart = true;
    push(c);
  };
  for (let i = 0; i < content.length; i++) feed(content.charCodeAt(i));
  feed(65535);
  for (let i = 0; i < 100; i++) {
    if (starts[slot] !== -1) emit();
    push(0);
  }
  return hashes;
}

for (const run of runs) {
  for (const r of run.results ?? []) {
    const loc = r.locations[0].physicalLocation;
    const file = join(srcRoot, decodeURIComponent(loc.artifactLocation.uri));
    const want = lineHashes(readFileSync(file, "utf8")).get(loc.region.startLine);
    check(`primaryLocationLineHash of ${loc.artifactLocation.uri}:${loc.region.startLine} is GitHub's`,
      r.partialFingerprints?.primaryLocationLineHash === want, `${r.partialFingerprints?.primaryLocationLineHash} vs ${want}`);
  }
}

check("no token-shaped string in the report", !/pul-[0-9a-f]{40}/.test(text));
console.log(`sarif: ${failures === 0 ? "valid" : `${failures} failure(s)`}`);
process.exit(failures === 0 ? 0 : 1);
