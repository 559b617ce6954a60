// Type-checks TypeScript and JavaScript fix outputs with the real TypeScript compiler (5.9.3) and
// the real type packages of tests/remediation/node_modules (@pulumi/pulumi incl. automation,
// @pulumi/pulumiservice, @aws-sdk/client-secrets-manager, node-vault, @types/node 20), and
// reports the errors a fix introduced.
//
//   node check.mjs [--expect-failures] MANIFEST...
//
// A manifest line is "<lang>\t<original>\t<fixed>\t<display>[\t<expected substring>]" (relative
// paths from the manifest's folder); only lines whose <lang> is `typescript` or `javascript` are
// read. All originals and fixed files of all manifests go into ONE program (one compiler run).
// Compiler options: those of Pulumi's TypeScript project template (pulumi/templates
// typescript/tsconfig.json) plus noEmit, skipLibCheck, types ["node"], allowJs + checkJs and
// moduleDetection "force". Bare module names are resolved from tests/remediation/node_modules,
// because the checked files live elsewhere (the build tree, /tmp).
//
// An error's key is "TS<code>: <message>" with file paths replaced by <file>; no positions. The
// introduced errors of a line are the fixed file's errors minus the original's (as multisets).
import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve, join, basename } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { introducedErrors, readManifests } from "../manifest.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REMEDIATION = resolve(HERE, "../..");            // tests/remediation
const NODE_MODULES = join(REMEDIATION, "node_modules");
const LANGS = new Set(["typescript", "javascript"]);

function die(message) {
  process.stderr.write(`typecheck typescript: ${message}\n`);
  process.exit(2);
}

let ts;
try {
  ts = createRequire(join(REMEDIATION, "package.json"))("typescript");
} catch (e) {
  die(`cannot load the TypeScript compiler from ${NODE_MODULES} (run npm ci in tests/remediation): ${e.message}`);
}
for (const pkg of ["@pulumi/pulumi", "@pulumi/pulumiservice", "@aws-sdk/client-secrets-manager", "node-vault", "@types/node"]) {
  if (!existsSync(join(NODE_MODULES, pkg, "package.json"))) die(`missing type package ${pkg} in ${NODE_MODULES}`);
}

// ---- arguments and manifests --------------------------------------------------------------------
const { expectFailures, entries: lines } = readManifests(process.argv.slice(2), LANGS, die);

const files = [...new Set(lines.flatMap((l) => [l.original, l.fixed]))];
for (const f of files) if (!existsSync(f)) die(`file of the manifest does not exist: ${f}`);

// ---- the program ---------------------------------------------------------------------------------
// pulumi/templates typescript/tsconfig.json: strict, outDir bin, target es2020, module commonjs,
// moduleResolution node, sourceMap, experimentalDecorators, pretty, noFallthroughCasesInSwitch,
// noImplicitReturns, forceConsistentCasingInFileNames (outDir/sourceMap/pretty do not matter for
// a check without emit).
const options = {
  strict: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  experimentalDecorators: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
  typeRoots: [join(NODE_MODULES, "@types")],
  allowJs: true,
  checkJs: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
};

// ES module files (.mjs, .mts) are not what Pulumi's CommonJS template compiles: Node loads them as
// ES modules whatever tsconfig says. They get a second program with module/moduleResolution node16,
// which models Node's own rules for them (a default import of a CommonJS package such as node-vault
// is allowed without esModuleInterop, top-level await is allowed). Every other file (.ts, .tsx,
// .cts, .js, .cjs) is checked with the template's options.
const ESM = /\.m[jt]s$/;
const esmOptions = {
  ...options,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
};

function makeProgram(rootNames, opts) {
  const host = ts.createCompilerHost(opts, true);
  // Resolve every import first as Node would from the file's own folder; a bare name not found
  // there is resolved from tests/remediation (where the real packages are installed).
  const anchor = join(REMEDIATION, "__typecheck_anchor__.ts");
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, opts);
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, o, containingSourceFile) =>
    literals.map((lit) => {
      const name = lit.text;
      const mode = ts.getModeForUsageLocation(containingSourceFile, lit, o);
      let r = ts.resolveModuleName(name, containingFile, o, host, cache, redirectedReference, mode);
      if (!r.resolvedModule && !name.startsWith(".") && !name.startsWith("/")) {
        r = ts.resolveModuleName(name, anchor, o, host, cache, redirectedReference, mode);
      }
      return r;
    });
  let program;
  try {
    program = ts.createProgram({ rootNames, options: opts, host });
  } catch (e) {
    die(`the compiler crashed: ${e.stack || e}`);
  }
  const globalErrors = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (globalErrors.length) {
    die(`compiler configuration errors:\n${ts.formatDiagnostics(globalErrors, host)}`);
  }
  return program;
}

const t0 = Date.now();
const programOf = new Map();
for (const [roots, opts] of [
  [files.filter((f) => !ESM.test(f)), options],
  [files.filter((f) => ESM.test(f)), esmOptions],
]) {
  if (roots.length === 0) continue;
  const program = makeProgram(roots, opts);
  for (const f of roots) programOf.set(f, program);
}

// File names in messages (import("…/t0-X/…/index"), 'File …') differ between the original and the
// fixed copy: replace them, with and without extension, by <file>; and the node_modules folder by
// <node_modules>, so that keys do not depend on the checkout's location.
const pathNeedles = files
  .flatMap((f) => [f, f.replace(/\.[cm]?[jt]sx?$/, "")])
  .sort((a, b) => b.length - a.length);
function normalize(message) {
  let m = message;
  for (const p of pathNeedles) if (m.includes(p)) m = m.split(p).join("<file>");
  m = m.split(NODE_MODULES + "/").join("<node_modules>/");
  return m.replace(/\s+/g, " ").trim();
}

const errorsOf = new Map();
function errors(file) {
  if (errorsOf.has(file)) return errorsOf.get(file);
  const program = programOf.get(file);
  const sf = program.getSourceFile(file);
  if (!sf) die(`the compiler did not load ${file}`);
  let diags;
  try {
    diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  } catch (e) {
    die(`the compiler crashed on ${file}: ${e.stack || e}`);
  }
  const out = diags
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const text = `TS${d.code}: ${normalize(ts.flattenDiagnosticMessageText(d.messageText, " "))}`;
      let where = "";
      if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        where = `${line + 1}:${character + 1}`;
      }
      return { key: text, where };
    });
  errorsOf.set(file, out);
  return out;
}

function introduced(line) {
  return introducedErrors(errors(line.original), errors(line.fixed));
}

const show = (e) => `${e.where ? e.where + " " : ""}${e.key}`;

let failed = 0;
for (const line of lines) {
  const intro = introduced(line);
  if (expectFailures) {
    const match = line.expect ? intro.find((e) => e.key.includes(line.expect)) : intro[0];
    if (match) {
      console.log(`ok rejected ${line.display}: ${show(match)}`);
    } else {
      failed++;
      if (intro.length === 0) console.log(`FAIL accepted ${line.display}`);
      else console.log(`FAIL accepted ${line.display}: no introduced error contains "${line.expect}"; got ${show(intro[0])}`);
    }
  } else if (intro.length) {
    failed++;
    console.log(`FAIL ${line.display}: ${show(intro[0])}`);
    for (const e of intro.slice(1, 4)) console.log(`    ${show(e)}`);
    if (intro.length > 4) console.log(`    (${intro.length - 4} more)`);
  }
}
// Debugging aids: TYPECHECK_DUMP=1 lists every error of every file, TYPECHECK_TIMING=1 the time.
if (process.env.TYPECHECK_DUMP) for (const f of files) for (const e of errors(f)) process.stderr.write(`${f}:${e.where} ${e.key}\n`);
if (process.env.TYPECHECK_TIMING) {
  process.stderr.write(`typecheck typescript: ${files.length} files, ${Date.now() - t0} ms\n`);
}
console.log(`typecheck typescript: ${lines.length} checked, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
