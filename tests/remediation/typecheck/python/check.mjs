#!/usr/bin/env node
// Type-checks Python and Jupyter-notebook fix outputs with pyright against the stubs in ./stubs.
// Usage: node check.mjs [--expect-failures] MANIFEST...
// Manifest lines: <lang>\t<original>\t<fixed>\t<display>[\t<expected substring>]; only the
// `python` and `notebook` lines are checked. One pyright process checks every file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { introducedErrors, readManifests } from "../manifest.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STUBS = path.join(HERE, "stubs");
const PYRIGHT = path.resolve(HERE, "..", "..", "node_modules", ".bin", "pyright");
const LANGS = new Set(["python", "notebook"]);

let work = null; // temporary directory, removed on every exit path

function die(msg) {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write(`typecheck python: ${msg}\n`);
  process.exit(2);
}

// ---- arguments and manifests ---------------------------------------------------
const { expectFailures, entries } = readManifests(process.argv.slice(2), LANGS, die);

// ---- lay out the files ---------------------------------------------------------
// Each source file gets its own folder (two samples may share a name such as __main__.py).
// A notebook becomes one .py file: its code cells concatenated, IPython magics and shell
// escapes blanked so that line numbers stay; `lines` maps a .py line back to cell:line.
work = fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-python-"));
const units = new Map(); // source path -> unit

function notebookToPython(text) {
  let nb;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    return { error: `notebook JSON does not parse: ${e.message}` };
  }
  if (!nb || !Array.isArray(nb.cells)) return { error: "notebook JSON has no cells array" };
  const out = [];
  const lines = [];
  let cellNo = 0;
  for (const cell of nb.cells) {
    if (!cell || cell.cell_type !== "code") continue;
    cellNo += 1;
    const src = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
    const cellLines = src.split(/\r?\n/);
    const cellMagic = /^\s*%%/.test(cellLines[0] ?? "");
    cellLines.forEach((l, i) => {
      const blank = cellMagic || /^\s*[%!]/.test(l);
      out.push(blank ? "" : l);
      lines.push(`cell ${cellNo} line ${i + 1}`);
    });
  }
  return { text: out.join("\n") + "\n", lines };
}

function layout(source, lang) {
  if (units.has(source)) return units.get(source);
  const dir = path.join(work, `f${units.size}`);
  fs.mkdirSync(dir);
  const unit = { source, dir, pyPath: null, lines: null, synthetic: [] };
  let text;
  try {
    text = fs.readFileSync(source, "utf8");
  } catch (e) {
    unit.synthetic.push({ key: "read-error", message: `cannot read file: ${e.message}`, where: "" });
    units.set(source, unit);
    return unit;
  }
  let name = path.basename(source);
  if (lang === "notebook") {
    const nb = notebookToPython(text);
    if (nb.error) {
      unit.synthetic.push({ key: `ipynb-json\t${nb.error.replace(/ at position \d+.*$/, "")}`, message: nb.error, where: "" });
      units.set(source, unit);
      return unit;
    }
    text = nb.text;
    unit.lines = nb.lines;
    name = name.replace(/\.ipynb$/i, "") + ".py";
  } else if (!name.endsWith(".py")) {
    name += ".py";
  }
  unit.pyPath = path.join(dir, name);
  fs.writeFileSync(unit.pyPath, text);
  units.set(source, unit);
  return unit;
}

for (const e of entries) {
  e.o = layout(e.original, e.lang);
  e.f = layout(e.fixed, e.lang);
}

// ---- run pyright once ----------------------------------------------------------
const diagnostics = new Map(); // pyPath -> [{key, message, line, col}]
const pyFiles = [...units.values()].filter((u) => u.pyPath).map((u) => u.pyPath);
if (pyFiles.length > 0) {
  if (!fs.existsSync(PYRIGHT)) die(`pyright not found at ${PYRIGHT} (npm install in tests/remediation)`);
  // An empty virtual environment: only typeshed and our stubs resolve, never whatever the
  // machine's Python happens to have installed.
  const venv = path.join(work, ".venv");
  fs.mkdirSync(path.join(venv, "lib", "python3.11", "site-packages"), { recursive: true });
  const config = {
    include: [...new Set(pyFiles.map((p) => path.relative(work, path.dirname(p))))],
    typeCheckingMode: "basic",
    pythonVersion: "3.11",
    stubPath: STUBS,
    venvPath: work,
    venv: ".venv",
    reportMissingModuleSource: "none",
    reportMissingImports: "error",
  };
  fs.writeFileSync(path.join(work, "pyrightconfig.json"), JSON.stringify(config, null, 2));
  const run = spawnSync(PYRIGHT, ["--outputjson", "--project", path.join(work, "pyrightconfig.json")], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) die(`cannot run pyright: ${run.error.message}`);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    die(`pyright crashed (exit ${run.status}): ${(run.stderr || run.stdout).slice(0, 2000)}`);
  }
  if (run.status !== 0 && run.status !== 1) die(`pyright failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  for (const d of report.generalDiagnostics ?? []) {
    if (d.severity !== "error") continue;
    const file = path.resolve(d.file);
    const name = path.basename(file);
    // Normalized key: rule + message without paths, file names or line numbers.
    const message = d.message
      .split(work).join("<tmp>")
      .split(STUBS).join("<stubs>")
      .split(name).join("<file>")
      .replace(/\bline \d+/g, "line N");
    const key = `${d.rule ?? "error"}\t${message}`;
    if (!diagnostics.has(file)) diagnostics.set(file, []);
    diagnostics.get(file).push({
      key,
      message: d.rule ? `${d.message} (${d.rule})` : d.message,
      line: d.range.start.line,
      col: d.range.start.character,
    });
  }
}

function errorsOf(unit) {
  const list = unit.synthetic.map((s) => ({ key: s.key, message: s.message, where: s.where }));
  for (const d of unit.pyPath ? diagnostics.get(path.resolve(unit.pyPath)) ?? [] : []) {
    const where = unit.lines ? `${unit.lines[d.line] ?? `line ${d.line + 1}`}:${d.col + 1}` : `${d.line + 1}:${d.col + 1}`;
    list.push({ key: d.key, message: d.message, where });
  }
  return list;
}

function introduced(e) {
  return introducedErrors(errorsOf(e.o), errorsOf(e.f));
}

const show = (d) => `${d.where ? d.where + ": " : ""}${d.message.replace(/\s*\n\s*/g, " ")}`;

// ---- report --------------------------------------------------------------------
let failed = 0;
for (const e of entries) {
  const errs = introduced(e);
  if (expectFailures) {
    const hit = e.expect ? errs.find((d) => d.message.includes(e.expect)) : errs[0];
    if (hit) {
      console.log(`ok rejected ${e.display}: ${show(hit)}`);
    } else {
      failed += 1;
      console.log(`FAIL accepted ${e.display}`);
      if (e.expect && errs.length) console.log(`    (rejected, but no error contains "${e.expect}": ${show(errs[0])})`);
    }
  } else if (errs.length) {
    failed += 1;
    console.log(`FAIL ${e.display}: ${show(errs[0])}`);
    for (const d of errs.slice(1, 4)) console.log(`    ${show(d)}`);
  }
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`typecheck python: ${entries.length} checked, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
