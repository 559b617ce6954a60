// Protocol test: unpacks the .vsix, starts its bundled server exactly as the extension's server
// options make vscode-languageclient start it, and talks to it through vscode-jsonrpc /
// vscode-languageserver-protocol with VS Code's client capabilities (so diagnostics are pulled)
// and settings answered through workspace/configuration.
// Usage: node test/protocol_test.mjs EXTENSION.vsix
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CodeActionResolveRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest, InitializedNotification,
} from 'vscode-languageserver-protocol/node.js';
import {
  check, defaultSettings, failAfter, failureCount, makeToken, mask, startServer, stopServer, unpackVsix,
} from './lsp_session.mjs';

let skipped = false;
const timer = failAfter(30);

// 1. Unpack the .vsix the way a careless unzip does: no modes, so the server is not executable.
const { work, server } = unpackVsix(process.argv[2]);
check('the extension picks the bundled server', server.source === 'bundled', server.command);
check('the bundled server was made executable', (fs.statSync(server.command).mode & 0o111) !== 0);

// 2. Start it as the extension does, in an empty workspace folder (the workspace's files are
// workspace_test.mjs's subject). The settings a user might have: VS Code's defaults with two
// changed, answered through workspace/configuration; initializationOptions carry the defaults,
// so what the server applies comes from workspace/configuration.
const workspace = path.join(work, 'workspace');
fs.mkdirSync(workspace);
const settings = defaultSettings();
const userSettings = { ...settings, severity: 'warning', environmentVariable: 'MY_PULUMI_TOKEN' };
const session = await startServer(server, workspace, { initSettings: settings, configSettings: userSettings });
const { connection, init } = session;
check('the server offers pull diagnostics to VS Code', Boolean(init.capabilities.diagnosticProvider));
check('positions are UTF-16', (init.capabilities.positionEncoding ?? 'utf-16') === 'utf-16');
check('code actions are resolved (VS Code lists "edit" in resolveSupport)',
  init.capabilities.codeActionProvider?.resolveProvider === true);
await connection.sendNotification(InitializedNotification.type, {});
await session.configured;
check('the server asked for the pulumiTokenLsp settings', true);

// 3. A TypeScript file with emoji and CJK before the token on its line.
const token = makeToken('pulumi-token-lsp vscode protocol test');
const uri = pathToFileURL(path.join(workspace, 'index.ts')).href;
const lines = [
  'import * as pulumi from "@pulumi/pulumi";',
  `const banner = "🚀 部署 ok"; const token = "${token}";`,
  'export const name = pulumi.getStack();',
  '',
];
let text = lines.join('\n');
await connection.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'typescript', version: 1, text },
});
const first = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
const items = first.items ?? [];
check('one diagnostic is pulled', items.length === 1, `${items.length} items`);
const diag = items[0] ?? { range: { start: {}, end: {} } };
const column = lines[1].indexOf(token); // JavaScript string indices are UTF-16 code units.
check('it starts at the token (UTF-16 column after emoji and CJK)',
  diag.range.start.line === 1 && diag.range.start.character === column, `line 1, character ${column}`);
check('it spans the 44 UTF-16 units of the token',
  diag.range.end.line === 1 && diag.range.end.character === column + 44);
check('severity comes from workspace/configuration (warning)', diag.severity === 2, `severity ${diag.severity}`);
check('code and source', diag.code === 'pulumi-access-token' && diag.source === 'pulumi-token-lsp');
check('the message masks the token', String(diag.message).startsWith('Hard-coded Pulumi access token')
  && !String(diag.message).includes(token), `${mask(token)} masked`);
check('nothing is pushed to a pulling client', session.pushed() === 0);

// 4. The preferred quick fix, applied as VS Code applies a WorkspaceEdit.
const actions = await connection.sendRequest(CodeActionRequest.type, {
  textDocument: { uri }, range: diag.range, context: { diagnostics: items, triggerKind: 1 },
});
// The fix-all source action comes without its edit, which costs a pass over the file per
// token; VS Code resolves it when the user picks it.
const fixAll = (actions ?? []).find((a) => a.kind === 'source.fixAll.pulumi-token-lsp');
check('the fix-all action is offered without its edit, to be resolved',
  Boolean(fixAll) && fixAll.edit === undefined && fixAll.data?.uri === uri);
if (fixAll) {
  const resolved = await connection.sendRequest(CodeActionResolveRequest.type, fixAll);
  const all = applyWorkspaceEdit(text, uri, resolved.edit);
  check('codeAction/resolve fills in an edit that reads the variable instead of the token',
    !all.includes(token) && all.includes('requireEnv("MY_PULUMI_TOKEN")'), resolved.title);
}
const preferred = (actions ?? []).find((a) => a.kind === 'quickfix' && a.isPreferred);
if (!preferred) {
  console.log('SKIP code action: the server returned no preferred quick fix yet '
    + `(${(actions ?? []).length} actions); the code-action steps did not run`);
  skipped = true;
} else {
  console.log(`     applying "${preferred.title}"`);
  text = applyWorkspaceEdit(text, uri, preferred.edit);
  check('the token is gone from the buffer', !text.includes(token));
  const fixedLine = text.split('\n').find((l) => l.includes('const banner'));
  check('the quoted literal now reads the configured variable',
    fixedLine === 'const banner = "🚀 部署 ok"; const token = requireEnv("MY_PULUMI_TOKEN");', fixedLine);
  check('the requireEnv helper is added once', text.split('function requireEnv(').length === 2);
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ text }],
  });
  const second = await connection.sendRequest(DocumentDiagnosticRequest.type, {
    textDocument: { uri }, previousResultId: first.resultId,
  });
  check('the diagnostic is gone after the fix', second.kind === 'full' && second.items.length === 0,
    `${second.kind}, ${second.items?.length} items`);
}

await stopServer(session, [token]);
clearTimeout(timer);
fs.rmSync(work, { recursive: true, force: true });
console.log(`vscode protocol test: ${failureCount()} failure(s)${skipped ? ', code-action steps SKIPPED' : ''}`);
// 77: CTest's SKIP_RETURN_CODE, so a partly run test never reads as a pass.
process.exit(failureCount() ? 1 : skipped ? 77 : 0);

/** Applies the edits of `edit` (documentChanges or changes) for `uri` to `text`. */
function applyWorkspaceEdit(text, uri, edit) {
  const edits = [];
  for (const change of edit?.documentChanges ?? []) if (change.textDocument?.uri === uri) edits.push(...change.edits);
  edits.push(...(edit?.changes?.[uri] ?? []));
  const offset = (pos) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts[pos.line] + pos.character;
  };
  const spans = edits.map((e) => [offset(e.range.start), offset(e.range.end), e.newText]).sort((a, b) => b[0] - a[0]);
  for (const [start, end, newText] of spans) text = text.slice(0, start) + newText + text.slice(end);
  return text;
}
