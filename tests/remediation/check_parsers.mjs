// Parses files with each language's real parser and reports which fail.
//
//   node check_parsers.mjs MANIFEST...                   every file must parse
//   node check_parsers.mjs --expect-failures MANIFEST... every file must be rejected
//
// A manifest line is "<checker>\t<file>\t<label>[\t<expected>]"; a relative
// file is taken from the manifest's folder. With --expect-failures, a line
// that names <expected> must be rejected with a message containing it (so a
// control proves that this very check fires, not some other error).
//
// Syntax checkers: typescript and javascript (the TypeScript compiler's
// syntactic diagnostics), python (python3's ast), go (gofmt -e); csharp,
// java, bash, yaml, hcl, powershell (tree-sitter grammars, prebuilt .wasm
// from npm, run by web-tree-sitter: no ERROR or MISSING node); dockerfile
// (dockerfile-ast and the validator of the VS Code Docker language server,
// dockerfile-utils: error diagnostics); none (no parser: counted as skipped
// and listed). A "none" entry named like a Dockerfile or a .ps1 script is
// checked as dockerfile or powershell (apply_fixes names no checker for them).
//
// PowerShell: pwsh (and so PowerShell's own parser) is not packaged for
// Debian 12 and cannot be fetched here; tree-sitter-powershell (Airbus CERT)
// is the parser used, from its npm package's prebuilt .wasm.
//
// Beyond syntax, each file gets the checks of its flavour, inferred from its
// name or named in the manifest instead of the checker:
//   dockerfile  every RUN --mount is well formed (known type and options, a
//               secret has an id and a valid env name, no env target twice);
//               a RUN that reads a variable which some secret mount provides
//               in the same stage mounts it itself; env= on a mount needs a
//               syntax directive at the top naming docker/dockerfile:1, 1.10
//               or later; the shell form of each RUN parses as bash; a file
//               holding no token any more declares no ARG/ENV, in a stage
//               where a secret mount provides that name (the secret would be
//               baked into the image).
//   bash, powershell (and dotenv, parsed as bash)  no $VAR inside single
//               quotes, where it would not be expanded.
//   compose     (docker-compose*.yml; yaml) services is a mapping, environment
//               a mapping of scalars or a list of strings, every "$" is a valid
//               Compose interpolation.
//   actions     (.github/workflows/*.yml; yaml) GitHub's own workflow parser
//               (@actions/workflow-parser): the workflow schema and every
//               ${{ }} expression.
//   dotenv      (.env; bash) the dotenv package's parser: every assignment
//               line yields its key, no value keeps an unmatched quote, no
//               $VAR in a single-quoted value.
// GitLab CI files are checked as YAML only. json (JSON.parse: notebooks, package.json),
// jsonc (TypeScript's JSON parser: VS Code settings, with comments), xml (xmllint: Maven POMs).
//   npm         (package.json; json) every script parses as bash, with no $VAR
//               inside single quotes.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { DockerfileParser } from "dockerfile-ast";
import { validate as validateDockerfile } from "dockerfile-utils";
import dotenv from "dotenv";
import ts from "typescript";
import { Language, Parser } from "web-tree-sitter";
import YAML from "yaml";

// Baseline (Liftoff) code only: the optimising compiler spends some 40 s of
// CPU on the PowerShell grammar's 1 MB module, for files parsed in ms.
v8.setFlagsFromString("--liftoff-only");

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const grammars = {
  csharp: "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm",
  java: "tree-sitter-java/tree-sitter-java.wasm",
  bash: "tree-sitter-bash/tree-sitter-bash.wasm",
  yaml: "@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm",
  hcl: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm",
  powershell: "tree-sitter-powershell/tree-sitter-powershell.wasm",
};

// Flavours checked on top of a base syntax checker.
const flavourBase = { compose: "yaml", actions: "yaml", dotenv: "bash" };

function inferFromName(file) {
  const name = basename(file);
  if (/^Dockerfile(\..+)?$|\.[Dd]ockerfile$/.test(name)) return { syntax: "dockerfile" };
  if (/\.ps[md]?1$/i.test(name)) return { syntax: "powershell" };
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return { flavour: "compose" };
  if (/[\\/]\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/.test(file)) return { flavour: "actions" };
  if (/^\.env(\..+)?$|\.env$/.test(name)) return { flavour: "dotenv" };
  if (name === "package.json") return { flavour: "npm" };
  return {};
}

function readManifests(paths) {
  const entries = [];
  for (const manifest of paths) {
    for (const line of readFileSync(manifest, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const [checker, rel, label, expected] = line.split("\t");
      const file = resolve(dirname(manifest), rel);
      const inferred = inferFromName(file);
      const syntax = flavourBase[checker] ?? (checker === "none" ? inferred.syntax ?? "none" : checker);
      const flavour = flavourBase[checker] ? checker : inferred.flavour;
      entries.push({ checker: syntax, flavour, file, label: label ?? rel, expected });
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

// --- tree-sitter -------------------------------------------------------------

const parsers = new Map();
async function treeSitter(name) {
  if (!parsers.has(name)) {
    const parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve(grammars[name])));
    parsers.set(name, parser);
  }
  return parsers.get(name);
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

function syntaxError(tree) {
  const bad = firstBadNode(tree.rootNode);
  if (!bad) return undefined;
  const p = bad.startPosition;
  return `${p.row + 1}:${p.column + 1}: ${bad.isMissing ? "missing " + bad.type : "syntax error"}`;
}

function* walk(node) {
  yield node;
  for (const child of node.children) yield* walk(child);
}

// "$NAME", "${NAME}" or "$env:NAME" where the language takes it literally.
const variableReference = /\$(\{?[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z_][A-Za-z0-9_]*)?\}?)/;

// Node types holding single-quoted text, which neither bash nor PowerShell expands.
const literalNodes = {
  bash: (n) => n.type === "raw_string",
  powershell: (n) => n.type.startsWith("verbatim_") && n.type !== "verbatim_command_argument",
};

function unexpandedReference(name, tree) {
  for (const node of walk(tree.rootNode)) {
    if (!literalNodes[name](node)) continue;
    const m = variableReference.exec(node.text);
    if (m) {
      const p = node.startPosition;
      return `${p.row + 1}:${p.column + 1}: ${m[0]} inside single quotes is not expanded`;
    }
  }
  return undefined;
}

async function checkTreeSitter(name, entries) {
  const errors = new Map();
  if (entries.length === 0) return errors;
  const parser = await treeSitter(name);
  for (const e of entries) {
    const tree = parser.parse(readFileSync(e.file, "utf8"));
    const error = syntaxError(tree) ?? (literalNodes[name] ? unexpandedReference(name, tree) : undefined);
    if (error) errors.set(e.file, error);
    tree.delete();
  }
  return errors;
}

// --- Dockerfile --------------------------------------------------------------

const tokenShaped = /pul-[0-9a-f]{40}/;
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;
// BuildKit's RUN flags and --mount options (Dockerfile reference, RUN).
const runFlags = new Set(["mount", "network", "security", "device"]);
const mountOptions = {
  bind: ["type", "target", "dst", "destination", "source", "src", "from", "rw", "readwrite", "ro", "readonly"],
  cache: ["type", "id", "target", "dst", "destination", "ro", "readonly", "sharing", "from", "source", "src", "mode", "uid", "gid"],
  tmpfs: ["type", "target", "dst", "destination", "size"],
  secret: ["type", "id", "target", "dst", "destination", "env", "required", "mode", "uid", "gid"],
  ssh: ["type", "id", "target", "dst", "destination", "required", "mode", "uid", "gid"],
};

function at(range, msg) {
  return `${range.start.line + 1}:${range.start.character + 1}: ${msg}`;
}

// The shell command of a shell-form RUN, line continuations joined.
function runCommand(lines, run) {
  const args = run.getArguments();
  if (args.length === 0) return null;
  const start = args[0].getRange().start;
  const end = run.getRange().end;
  const text = [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line + 1)];
  text[text.length - 1] = text[text.length - 1].slice(0, end.line === start.line ? end.character - start.character : end.character);
  return text.join("\n").replace(/\\\r?\n/g, " ");
}

function checkMount(flag) {
  const opts = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue()]));
  const type = opts.get("type") ?? "bind";
  if (!mountOptions[type]) return `unknown mount type "${type}"`;
  for (const name of opts.keys()) {
    if (!mountOptions[type].includes(name)) return `unknown option "${name}" for a ${type} mount`;
  }
  if (type === "secret") {
    if (!opts.get("id") && !opts.get("target")) return "secret mount without id";
    if (opts.has("env") && !envName.test(opts.get("env") ?? "")) return `secret env "${opts.get("env")}" is no variable name`;
  }
  return null;
}

// BuildKit's frontend (the syntax directive) gained env= on secret mounts in 1.10.
function frontendError(syntax) {
  const m = /^(?:docker\.io\/)?docker\/dockerfile:1(?:\.(\d+)(?:\.\d+)?)?(?:-labs)?$/.exec(syntax);
  if (!m) return `frontend ${syntax} is not docker/dockerfile:1`;
  if (m[1] !== undefined && Number(m[1]) < 10) return `frontend ${syntax} predates env= on secret mounts (1.10)`;
  return null;
}

// One stage's instructions: a FROM and what follows it up to the next FROM.
function stages(instructions) {
  const out = [[]];
  for (const i of instructions) {
    if (i.getKeyword() === "FROM" && out[out.length - 1].length > 0) out.push([]);
    out[out.length - 1].push(i);
  }
  return out;
}

function stageError(lines, stage, bash, tokenFree) {
  const runs = stage.filter((i) => i.getKeyword() === "RUN");
  const secretEnvs = new Set();
  for (const run of runs) {
    run.envs = new Set();
    for (const flag of run.getFlags()) {
      if (!runFlags.has(flag.getName())) return at(flag.getRange(), `unknown RUN flag --${flag.getName()}`);
      if (flag.getName() !== "mount") continue;
      const bad = checkMount(flag);
      if (bad) return at(flag.getRange(), bad);
      const env = flag.getOption("env")?.getValue();
      if (!env) continue;
      if (run.envs.has(env)) return at(flag.getRange(), `${env} is mounted twice in one RUN`);
      run.envs.add(env);
      secretEnvs.add(env);
    }
    run.command = runCommand(lines, run);
    if (run.command === null) return at(run.getRange(), "RUN without a command");
  }
  for (const run of runs) {
    // JSON form runs no shell; a heredoc is not one line of shell.
    if (/^\s*\[/.test(run.command) || run.command.includes("<<")) continue;
    const tree = bash.parse(run.command);
    const error = syntaxError(tree) ?? unexpandedReference("bash", tree);
    tree.delete();
    if (error) return at(run.getRange(), `RUN command: ${error}`);
    for (const env of secretEnvs) {
      if (!run.envs.has(env) && new RegExp(`\\$\\{?${env}\\b`).test(run.command)) {
        return at(run.getRange(), `RUN reads $${env} but does not mount the secret that provides it`);
      }
    }
  }
  if (tokenFree) {
    for (const i of stage) {
      if (i.getKeyword() !== "ENV" && i.getKeyword() !== "ARG") continue;
      for (const p of i.getProperties()) {
        if (secretEnvs.has(p.getName())) {
          return at(i.getRange(), `${i.getKeyword()} ${p.getName()} puts the build secret into the image`);
        }
      }
    }
  }
  return null;
}

function dockerfileError(text, bash) {
  const error = validateDockerfile(text, {}).find((d) => d.severity === 1);
  if (error) return at(error.range, error.message);
  const lines = text.split("\n");
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  for (const stage of stages(instructions)) {
    const error = stageError(lines, stage, bash, !tokenShaped.test(text));
    if (error) return error;
  }
  const envMount = instructions
    .flatMap((i) => (i.getKeyword() === "RUN" ? i.getFlags() : []))
    .find((f) => f.getName() === "mount" && f.getOption("env"));
  if (envMount) {
    const syntax = dockerfile.getDirectives().find((d) => d.getName() === "syntax");
    if (!syntax) return at(envMount.getRange(), "--mount=...,env= needs a # syntax=docker/dockerfile:1 directive at the top");
    const bad = frontendError(syntax.getValue());
    if (bad) return at(syntax.getRange(), bad);
  }
  return undefined;
}

async function checkDockerfile(entries) {
  const errors = new Map();
  if (entries.length === 0) return errors;
  const bash = await treeSitter("bash");
  for (const e of entries) {
    const error = dockerfileError(readFileSync(e.file, "utf8"), bash);
    if (error) errors.set(e.file, error);
  }
  return errors;
}

// --- flavours of YAML and dotenv --------------------------------------------

// Compose interpolation: $$, $NAME, ${NAME}, ${NAME<op>default} with op one of
// :- - :? ? :+ + (compose-go's template syntax); anything else is invalid.
function composeInterpolationError(value) {
  for (let i = value.indexOf("$"); i !== -1; i = value.indexOf("$", i + 1)) {
    const rest = value.slice(i + 1);
    if (rest.startsWith("$")) {
      i++;
      continue;
    }
    if (/^[A-Za-z_]/.test(rest)) continue;
    if (rest.startsWith("{")) {
      let depth = 0, end = -1;
      for (let j = 0; j < rest.length; j++) {
        if (rest[j] === "{") depth++;
        else if (rest[j] === "}" && --depth === 0) {
          end = j;
          break;
        }
      }
      if (end !== -1 && /^[A-Za-z_][A-Za-z0-9_]*((:?[-?+])[\s\S]*)?$/.test(rest.slice(1, end))) continue;
    }
    return `invalid interpolation in "${value}"`;
  }
  return null;
}

function composeError(text) {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length) return doc.errors[0].message;
  const compose = doc.toJS();
  if (!compose || typeof compose.services !== "object" || Array.isArray(compose.services)) {
    return "services is not a mapping";
  }
  for (const [name, service] of Object.entries(compose.services)) {
    const env = service?.environment;
    if (env === undefined) continue;
    const ok = Array.isArray(env)
      ? env.every((v) => typeof v === "string")
      : typeof env === "object" && env !== null && Object.values(env).every((v) => v === null || typeof v !== "object");
    if (!ok) return `services.${name}.environment is neither a list of strings nor a mapping of scalars`;
  }
  let error = null;
  YAML.visit(doc, {
    Scalar(_, node) {
      if (!error && typeof node.value === "string") error = composeInterpolationError(node.value);
    },
  });
  return error ?? undefined;
}

function dotenvError(text) {
  const parsed = dotenv.parse(text);
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || !(m[1] in parsed)) return `${n + 1}: dotenv drops this line`;
    const value = parsed[m[1]];
    if (/^["'`]/.test(value)) return `${n + 1}: unmatched quote in the value of ${m[1]}`;
    if (m[2].startsWith("'") && variableReference.test(value)) {
      return `${n + 1}: ${variableReference.exec(value)[0]} inside single quotes is not expanded`;
    }
  }
  return undefined;
}

let workflowParser;
async function actionsError(file, text) {
  if (!workflowParser) {
    // The package imports its JSON schema without an import attribute (it is
    // meant for bundlers); supply the attribute for its .json imports.
    register(
      "data:text/javascript," +
        encodeURIComponent(
          "export async function load(url, context, next) {" +
            ' return next(url, url.endsWith(".json") ? { ...context, importAttributes: { type: "json" } } : context); }',
        ),
    );
    workflowParser = await import("@actions/workflow-parser");
  }
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = workflowParser;
  const result = parseWorkflow({ name: basename(file), content: text }, new NoOperationTraceWriter());
  let errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && result.value) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    errors = (template.errors ?? []).map((e) => e.Message);
  }
  if (errors.length === 0 && !result.value) errors = ["not a workflow"];
  return errors[0];
}

// package.json: every npm script is a shell command line (sh on POSIX): it must parse as
// bash and hold no $VAR inside single quotes.
async function npmScriptsError(text) {
  const scripts = JSON.parse(text).scripts ?? {};
  const parser = await treeSitter("bash");
  for (const [name, script] of Object.entries(scripts)) {
    const tree = parser.parse(String(script));
    const error = syntaxError(tree) ?? unexpandedReference("bash", tree);
    tree.delete();
    if (error) return `script ${name}: ${error}`;
  }
  return undefined;
}

async function checkFlavour(e) {
  const text = readFileSync(e.file, "utf8");
  switch (e.flavour) {
    case "compose": return composeError(text);
    case "dotenv": return dotenvError(text);
    case "npm": return npmScriptsError(text);
    case "actions": return actionsError(e.file, text);
    default: return undefined;
  }
}

// JSON (notebooks, package.json, credentials): the strict parser; JSON with comments (VS Code
// settings): the TypeScript compiler's JSON parser, which is what VS Code's own jsonc rules
// accept (comments, trailing commas).
function checkJson(entries, comments) {
  const errors = new Map();
  for (const e of entries) {
    const text = readFileSync(e.file, "utf8");
    if (comments) {
      const sf = ts.parseJsonText(e.file, text);
      const d = sf.parseDiagnostics[0];
      if (d) errors.set(e.file, `${ts.flattenDiagnosticMessageText(d.messageText, " ")} at ${d.start}`);
    } else {
      try {
        JSON.parse(text);
      } catch (err) {
        errors.set(e.file, String(err.message));
      }
    }
  }
  return errors;
}

// XML (Maven POMs): libxml2's xmllint, well-formedness.
function checkXml(entries) {
  const errors = new Map();
  for (const e of entries) {
    const r = spawnSync("xmllint", ["--noout", e.file], { encoding: "utf8" });
    if (r.error) throw new Error(`xmllint: ${r.error.message} (Debian package libxml2-utils)`);
    if (r.status !== 0) errors.set(e.file, (r.stderr || "").split("\n")[0]);
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
    ...(await checkDockerfile(by("dockerfile"))),
    ...checkJson(by("json"), false),
    ...checkJson(by("jsonc"), true),
    ...checkXml(by("xml")),
  ]);
  for (const name of Object.keys(grammars)) {
    for (const [k, v] of await checkTreeSitter(name, by(name))) errors.set(k, v);
  }
  for (const e of entries) {
    if (e.flavour && !errors.has(e.file)) {
      const error = await checkFlavour(e);
      if (error) errors.set(e.file, `${e.flavour}: ${error}`);
    }
  }
  let passed = 0, failed = 0;
  const skipped = [];
  for (const e of entries) {
    if (e.checker === "none") {
      skipped.push(e.label);
      continue;
    }
    const error = errors.get(e.file);
    const ok = expectFailures
      ? error !== undefined && (!e.expected || error.includes(e.expected))
      : error === undefined;
    if (ok) {
      passed++;
    } else {
      failed++;
      if (!expectFailures) console.log(`FAIL ${e.checker} ${e.label}: ${error}`);
      else if (error === undefined) console.log(`NOT REJECTED ${e.checker} ${e.label}`);
      else console.log(`REJECTED FOR ANOTHER REASON ${e.checker} ${e.label}: ${error} (expected: ${e.expected})`);
    }
  }
  for (const label of skipped) console.log(`SKIPPED (no parser) ${label}`);
  console.log(`check_parsers: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

await main();
