// How the extension finds and starts the server. Kept free of the `vscode` module so that the
// protocol test (test/protocol_test.mjs) starts the server with exactly these options.
import * as fs from 'fs';
import * as path from 'path';

export const kServerName = 'pulumi-token-lsp';

/** Where the server binary came from, for the output channel. */
export type ServerSource = 'setting' | 'bundled' | 'PATH';

export interface ServerCommand {
  command: string;
  args: string[];
  source: ServerSource;
}

/**
 * Picks the server binary: `configuredPath` when non-empty, else `<extensionPath>/bin/pulumi-token-lsp`
 * when it exists, else `pulumi-token-lsp` looked up on PATH by the OS. A bundled binary that lost its
 * executable bit (some unzip tools drop it) is made executable again. Never throws; a missing
 * binary shows up as a start failure in the language client.
 */
export function resolveServerCommand(configuredPath: string, extensionPath: string, logLevel: string): ServerCommand {
  // vscode-languageclient appends --stdio itself for TransportKind.stdio.
  const args = [`--log=${['error', 'info', 'debug'].includes(logLevel) ? logLevel : 'info'}`];
  if (configuredPath.trim() !== '') return { command: configuredPath.trim(), args, source: 'setting' };
  const bundled = path.join(extensionPath, 'bin', kServerName);
  if (fs.existsSync(bundled)) {
    ensureExecutable(bundled);
    return { command: bundled, args, source: 'bundled' };
  }
  return { command: kServerName, args, source: 'PATH' };
}

/** Adds the execute bits to `file` when its owner cannot execute it; errors are ignored. */
export function ensureExecutable(file: string): void {
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o100) === 0) fs.chmodSync(file, mode | 0o755);
  } catch {
    // Read-only installs keep their mode; starting the server then reports the real error.
  }
}

/**
 * The document selector: every document the server can read, in any language, so the extension
 * runs beside the language's own server. Notebook cells are documents of their own (scheme
 * `vscode-notebook-cell`, language `python` for a Jupyter code cell), so a token in a cell gets
 * the Python fixes; a `.ipynb` opened as text gets the notebook fixes.
 */
export const kDocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-notebook-cell' },
];
