#!/usr/bin/env node
// Type-checks C# remediation outputs with Mono's C# compiler (mcs 6.8, C# 7.2)
// against stub assemblies that mirror the real SDKs (see README.md).
//
//   node tests/remediation/typecheck/csharp/check.mjs [--expect-failures] MANIFEST...
//
// A manifest line is `<lang>\t<original>\t<fixed>\t<display>[\t<expected substring>]`;
// only `csharp` lines are checked. For each line the original and the fixed file
// are compiled as libraries, and the errors of the fixed file that the original
// does not have (a multiset of "code + message", without file names or positions)
// are the errors the fix introduced. Warnings never count.
//
// All compilations run inside at most two mono processes (driver.cs calls mcs.exe
// as a library, one job after another), so a few hundred files take seconds.

import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { introducedErrors, readManifests } from "../manifest.mjs";

const LANG = "csharp";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const STUB_DIR = path.join(HERE, "stubs");
const DRIVER_SRC = path.join(HERE, "driver.cs");
const PARALLEL = 2;

// mcs error codes that mean "this is not C# 7.2 syntax" (the parser gave up):
// an ORIGINAL with one of these is skipped, not checked.
const SYNTAX_CODES = new Set([
  "CS0116", "CS1001", "CS1002", "CS1003", "CS1009", "CS1010", "CS1012", "CS1022", "CS1026",
  "CS1031", "CS1040", "CS1041", "CS1056", "CS1513", "CS1514", "CS1519", "CS1520", "CS1524",
  "CS1525", "CS1644", "CS8025", "CS8124",
]);

function die(message) {
  process.stderr.write(`typecheck ${LANG}: ${message}\n`);
  process.exit(2);
}

// ---- arguments and manifests ------------------------------------------------

const { expectFailures, entries } = readManifests(process.argv.slice(2), new Set([LANG]), die);

function summary(checked, failed, skipped) {
  return `typecheck ${LANG}: ${checked} checked, ${failed} failed` + (skipped ? `, ${skipped} skipped` : "");
}

if (entries.length === 0) {
  console.log(summary(0, 0, 0));
  process.exit(0);
}

// ---- toolchain ----------------------------------------------------------------

function which(cmd) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

const mono = process.env.PTL_MONO || which("mono");
const mcsExe = process.env.PTL_MCS_EXE || "/usr/lib/mono/4.5/mcs.exe";
if (!mono) die("mono not found on PATH (Debian: apt-get install mono-mcs)");
if (!fs.existsSync(mcsExe)) die(`${mcsExe} not found (Debian: apt-get install mono-mcs)`);
const frameworkDir = path.dirname(mcsExe);
// mcs runs with -noconfig (its built-in default references cost time on every
// file), so the framework assemblies a Pulumi program may use are listed here.
const FRAMEWORK_REFS = ["System.dll", "System.Core.dll", "System.Xml.dll", "System.Net.Http.dll"];
for (const ref of FRAMEWORK_REFS) {
  if (!fs.existsSync(path.join(frameworkDir, ref))) {
    die(`${ref} missing from ${frameworkDir} (Debian: apt-get install libmono-system-net-http4.0-cil)`);
  }
}

// Stub assembly and driver, built once and cached by the hash of their sources
// and of the compiler.
const stubFiles = fs.readdirSync(STUB_DIR).filter((f) => f.endsWith(".cs")).sort();
const hash = createHash("sha256");
for (const f of stubFiles) hash.update(f).update("\0").update(fs.readFileSync(path.join(STUB_DIR, f))).update("\0");
hash.update(fs.readFileSync(DRIVER_SRC));
const mcsStat = fs.statSync(mcsExe);
hash.update(`${mcsExe}:${mcsStat.size}:${mcsStat.mtimeMs}`);
const cacheDir = path.join(os.tmpdir(), "ptl-typecheck-csharp", hash.digest("hex").slice(0, 16));
const stubsDll = path.join(cacheDir, "PtlStubs.dll");
const driverExe = path.join(cacheDir, "driver.exe");

function runMcs(args) {
  try {
    execFileSync(mono, [mcsExe, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    die(`building ${args.find((a) => a.startsWith("-out:"))} failed:\n${e.stdout || ""}${e.stderr || ""}`);
  }
}

if (!fs.existsSync(stubsDll) || !fs.existsSync(driverExe)) {
  fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
  const staging = fs.mkdtempSync(cacheDir + ".tmp-");
  runMcs(["-target:library", "-langversion:7.2", "-warn:0", "-r:System.Net.Http.dll",
    `-out:${path.join(staging, "PtlStubs.dll")}`, ...stubFiles.map((f) => path.join(STUB_DIR, f))]);
  runMcs(["-target:exe", "-warn:0", `-r:${mcsExe}`, `-out:${path.join(staging, "driver.exe")}`, DRIVER_SRC]);
  try {
    fs.renameSync(staging, cacheDir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another run won the race
  }
}

// ---- compile every distinct file ----------------------------------------------

const files = [...new Set(entries.flatMap((e) => [e.original, e.fixed]))];
for (const f of files) if (!fs.existsSync(f)) die(`missing file ${f}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ptl-typecheck-csharp-run-"));
const jobArgs = files.map((file, i) => [
  "-target:library", "-noconfig", "-langversion:7.2", "-warn:0",
  `-r:${stubsDll}`, ...FRAMEWORK_REFS.map((r) => `-r:${r}`),
  `-out:${path.join(work, `f${i}.dll`)}`, file,
].join("\t"));

function runDriver(indices, part) {
  const jobFile = path.join(work, `jobs${part}.txt`);
  fs.writeFileSync(jobFile, indices.map((i) => jobArgs[i]).join("\n") + "\n");
  return new Promise((resolve) => {
    execFile(mono, [driverExe, jobFile], {
      encoding: "utf8", maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, MONO_PATH: frameworkDir },
    }, (error, stdout, stderr) => resolve({ indices, error, stdout, stderr }));
  });
}

function parseDriverOutput({ indices, error, stdout, stderr }, results) {
  let current = null;
  let lines = [];
  for (const line of stdout.split("\n")) {
    let m;
    if ((m = /^\u0001BEGIN (\d+)$/.exec(line))) {
      current = indices[Number(m[1])];
      lines = [];
    } else if ((m = /^\u0001END (\d+) (ok|failed)$/.exec(line))) {
      results.set(current, { ok: m[2] === "ok", lines });
      current = null;
    } else if ((m = /^\u0001CRASH (\d+) (.*)$/.exec(line))) {
      die(`mcs crashed on ${files[indices[Number(m[1])]]}: ${m[2]}\n${lines.join("\n")}`);
    } else if (current !== null) {
      lines.push(line);
    }
  }
  for (const i of indices) {
    if (!results.has(i)) {
      die(`the mcs driver stopped before ${files[i]}` + (error ? ` (${error.message.split("\n")[0]})` : "") +
        (stderr ? `\n${stderr}` : ""));
    }
  }
}

const started = Date.now();
const parts = Array.from({ length: Math.min(PARALLEL, files.length) }, () => []);
files.forEach((_, i) => parts[i % parts.length].push(i));
const outputs = await Promise.all(parts.map((p, n) => runDriver(p, n)));
const compiled = new Map();
for (const o of outputs) parseDriverOutput(o, compiled);
fs.rmSync(work, { recursive: true, force: true });

// ---- diagnostics ----------------------------------------------------------------

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Errors of one file: [{code, message, line, col, key}], sorted by position.
function errorsOf(i) {
  const file = files[i];
  const { ok, lines } = compiled.get(i);
  const errs = [];
  for (const line of lines) {
    let m = /^(.*)\((\d+),(\d+)\): error (CS\d+): (.*)$/.exec(line);
    let code, message, ln = 0, col = 0;
    if (m) {
      [, , ln, col, code, message] = m;
    } else if ((m = /^error (CS\d+): (.*)$/.exec(line))) {
      [, code, message] = m;
    } else {
      continue;
    }
    const normalized = message
      .replace(new RegExp(escapeRe(file), "g"), "")
      .replace(new RegExp(escapeRe(path.basename(file)), "g"), "")
      .replace(/\(\d+,\d+\)/g, "")
      .trim();
    errs.push({ code, message, line: Number(ln), col: Number(col), key: `${code} ${normalized}` });
  }
  if (!ok && errs.length === 0) {
    errs.push({ code: "CS????", message: `compilation failed without a parsable error: ${lines.join(" | ")}`, line: 0, col: 0, key: "CS???? unparsed" });
  }
  errs.sort((a, b) => a.line - b.line || a.col - b.col);
  return errs;
}

const fileIndex = new Map(files.map((f, i) => [f, i]));
const fmt = (e) => `${e.line}:${e.col}: error ${e.code}: ${e.message}`;

let checked = 0;
let failed = 0;
let skipped = 0;
for (const entry of entries) {
  const origErrs = errorsOf(fileIndex.get(entry.original));
  const syntax = origErrs.find((e) => SYNTAX_CODES.has(e.code));
  if (syntax) {
    skipped++;
    console.log(`skip ${entry.display}: original needs C# newer than 7.2 (${fmt(syntax)})`);
    continue;
  }
  checked++;
  const introduced = introducedErrors(origErrs, errorsOf(fileIndex.get(entry.fixed)));
  if (expectFailures) {
    const hit = entry.expect ? introduced.find((e) => e.message.includes(entry.expect)) : introduced[0];
    if (hit) {
      console.log(`ok rejected ${entry.display}: ${fmt(hit)}`);
    } else {
      failed++;
      const why = introduced.length && entry.expect
        ? ` (no introduced error contains "${entry.expect}"; first: ${fmt(introduced[0])})`
        : "";
      console.log(`FAIL accepted ${entry.display}${why}`);
    }
  } else if (introduced.length) {
    failed++;
    console.log(`FAIL ${entry.display}: ${fmt(introduced[0])}`);
    for (const e of introduced.slice(1, 4)) console.log(`    ${fmt(e)}`);
  }
}

if (process.env.PTL_TYPECHECK_TIMING) {
  process.stderr.write(`typecheck ${LANG}: ${files.length} files compiled in ${Date.now() - started} ms\n`);
}
console.log(summary(checked, failed, skipped));
process.exit(failed > 0 ? 1 : 0);
