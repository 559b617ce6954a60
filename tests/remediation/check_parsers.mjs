// Parses files with each language's real parser and reports which fail.
//
//   node check_parsers.mjs MANIFEST...                   every file must parse
//   node check_parsers.mjs --expect-failures MANIFEST... every file must be rejected
//
// A manifest line is "<checker>\t<file>\t<label>"; a relative file is taken
// from the manifest's folder. Checkers: typescript and javascript (the
// TypeScript compiler's syntactic diagnostics), python (python3's ast), go
// (gofmt -e), csharp, java, bash, yaml, hcl (tree-sitter: no ERROR or MISSING
// node), none (no parser available: counted as skipped).

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { Language, Parser } from "web-tree-sitter";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const grammars = {
  csharp: "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm",
  java: "tree-sitter-java/tree-sitter-java.wasm",
  bash: "tree-sitter-bash/tree-sitter-bash.wasm",
  yaml: "@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm",
  hcl: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm",
};

function readManifests(paths) {
  const entries = [];
  for (const manifest of paths) {
    for (const line of readFileSync(manifest, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const [checker, file, label] = line.split("\t");
      entries.push({ checker, file: resolve(dirname(manifest), file), label: label ?? file });
    }
  }
  return entries;
}

function checkTypeScript(entries) {
  const errors = new Map();
  if (entries.length === 0) return errors;
  const program = ts.createProgram(
    entries.map((e) => e.file),
    { noResolve: true, noLib: true, allowJs: true, noEmit: true, types: [] },
  );
  for (const e of entries) {
    const sf = program.getSourceFile(e.file);
    const diags = sf ? program.getSyntacticDiagnostics(sf) : [{ messageText: "not loaded" }];
    if (diags.length > 0) {
      const d = diags[0];
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      const msg = ts.flattenDiagnosticMessageText(d.messageText, " ");
      errors.set(e.file, where ? `${where.line + 1}:${where.character + 1}: ${msg}` : msg);
    }
  }
  return errors;
}

function checkPython(entries) {
  const errors = new Map();
  if (entries.length === 0) return errors;
  const script = [
    "import ast, json, sys",
    "out = {}",
    "for path in sys.argv[1:]:",
    "    try:",
    "        ast.parse(open(path, encoding='utf-8').read(), filename=path)",
    "    except SyntaxError as e:",
    "        out[path] = f'{e.lineno}:{e.offset}: {e.msg}'",
    "print(json.dumps(out))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script, ...entries.map((e) => e.file)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.error ?? r.stderr}`);
  for (const [file, msg] of Object.entries(JSON.parse(r.stdout))) errors.set(file, msg);
  return errors;
}

function checkGo(entries) {
  const errors = new Map();
  for (const e of entries) {
    const r = spawnSync("gofmt", ["-e", "-l", e.file], { encoding: "utf8" });
    if (r.error) throw new Error(`gofmt not runnable (install golang-go): ${r.error.message}`);
    if (r.status !== 0) errors.set(e.file, r.stderr.trim().split("\n")[0]);
  }
  return errors;
}

function firstBadNode(node) {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing || child.isError) {
      const bad = firstBadNode(child);
      if (bad) return bad;
    }
  }
  return node.hasError ? node : null;
}

async function checkTreeSitter(name, entries) {
  const errors = new Map();
  if (entries.length === 0) return errors;
  const language = await Language.load(require.resolve(grammars[name]));
  const parser = new Parser();
  parser.setLanguage(language);
  for (const e of entries) {
    const tree = parser.parse(readFileSync(e.file, "utf8"));
    const bad = firstBadNode(tree.rootNode);
    if (bad) {
      const p = bad.startPosition;
      errors.set(e.file, `${p.row + 1}:${p.column + 1}: ${bad.isMissing ? "missing " + bad.type : "syntax error"}`);
    }
    tree.delete();
  }
  return errors;
}

async function main() {
  const args = process.argv.slice(2);
  const expectFailures = args[0] === "--expect-failures";
  const entries = readManifests(expectFailures ? args.slice(1) : args);
  await Parser.init();
  const by = (c) => entries.filter((e) => e.checker === c);
  const errors = new Map([
    ...checkTypeScript([...by("typescript"), ...by("javascript")]),
    ...checkPython(by("python")),
    ...checkGo(by("go")),
  ]);
  for (const name of Object.keys(grammars)) {
    for (const [k, v] of await checkTreeSitter(name, by(name))) errors.set(k, v);
  }
  let passed = 0, failed = 0, skipped = 0;
  for (const e of entries) {
    if (e.checker === "none") {
      skipped++;
      continue;
    }
    const error = errors.get(e.file);
    const ok = expectFailures ? error !== undefined : error === undefined;
    if (ok) {
      passed++;
    } else {
      failed++;
      console.log(expectFailures ? `NOT REJECTED ${e.checker} ${e.label}` : `FAIL ${e.checker} ${e.label}: ${error}`);
    }
  }
  console.log(`check_parsers: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

await main();
