#!/usr/bin/env node
// Java type-check harness for the remediation fixes.
//
//   node tests/remediation/typecheck/java/check.mjs [--expect-failures] MANIFEST...
//
// A manifest line is `<lang>\t<original>\t<fixed>\t<display>[\t<expected substring>]`;
// only `java` lines are used, paths are relative to the manifest's folder. Every
// distinct file is compiled once, each in its own javac CompilationTask, all in one
// JVM (TypeCheck.java) against the SDK stubs in ./stubs. The errors a fix
// INTRODUCES are the fixed file's ERROR diagnostics that the original does not
// have, compared as a multiset of (diagnostic code, message) without positions or
// file names. Warnings never count.
//
// Exit: 0 all good, 1 some line failed, 2 toolchain missing or crashed.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { introducedErrors, readManifests } from "../manifest.mjs";

const LANG = "java";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const STUBS = path.join(HERE, "stubs");
const DRIVER_SRC = path.join(HERE, "TypeCheck.java");
// C1 only and the serial collector: the run is short, so this halves CPU time.
const JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"];

function die(msg) {
  process.stderr.write(`typecheck ${LANG}: ${msg}\n`);
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error && r.error.code === "ENOENT") die(`'${cmd}' not found on PATH (install default-jdk-headless)`);
  if (r.error) die(`${cmd} failed to start: ${r.error.message}`);
  return r;
}

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.name.endsWith(".java")) out.push(p);
  }
  return out.sort();
}

// ---- arguments and manifests ------------------------------------------------------

const { expectFailures, entries } = readManifests(process.argv.slice(2), new Set([LANG]), die);

// ---- toolchain and cache ---------------------------------------------------------

const javaVersion = run("java", ["-version"]);
if (javaVersion.status !== 0) die(`'java -version' failed:\n${javaVersion.stderr}`);
const javacVersion = run("javac", ["-version"]);
if (javacVersion.status !== 0) die(`'javac -version' failed:\n${javacVersion.stderr}`);

const hash = createHash("sha256");
hash.update(javaVersion.stderr + javacVersion.stdout + javacVersion.stderr);
hash.update(fs.readFileSync(DRIVER_SRC));
for (const f of listFiles(STUBS)) {
  hash.update(path.relative(STUBS, f));
  hash.update("\0");
  hash.update(fs.readFileSync(f));
}
const cacheDir = path.join(os.tmpdir(), `ptl-typecheck-java-${hash.digest("hex").slice(0, 16)}`);
const driverDir = path.join(cacheDir, "driver");
fs.mkdirSync(cacheDir, { recursive: true });
if (!fs.existsSync(path.join(driverDir, "TypeCheck.class"))) {
  const tmp = fs.mkdtempSync(path.join(cacheDir, "driver-tmp"));
  const r = run("javac", ["-d", tmp, DRIVER_SRC]);
  if (r.status !== 0) die(`cannot compile ${DRIVER_SRC}:\n${r.stdout}${r.stderr}`);
  try {
    fs.renameSync(tmp, driverDir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // a concurrent run won
  }
}

// ---- compile every distinct file once ----------------------------------------------

const files = [];
const indexOf = new Map();
const missing = new Set();
for (const e of entries) {
  for (const f of [e.original, e.fixed]) {
    if (indexOf.has(f) || missing.has(f)) continue;
    if (!fs.existsSync(f)) {
      missing.add(f);
      continue;
    }
    indexOf.set(f, files.length);
    files.push(f);
  }
}

const diagsOf = files.map(() => []);
if (files.length > 0) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ptl-typecheck-java-run"));
  try {
    const listFile = path.join(work, "files.txt");
    fs.writeFileSync(listFile, files.join("\n") + "\n");
    const r = run("java", [...JVM_FLAGS, "-cp", driverDir, "TypeCheck", STUBS, path.join(cacheDir, "stubs"), listFile]);
    if (r.status !== 0) {
      const why = { 3: "no system Java compiler (JRE only?)", 4: "the SDK stubs do not compile" }[r.status] ?? "the javac driver crashed";
      die(`${why} (exit ${r.status ?? r.signal}):\n${r.stderr}`);
    }
    const done = new Set();
    for (const line of r.stdout.split("\n")) {
      if (line === "") continue;
      const c = line.split("\t");
      if (c[0] === "F") {
        done.add(Number(c[1]));
      } else if (c[0] === "D" && c.length >= 6) {
        const unescape = (s) => s.replace(/\\(.)/g, (_, ch) => (ch === "n" ? "\n" : ch === "t" ? "\t" : ch));
        diagsOf[Number(c[1])].push({ line: c[2], col: c[3], code: unescape(c[4]), message: unescape(c.slice(5).join("\t")) });
      } else {
        die(`unexpected driver output: ${line}`);
      }
    }
    if (done.size !== files.length) die(`driver reported ${done.size} of ${files.length} files:\n${r.stderr}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---- compare -----------------------------------------------------------------------

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function normalize(d, file) {
  let msg = d.message;
  for (const p of [file, path.dirname(file), path.basename(file)]) msg = msg.replace(new RegExp(escapeRe(p), "g"), "<file>");
  msg = msg.replace(/\s+/g, " ").trim();
  return `${d.code}\u0000${msg}`;
}

function show(d) {
  const [head, ...rest] = d.message.split("\n");
  const tail = rest.map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean).join("; ");
  return `${d.line}:${d.col}: ${head}${tail ? ` (${tail})` : ""} [${d.code}]`;
}

function introduced(e) {
  return introducedErrors(diagsOf[indexOf.get(e.original)], diagsOf[indexOf.get(e.fixed)],
    (d) => normalize(d, e.original), (d) => normalize(d, e.fixed));
}

let failed = 0;
for (const e of entries) {
  const lost = [e.original, e.fixed].filter((f) => missing.has(f));
  if (lost.length > 0) {
    failed++;
    console.log(`FAIL ${e.display}: missing file ${lost.join(", ")}`);
    continue;
  }
  const errs = introduced(e);
  if (expectFailures) {
    const hit = e.expect ? errs.find((d) => d.message.includes(e.expect)) : errs[0];
    if (hit) {
      console.log(`ok rejected ${e.display}: ${show(hit)}`);
    } else {
      failed++;
      if (errs.length > 0) console.log(`FAIL accepted ${e.display}: no introduced error contains "${e.expect}"; got ${show(errs[0])}`);
      else console.log(`FAIL accepted ${e.display}`);
    }
  } else if (errs.length > 0) {
    failed++;
    console.log(`FAIL ${e.display}: ${show(errs[0])}`);
    for (const d of errs.slice(1, 4)) console.log(`    ${show(d)}`);
  }
}
console.log(`typecheck ${LANG}: ${entries.length} checked, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
