// Type-checks Go files before and after a remediation fix with the real Go toolchain and
// reports the errors each fix introduced.
//
//   node check.mjs [--expect-failures] MANIFEST...
//
// A manifest line is "<lang>\t<original>\t<fixed>\t<display>[\t<expected substring>]"
// (relative paths from the manifest's folder); only lines whose <lang> is `go` are read.
//
// Every distinct original and fixed file becomes its own package directory (pNNNN/source.go,
// its own `package` clause kept) of ONE temporary module. The module `require`s the stub
// SDK modules in ./stubs and `replace`s each with its local directory, so everything runs
// offline (GOPROXY=off, GOFLAGS=-mod=mod, GOSUMDB=off, GOWORK=off). Two batched go commands:
//   1. `go list -e -export -gcflags=-e` loads and compiles (no link) every package: load errors
//      (syntax errors, imports that no module provides) land in the JSON Error/DepsErrors of
//      that package only; compiler errors (every type error, not only the first, including
//      unused imports and variables) land on stderr under "# typecheck/pNNNN";
//   2. `go vet -json` runs the vet analyzers on the packages that compiled cleanly.
// A diagnostic's key is its message (vet findings prefixed "vet <analyzer>: ") with file names,
// positions, package directories and the stub directory removed; an error is introduced by a
// fix when the fixed file has more diagnostics with that key than the original (multiset).
//
// GOCACHE and GOPATH live in $GO_TYPECHECK_CACHE, default <os tmpdir>/pulumi-token-lsp-go-typecheck;
// the module itself is written to <cache>/module (or a fresh temp dir when another run holds it).
// GO_TYPECHECK_TIMING=1 prints the time of each go command on stderr.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { introducedErrors, readManifests } from "../manifest.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const STUBS = join(HERE, "stubs");
const MODULE = "typecheck";

// module path -> [version, stub directory]. The versions are the releases the stubs mirror.
const STUB_MODULES = [
  ["github.com/pulumi/pulumi/sdk/v3", "v3.140.0", "pulumi-sdk"],
  ["github.com/pulumi/pulumi-pulumiservice/sdk", "v0.27.0", "pulumiservice-sdk"],
  ["github.com/pulumi/pulumi-aws/sdk/v6", "v6.0.0", "pulumi-aws-sdk"],
  ["github.com/aws/aws-sdk-go-v2", "v1.30.0", "aws-sdk-go-v2"],
  ["github.com/aws/aws-sdk-go-v2/config", "v1.27.0", "aws-sdk-go-v2-config"],
  ["github.com/aws/aws-sdk-go-v2/service/secretsmanager", "v1.32.0", "aws-sdk-go-v2-secretsmanager"],
  ["github.com/hashicorp/vault/api", "v1.14.0", "vault-api"],
  ["github.com/cyberark/conjur-api-go", "v0.11.1", "conjur-api-go"],
];

function die(message) {
  process.stderr.write(`typecheck go: ${message}\n`);
  process.exit(2);
}

// ---- manifest ----------------------------------------------------------------------------

const { expectFailures, entries: lines } = readManifests(process.argv.slice(2), new Set(["go"]), die);

// ---- toolchain ---------------------------------------------------------------------------

const cacheRoot = process.env.GO_TYPECHECK_CACHE || join(tmpdir(), "pulumi-token-lsp-go-typecheck");
const env = {
  ...process.env,
  GOPROXY: "off",
  GOFLAGS: "-mod=mod",
  GOSUMDB: "off",
  GONOSUMDB: "*",
  GONOSUMCHECK: "1",
  GOPRIVATE: "",
  GOWORK: "off",
  GO111MODULE: "on",
  GOTOOLCHAIN: "local",
  CGO_ENABLED: "0",
  GOCACHE: join(cacheRoot, "gocache"),
  GOPATH: join(cacheRoot, "gopath"),
  GOMODCACHE: join(cacheRoot, "gopath", "pkg", "mod"),
};

function go(cwd, goArgs) {
  const t0 = Date.now();
  const r = spawnSync("go", goArgs, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) die(`cannot run go (${r.error.code || r.error.message}); install golang-go`);
  if (process.env.GO_TYPECHECK_TIMING) process.stderr.write(`go ${goArgs[0]}: ${Date.now() - t0} ms\n`);
  return r;
}

if (lines.length === 0) {
  console.log("typecheck go: 0 checked, 0 failed");
  process.exit(0);
}

// ---- lay out the module ------------------------------------------------------------------

// The go build cache keys compiled packages by their directory too, so the module lives in a
// stable directory under the cache root when it is free (a second run then recompiles only the
// files that changed); a concurrent run gets a fresh temporary directory instead.
mkdirSync(cacheRoot, { recursive: true });
let work = join(cacheRoot, "module");
const lock = `${work}.lock`;
let locked = false;
try {
  mkdirSync(lock);
  locked = true;
} catch {
  try {
    if (Date.now() - statSync(lock).mtimeMs > 15 * 60 * 1000) {
      rmSync(lock, { recursive: true, force: true });
      mkdirSync(lock);
      locked = true;
    }
  } catch {}
}
if (locked) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
} else {
  work = mkdtempSync(join(tmpdir(), "go-typecheck-"));
}
process.on("exit", () => {
  if (!locked) rmSync(work, { recursive: true, force: true });
  else rmSync(lock, { recursive: true, force: true });
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

const dirOf = new Map(); // absolute file path -> package directory name
const missing = new Set();
for (const l of lines) {
  for (const file of [l.original, l.fixed]) {
    if (dirOf.has(file)) continue;
    const dir = `p${String(dirOf.size).padStart(4, "0")}`;
    dirOf.set(file, dir);
    mkdirSync(join(work, dir));
    if (!existsSync(file)) {
      missing.add(file);
      continue;
    }
    // One fixed name, so no _test/_GOOS/_GOARCH suffix can exclude the file from the build.
    writeFileSync(join(work, dir, "source.go"), readFileSync(file));
  }
}

const require = STUB_MODULES.map(([mod, ver]) => `\t${mod} ${ver}`).join("\n");
const replace = STUB_MODULES.map(([mod, , dir]) => `\t${mod} => ${join(STUBS, dir)}`).join("\n");
writeFileSync(join(work, "go.mod"), `module ${MODULE}\n\ngo 1.19\n\nrequire (\n${require}\n)\n\nreplace (\n${replace}\n)\n`);

// ---- diagnostics -------------------------------------------------------------------------

const diags = new Map(); // dir -> [{line, col, message, key}]
for (const dir of dirOf.values()) diags.set(dir, []);

function normalize(message) {
  return message
    .split(STUBS).join("STUBS")
    .replace(/(?:\/[^\s:()"]+\/)?\bp\d{4}\/source\.go(?::\d+(?::\d+)?)?/g, "FILE")
    .replace(new RegExp(`\\b${MODULE}/p\\d{4}\\b`, "g"), "PKG")
    .replace(/\s+/g, " ")
    .trim();
}

function add(dir, line, col, message, prefix = "") {
  if (!diags.has(dir)) return false;
  diags.get(dir).push({ line, col, message: prefix + message, key: prefix + normalize(message) });
  return true;
}

// "pNNNN/source.go:L:C: message" (relative, ./relative or absolute path).
const POS = /^(?:vet: )?(?:.*\/)?(p\d{4})\/source\.go:(\d+)(?::(\d+))?: (.*)$/;

function parseCompilerOutput(text, fallbackDir) {
  let last = null;
  let pkgDir = fallbackDir;
  let parsed = 0;
  const stray = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const header = line.match(/^# (\S+)/);
    if (header) {
      const m = header[1].match(/\/(p\d{4})$/);
      pkgDir = m ? m[1] : fallbackDir;
      last = null;
      continue;
    }
    const m = line.match(POS);
    if (m) {
      const msg = m[4].replace(/^vet: /, "");
      add(m[1], +m[2], +(m[3] || 0), msg);
      last = diags.get(m[1])?.at(-1) || null;
      parsed++;
      continue;
    }
    if (/^\s/.test(line) && last) {
      // Continuation ("\thave (...)", "\twant (...)") belongs to the previous error.
      last.message += " " + line.trim();
      last.key = normalize(last.message);
      continue;
    }
    if (/^too many errors$/.test(line.trim())) continue;
    stray.push(line);
  }
  return { parsed, stray, pkgDir };
}

const pkgs = [...new Set(dirOf.values())].filter((d) => {
  const file = [...dirOf].find(([, v]) => v === d)[0];
  if (missing.has(file)) {
    add(d, 0, 0, `missing file ${file}`);
    return false;
  }
  return true;
});

// 1+2. load errors and compile: `go list -e -export` compiles every loadable package without
// linking; load errors land in Error/DepsErrors, compiler errors on stderr.
const list = go(work, ["list", "-e", "-export", "-gcflags=-e", "-json=ImportPath,Error,DepsErrors,Export",
  ...pkgs.map((d) => `./${d}`)]);
const compiled = new Set();
const broken = new Set();
let listed = 0;
for (const chunk of list.stdout.split(/\n}\n?/)) {
  if (!chunk.trim()) continue;
  let p;
  try {
    p = JSON.parse(chunk + "\n}");
  } catch {
    die(`cannot parse go list output:\n${chunk}`);
  }
  const dir = (p.ImportPath || "").match(/(p\d{4})$/)?.[1];
  if (!dir) continue;
  listed++;
  const errors = [p.Error, ...(p.DepsErrors || [])].filter(Boolean);
  if (errors.length === 0) {
    if (p.Export) compiled.add(dir);
    continue;
  }
  broken.add(dir);
  for (const e of errors) {
    const pos = (e.Pos || e.Err || "").match(/(?:^|\/)(p\d{4})\/source\.go:(\d+)(?::(\d+))?/);
    const text = e.Err.split("\n").map((s) => s.replace(POS, "$4")).join(" ");
    add(dir, pos ? +pos[2] : 0, pos ? +(pos[3] || 0) : 0, text.replace(/^.*?source\.go:\d+(?::\d+)?: /, ""));
  }
}
if (listed === 0) die(`go list failed:\n${list.stderr}`);
{
  const { stray } = parseCompilerOutput(list.stderr);
  // Load errors are already in the JSON; go list repeats some of them as progress lines.
  const strayReal = stray.filter((s) => !/^go: (warning|downloading|finding module)|^go build \S+: no Go files/.test(s));
  if (strayReal.length) process.stderr.write(`typecheck go: unparsed go list output:\n${strayReal.join("\n")}\n`);
  for (const [dir, found] of diags) if (found.length && !broken.has(dir)) compiled.delete(dir);
}

// 3. vet (analyzers) on what compiled
const vettable = pkgs.filter((d) => compiled.has(d));
if (vettable.length) {
  const vet = go(work, ["vet", "-json", ...vettable.map((d) => `./${d}`)]);
  const out = vet.stderr + vet.stdout;
  // Blocks: "# typecheck/pNNNN\n{ json }" ; type errors (should not happen here) as "vet: file:l:c: msg".
  const blocks = out.split(/^# /m).filter((b) => b.trim());
  let parsedAny = false;
  for (const block of blocks) {
    const nl = block.indexOf("\n");
    const dir = block.slice(0, nl).trim().match(/(p\d{4})$/)?.[1];
    const body = block.slice(nl + 1).trim();
    if (!dir) continue;
    parsedAny = true;
    if (body.startsWith("{")) {
      let obj;
      try {
        obj = JSON.parse(body);
      } catch {
        die(`cannot parse go vet -json output for ${dir}:\n${body}`);
      }
      for (const analyzers of Object.values(obj)) {
        for (const [analyzer, findings] of Object.entries(analyzers)) {
          for (const f of Array.isArray(findings) ? findings : []) {
            const pos = (f.posn || "").match(/:(\d+):(\d+)$/);
            add(dir, pos ? +pos[1] : 0, pos ? +pos[2] : 0, f.message, `vet ${analyzer}: `);
          }
        }
      }
    } else {
      parseCompilerOutput(body, dir);
    }
  }
  if (vet.status !== 0 && !parsedAny) die(`go vet failed:\n${out}`);
}

// ---- compare -----------------------------------------------------------------------------

function introduced(l) {
  const fixed = [...diags.get(dirOf.get(l.fixed))].sort((a, b) => a.line - b.line || a.col - b.col);
  return introducedErrors(diags.get(dirOf.get(l.original)), fixed);
}

const where = (d) => `${d.line}:${d.col}: ${d.message}`;
let failed = 0;
for (const l of lines) {
  const errs = introduced(l);
  if (expectFailures) {
    const hit = l.expect ? errs.find((e) => e.message.includes(l.expect)) : errs[0];
    if (hit) {
      console.log(`ok rejected ${l.display}: ${where(hit)}`);
    } else {
      failed++;
      const detail = errs.length ? ` (no introduced error contains "${l.expect}"; first: ${where(errs[0])})` : "";
      console.log(`FAIL accepted ${l.display}${detail}`);
    }
  } else if (errs.length) {
    failed++;
    console.log(`FAIL ${l.display}: ${where(errs[0])}`);
    for (const e of errs.slice(1, 4)) console.log(`    ${where(e)}`);
  }
}
console.log(`typecheck go: ${lines.length} checked, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
