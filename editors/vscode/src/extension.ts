// VS Code entry point: starts pulumi-token-lsp over stdio for every file and offers a restart
// command. Diagnostics, hovers and code actions come from the server through vscode-languageclient.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { kDocumentSelector, resolveServerCommand } from './server_command';

const kSection = 'pulumiTokenLsp';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Pulumi Token LSP');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(`${kSection}.restartServer`, restart),
    vscode.commands.registerCommand(`${kSection}.showOutput`, () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${kSection}.server`)) await restart();
    }),
  );
  await start(context);
  context.subscriptions.push({ dispose: () => void stop() });

  async function restart(): Promise<void> {
    output?.appendLine('Restarting pulumi-token-lsp');
    await stop();
    await start(context);
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}

/** The pulumiTokenLsp settings sent as initializationOptions, before workspace/configuration. */
function currentSettings(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(kSection)));
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration(kSection);
  const server = resolveServerCommand(
    config.get<string>('server.path', ''),
    context.extensionPath,
    config.get<string>('server.logLevel', 'info'),
  );
  output?.appendLine(`Starting ${server.command} (${server.source}) ${server.args.join(' ')}`);
  const serverOptions: ServerOptions = {
    run: { command: server.command, args: server.args, transport: TransportKind.stdio },
    debug: { command: server.command, args: server.args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: kDocumentSelector,
    outputChannel: output,
    initializationOptions: { [kSection]: currentSettings() },
  };
  // The id `pulumiTokenLsp` makes the client read the `pulumiTokenLsp.trace.server` setting.
  client = new LanguageClient(kSection, 'Pulumi Token LSP', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output?.appendLine(`Could not start ${server.command}: ${message}`);
    void vscode.window.showErrorMessage(
      `Pulumi Token LSP: could not start ${server.command}. Set pulumiTokenLsp.server.path or put pulumi-token-lsp on PATH.`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}
