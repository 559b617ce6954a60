// Checks Pulumi YAML programs (Pulumi.yaml with `runtime: yaml`) as the Pulumi YAML engine
// would load them, for the rules a fix can break, and reports the errors a fix introduced.
//
//   node check.mjs [--expect-failures] MANIFEST...
//
// A manifest line is "<lang>\t<original>\t<fixed>\t<display>[\t<expected>]" (relative paths from
// the manifest's folder); only lines whose <lang> is `pulumi-yaml` are read. The rules, from
// the Pulumi YAML specification (pulumi/pulumi-yaml, docs/ and pkg/pulumiyaml/ast):
//   yaml      the file is one YAML document that the `yaml` package parses without error;
//   top       the top level is a mapping, and `config`, `variables`, `resources`, `outputs`
//             are mappings when present;
//   indent    the entries of `config` sit at the same column as the entries of the other
//             top-level sections (the file's own indentation);
//   config    each config entry is a scalar (a default) or a mapping whose keys are among
//             type, default, secret, description, items, name; `type` is a known type;
//             `secret` a boolean; a `default` holds no `${...}`, which Pulumi YAML does not
//             resolve there;
//   ref       every `${name}` or `${name.path}` in variables, resources and outputs names a
//             config key, a variable, a resource or the `pulumi` built-in.
// An error's key is its rule and message (no positions), so the comparison with the original
// counts only what the fix introduced.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";

import { introducedErrors, readManifests } from "../manifest.mjs";

const require = createRequire(resolve(dirname(new URL(import.meta.url).pathname), "../../package.json"));
const YAML = require("yaml");

const CONFIG_KEYS = new Set(["type", "default", "secret", "description", "items", "name", "value"]);
const TYPES = /^(String|Integer|Boolean|Number|List<.+>|string|integer|boolean|number|List\(.+\))$/;

function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}:${offset - before.lastIndexOf("\n")}`;
}

// The errors of one file: [{key, where}].
export function check(text) {
  const errors = [];
  const add = (rule, message, offset) => errors.push({ key: `${rule}: ${message}`, where: offset === undefined ? "" : position(text, offset) });
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true });
  if (docs.length !== 1) {
    add("yaml", `expected one document, found ${docs.length}`);
    return errors;
  }
  const doc = docs[0];
  for (const e of doc.errors) add("yaml", e.message.split("\n")[0], e.pos?.[0]);
  if (doc.errors.length) return errors;
  const top = doc.contents;
  if (!YAML.isMap(top)) {
    add("top", "the program is not a mapping");
    return errors;
  }
  const section = (name) => top.items.find((p) => YAML.isScalar(p.key) && p.key.value === name);
  const names = new Set(["pulumi"]);
  const columns = new Map();
  for (const name of ["config", "variables", "resources", "outputs"]) {
    const pair = section(name);
    if (!pair || pair.value === null) continue;
    if (!YAML.isMap(pair.value)) {
      add("top", `${name} is not a mapping`, pair.key.range?.[0]);
      continue;
    }
    for (const item of pair.value.items) {
      const key = YAML.isScalar(item.key) ? String(item.key.value) : "";
      if (name !== "outputs") names.add(key);
      const start = item.key?.range?.[0];
      if (start !== undefined) columns.set(name, start - text.lastIndexOf("\n", start - 1) - 1);
    }
  }
  const config = section("config");
  if (config && columns.has("config")) {
    const others = ["variables", "resources", "outputs"].filter((n) => columns.has(n)).map((n) => columns.get(n));
    if (others.length && !others.includes(columns.get("config"))) {
      add("indent", `config entries at column ${columns.get("config")}, the file's other sections at ${others[0]}`,
        config.key.range[0]);
    }
  }
  if (config && YAML.isMap(config.value)) {
    for (const item of config.value.items) {
      const key = String(item.key?.value);
      const v = item.value;
      if (!YAML.isMap(v)) continue;
      for (const p of v.items) {
        const k = String(p.key?.value);
        if (!CONFIG_KEYS.has(k)) add("config", `${key}: unknown field ${k}`, p.key.range?.[0]);
        if (k === "type" && !(YAML.isScalar(p.value) && TYPES.test(String(p.value.value)))) {
          add("config", `${key}: unknown type`, p.value?.range?.[0]);
        }
        if (k === "secret" && !(YAML.isScalar(p.value) && typeof p.value.value === "boolean")) {
          add("config", `${key}: secret is not a boolean`, p.value?.range?.[0]);
        }
        if (k === "default" && /\$\{/.test(YAML.stringify(p.value))) {
          add("config", `${key}: default holds an interpolation, which is not resolved`, p.value?.range?.[0]);
        }
      }
    }
  }
  for (const name of ["variables", "resources", "outputs"]) {
    const pair = section(name);
    if (!pair) continue;
    YAML.visit(pair.value, {
      Scalar(_, node) {
        if (typeof node.value !== "string") return;
        for (const m of node.value.matchAll(/\$\{([^}]*)\}/g)) {
          const root = m[1].trim().split(/[.[]/)[0];
          if (!names.has(root)) add("ref", `\${${m[1]}} names no config key, variable or resource`, node.range?.[0]);
        }
      },
    });
  }
  return errors;
}

function main(argv) {
  const die = (message) => {
    process.stderr.write(`typecheck pulumi-yaml: ${message}\n`);
    process.exit(2);
  };
  const { expectFailures, entries } = readManifests(argv, new Set(["pulumi-yaml"]), die);
  let failed = 0;
  for (const { original, fixed, display, expect } of entries) {
    const errors = introducedErrors(check(readFileSync(original, "utf8")), check(readFileSync(fixed, "utf8")));
    const shown = (e) => `${e.where ? e.where + " " : ""}${e.key}`;
    if (expectFailures) {
      const hit = errors.find((e) => !expect || e.key.includes(expect));
      if (hit) console.log(`ok rejected ${display}: ${shown(hit)}`);
      else {
        failed++;
        console.log(`FAIL accepted ${display}${expect ? ` (expected: ${expect})` : ""}`);
      }
    } else if (errors.length) {
      failed++;
      console.log(`FAIL ${display}: ${shown(errors[0])}`);
      for (const e of errors.slice(1, 4)) console.log(`    ${shown(e)}`);
    }
  }
  console.log(`typecheck pulumi-yaml: ${entries.length} checked, ${failed} failed`);
  return failed > 0 || entries.length === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exit(main(process.argv.slice(2)));
}
