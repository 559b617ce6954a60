// Workspace diagnostics as VS Code gets them: a workspace folder whose files hold tokens is
// opened, no file is, and vscode-languageclient's DiagnosticFeature pulls workspace/diagnostic
// (a partial result token on every pull, the result ids it has, the next pull as soon as one
// ends). Checks the reports and their exact UTF-16 ranges, the $/progress of the scan, the
// partial results, the `**/*` watcher registration, and that a file changed on disk plus
// didChangeWatchedFiles answers the held pull with what changed. Then the same folder with
// workspaceDiagnostics off. Usage: node test/workspace_test.mjs EXTENSION.vsix
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, DocumentDiagnosticRequest, FileChangeType, InitializedNotification,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node.js';
import {
  check, defaultSettings, failAfter, failureCount, makeToken, mask, startServer, stopServer, unpackVsix,
} from './lsp_session.mjs';

// Files without tokens beside the ones with: enough batches that the scan is still running when
// the first pull and the answer to window/workDoneProgress/create arrive.
const kFillerFiles = 5000;
const timer = failAfter(60);
const { work, server } = unpackVsix(process.argv[2]);

// 1. A git work tree: two files with tokens, one more in a directory .gitignore leaves out.
const workspace = path.join(work, 'project');
const write = (name, lines) => {
  const file = path.join(workspace, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return pathToFileURL(file).href;
};
const envToken = makeToken('vscode workspace env');
const tsToken = makeToken('vscode workspace ts');
const ignoredToken = makeToken('vscode workspace ignored');
const ciToken = makeToken('vscode workspace ci');
const tokens = [envToken, tsToken, ignoredToken, ciToken];
const envLine = `PULUMI_ACCESS_TOKEN=${envToken}`;
const tsLine = `const banner = "🚀 部署 ok"; const token = "${tsToken}";`;  // UTF-16 columns differ from bytes
const ciLine = `export PULUMI_ACCESS_TOKEN=${ciToken}`;
fs.mkdirSync(workspace, { recursive: true });
check('the workspace is a git work tree', spawnSync('git', ['init', '-q'], { cwd: workspace }).status === 0);
write('.gitignore', ['dist/']);
write('Pulumi.yaml', ['name: demo', 'runtime: nodejs']);
const envUri = write('deploy/.env', ['AWS_REGION=eu-west-1', envLine]);
const tsUri = write('src/config.ts', ['export const region = "eu-west-1";', tsLine]);
const ignoredUri = write('dist/bundle.js', [`var t="${ignoredToken}";`]);
for (let i = 0; i < kFillerFiles; i++) {
  write(`gen/part-${i % 30}/file-${i}.txt`, [`generated file ${i}`, 'nothing secret here', 'pul-not-a-token']);
}
const ciUri = pathToFileURL(path.join(workspace, 'scripts/ci.sh')).href;

// 2. Start the server as the extension does; the settings are VS Code's defaults, the same in
// initializationOptions and in the workspace/configuration answer (the extension sends both).
const settings = defaultSettings();
const session = await startServer(server, workspace, { initSettings: settings, configSettings: settings });
const { connection, init } = session;
check('the server offers workspace diagnostics to VS Code', init.capabilities.diagnosticProvider?.workspaceDiagnostics === true);
await connection.sendNotification(InitializedNotification.type, {});

// One pull as vscode-languageclient makes it: a fresh partial result token, the result ids known.
const known = new Map();  // uri -> resultId, as the client's documentStates
async function pull() {
  const partialResultToken = crypto.randomUUID();
  const partial = [];
  const listener = connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken,
    (value) => partial.push(...(value?.items ?? [])));
  const result = await connection.sendRequest(WorkspaceDiagnosticRequest.type, {
    identifier: 'pulumi-token-lsp',
    // getAllResultIds: a report without a result id (a file whose findings are gone) is not sent back.
    previousResultIds: [...known].filter(([, value]) => value !== undefined).map(([uri, value]) => ({ uri, value })),
    partialResultToken,
  });
  listener.dispose();
  const items = [...partial, ...(result?.items ?? [])];
  for (const item of items) known.set(item.uri, item.resultId);
  return { partial, final: result?.items ?? [], items };
}
const until = async (pred) => {
  while (!pred()) await new Promise((resolve) => setTimeout(resolve, 20));
};

// 3. The first pull, sent right after initialized as the client does, while the scan runs.
const first = await pull();
check('reports stream as partial results while the scan runs; the response then holds none',
  first.partial.length > 0 && first.final.length === 0, `${first.partial.length} partial, ${first.final.length} final`);
const byUri = new Map(first.items.map((item) => [item.uri, item]));
check('the two files with tokens are reported, nothing else, no file opened', byUri.size === 2
  && byUri.has(envUri) && byUri.has(tsUri), [...byUri.keys()].map((u) => path.basename(u)).join(', '));
check('the file .gitignore leaves out is not reported', !byUri.has(ignoredUri));
function checkReport(name, report, line, text, token) {
  const items = report?.items ?? [];
  const d = items[0] ?? { range: { start: {}, end: {} } };
  const column = text.indexOf(token);  // JavaScript string indices are UTF-16 code units.
  check(`${name}: a full report with a result id and one diagnostic`, report?.kind === 'full'
    && typeof report.resultId === 'string' && items.length === 1, `${items.length} items`);
  check(`${name}: it covers the token (UTF-16 columns)`, d.range.start.line === line && d.range.start.character === column
    && d.range.end.line === line && d.range.end.character === column + 44,
  `line ${d.range.start.line}, ${d.range.start.character}-${d.range.end.character}, want ${column}-${column + 44}`);
  check(`${name}: severity Error, code, and the message masks the token`, d.severity === 1 && d.code === 'pulumi-access-token'
    && String(d.message).startsWith('Hard-coded Pulumi access token') && !String(d.message).includes(token), mask(token));
}
checkReport('deploy/.env', byUri.get(envUri), 1, envLine, envToken);
checkReport('src/config.ts', byUri.get(tsUri), 1, tsLine, tsToken);
check('nothing is pushed to a pulling client', session.pushed() === 0);

// 4. The scan's progress: created, begun (cancellable), reported in percentages, ended.
check('one window/workDoneProgress/create for the scan', session.progress.size === 1, `${session.progress.size}`);
const values = [...session.progress.values()][0] ?? [];
await until(() => values.some((v) => v.kind === 'end'));
const reports = values.filter((v) => v.kind === 'report');
check('progress begins, cancellable, with a title', values[0]?.kind === 'begin' && values[0].cancellable === true
  && String(values[0].title).includes('workspace'), values[0]?.title);
check('progress reports rising percentages', reports.length > 0 && reports.every((v, i) => Number.isInteger(v.percentage)
  && v.percentage >= 0 && v.percentage <= 100 && (i === 0 || v.percentage >= reports[i - 1].percentage)),
`${reports.map((v) => v.percentage).join(' ')}`);
check('progress ends, last', values.at(-1)?.kind === 'end' && values.filter((v) => v.kind === 'end').length === 1,
  values.at(-1)?.message);

// 5. Kept current: the watcher VS Code creates for the `**/*` registration reports a change.
const watcher = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'
  && (r.registerOptions?.watchers ?? []).some((w) => w.globPattern === '**/*'));
check('the server registers a `**/*` file watcher', Boolean(watcher), watcher?.id);
let answered = false;
const held = pull().then((result) => { answered = true; return result; });
// A round trip behind the pull: had the pull been answered at once, its answer came first.
await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: tsUri } }).catch(() => null);
check('with nothing changed, the next pull is held (long poll)', !answered);
write('deploy/.env', ['AWS_REGION=eu-west-1', 'PULUMI_ACCESS_TOKEN=${PULUMI_ACCESS_TOKEN}']);
write('scripts/ci.sh', ['#!/bin/sh', ciLine]);
await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
  changes: [{ uri: envUri, type: FileChangeType.Changed }, { uri: ciUri, type: FileChangeType.Created }],
});
// The two files may come in one answer or two; each pull after the first is held until the next.
const changed = new Map((await held).items.map((item) => [item.uri, item]));
for (let pulls = 1; pulls < 3 && !(changed.has(envUri) && changed.has(ciUri)); pulls++) {
  for (const item of (await pull()).items) changed.set(item.uri, item);
}
const envReport = changed.get(envUri);
check('deploy/.env changed on disk, its token gone: an empty full report', envReport?.kind === 'full'
  && envReport.items.length === 0, `${envReport?.items?.length} items`);
checkReport('scripts/ci.sh (created)', changed.get(ciUri), 1, ciLine, ciToken);
check('the unchanged src/config.ts is not reported again', !changed.has(tsUri));

// 6. Shutdown with a pull held, as when VS Code closes: the held pull is answered first.
let heldAtShutdown = 'pending';
pull().then(() => (heldAtShutdown = 'answered'), (error) => (heldAtShutdown = `rejected: ${error?.message}`));
await stopServer(session, tokens);
check('shutdown answers the held pull', heldAtShutdown === 'answered', heldAtShutdown);

// 7. The same folder with workspaceDiagnostics "off": nothing scanned, watched or reported.
const off = { ...settings, workspaceDiagnostics: 'off' };
const quiet = await startServer(server, workspace, { initSettings: off, configSettings: off });
await quiet.connection.sendNotification(InitializedNotification.type, {});
await quiet.configured;
const offResult = await quiet.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
  identifier: 'pulumi-token-lsp', previousResultIds: [], partialResultToken: crypto.randomUUID(),
});
check('workspaceDiagnostics off: the pull is answered at once with no report', offResult?.items?.length === 0);
check('workspaceDiagnostics off: no scan progress and no `**/*` watcher', quiet.progress.size === 0
  && !quiet.registrations.some((r) => (r.registerOptions?.watchers ?? []).some((w) => w.globPattern === '**/*')));
await stopServer(quiet, tokens);

clearTimeout(timer);
fs.rmSync(work, { recursive: true, force: true });
console.log(`vscode workspace test: ${failureCount()} failure(s)`);
process.exit(failureCount() ? 1 : 0);
