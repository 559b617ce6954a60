// What the protocol tests share: checks that print one line each, tokens made at run time, the
// .vsix unpacked as a careless unzip does, and the server started and answered as VS Code's
// language client (vscode-languageclient 9) starts and answers it.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest, DiagnosticRefreshRequest, ExitNotification, InitializeRequest, PublishDiagnosticsNotification,
  RegistrationRequest, ShutdownRequest, WorkDoneProgress, WorkDoneProgressCreateRequest, createMessageConnection,
} from 'vscode-languageserver-protocol/node.js';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { readZip } from './zip_reader.mjs';

const require = createRequire(import.meta.url);
const capabilities = require('./vscode_client_capabilities.json');
const kDefaults = require('../package.json').contributes.configuration.properties;

let failures = 0;

/** Prints `ok` or `FAIL` with `what`; counts failures. Returns `ok`. */
export function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures++;
  return ok;
}

export function failureCount() {
  return failures;
}

/** What the tests print of a token: its first 8 characters. */
export const mask = (token) => `${token.slice(0, 8)}…`;

/** A realistic token for `seed`, built at run time: the repository holds none. */
export const makeToken = (seed) => 'pul' + '-' + crypto.createHash('sha1').update(seed).digest('hex');

/** Ends the process with code 1 after `seconds` unless cleared: a hung server fails the test. */
export function failAfter(seconds) {
  return setTimeout(() => {
    console.log(`FAIL timed out after ${seconds} s`);
    process.exit(1);
  }, seconds * 1000);
}

/**
 * Unpacks `vsix` into a new temporary directory the way a careless unzip does (no modes, so the
 * bundled server is not executable) and resolves the server as the extension does.
 * Returns { work, extensionPath, server } (server: resolveServerCommand's answer).
 */
export function unpackVsix(vsix) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-vscode-'));
  for (const entry of readZip(vsix)) {
    if (entry.name.endsWith('/')) continue;
    const target = path.join(work, entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.read(), { mode: 0o644 });
  }
  const extensionPath = path.join(work, 'extension');
  const { resolveServerCommand } = require(path.join(extensionPath, 'out/src/server_command.js'));
  return { work, extensionPath, server: resolveServerCommand('', extensionPath, 'info') };
}

/** The pulumiTokenLsp section as VS Code builds it from package.json's defaults. */
export function defaultSettings() {
  const settings = { vault: {}, server: {}, trace: {} };
  for (const [key, spec] of Object.entries(kDefaults)) {
    const parts = key.split('.').slice(1);
    if (parts.length === 2) settings[parts[0]][parts[1]] = spec.default;
    else settings[parts[0]] = spec.default;
  }
  return settings;
}

/**
 * Starts `server` as vscode-languageclient/lib/node/main.js does for an Executable with
 * TransportKind.stdio (the args plus --stdio, cwd the workspace folder) and sends `initialize`
 * with VS Code's capabilities, `workspace` as the one folder and `initSettings` as
 * initializationOptions. The server's requests are answered as VS Code answers them:
 * workspace/configuration with `configSettings`, registrations and window/workDoneProgress/create
 * accepted (and recorded), workspace/diagnostic/refresh counted.
 * Returns { connection, init, exited, stderr(), configured, registrations, progress, pushed(), refreshes() }:
 * `progress` maps each created token to the $/progress values received for it, in order.
 */
export async function startServer(server, workspace, { initSettings, configSettings }) {
  const child = spawn(server.command, [...server.args, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let configuredResolve;
  const configured = new Promise((resolve) => (configuredResolve = resolve));
  connection.onRequest(ConfigurationRequest.type, (params) => {
    configuredResolve();
    return params.items.map((item) => (item.section === 'pulumiTokenLsp' ? configSettings : null));
  });
  const registrations = [];
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
    return null;
  });
  const progress = new Map();
  connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    const values = [];
    progress.set(token, values);
    connection.onProgress(WorkDoneProgress.type, token, (value) => values.push(value));
    return null;
  });
  let refreshes = 0;
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    refreshes++;
    return null;
  });
  let pushed = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, () => pushed++);
  connection.listen();

  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'Visual Studio Code', version: '1.82.0' },
    locale: 'en',
    rootPath: workspace,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }],
    capabilities,
    initializationOptions: { pulumiTokenLsp: initSettings },
    trace: 'off',
  });
  return {
    connection, init, exited, configured, registrations, progress,
    stderr: () => stderr, pushed: () => pushed, refreshes: () => refreshes,
  };
}

/**
 * Shuts `session` down as VS Code does: the shutdown request must succeed (vscode-jsonrpc
 * rejects on an error reply), then exit must end the process with code 0. Checks that the
 * server's log holds none of `tokens`.
 */
export async function stopServer(session, tokens) {
  const { connection } = session;
  const shutdown = await connection.sendRequest(ShutdownRequest.type).then(
    (result) => ({ ok: true, result }), (error) => ({ ok: false, error: String(error?.message ?? error) }));
  check('the shutdown request succeeds', shutdown.ok && shutdown.result === null, JSON.stringify(shutdown));
  await connection.sendNotification(ExitNotification.type);
  const code = await session.exited;
  check('the server exits 0 after shutdown and exit', code === 0, `exit code ${code}`);
  check('the server log never holds a full token', tokens.every((t) => !session.stderr().includes(t)));
  connection.dispose();
}
