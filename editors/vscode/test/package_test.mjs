// Inspects the packaged .vsix: the manifest, the compiled extension, its runtime dependency and the
// server binary, present and executable. Usage: node test/package_test.mjs EXTENSION.vsix
import { readZip } from './zip_reader.mjs';

const vsix = process.argv[2];
const entries = new Map(readZip(vsix).map((e) => [e.name, e]));
let failures = 0;
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures++;
}

for (const name of [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/out/src/extension.js',
  'extension/out/src/server_command.js',
  'extension/node_modules/vscode-languageclient/package.json',
]) {
  check(`contains ${name}`, entries.has(name));
}
const server = entries.get('extension/bin/pulumi-token-lsp');
check('contains extension/bin/pulumi-token-lsp', Boolean(server));
if (server) {
  check('server binary is executable', (server.mode & 0o111) === 0o111, `mode ${(server.mode & 0o7777).toString(8)}`);
  const head = server.read().subarray(0, 4);
  check('server binary is an ELF executable', head.toString('latin1') === '\x7fELF');
}
const manifest = JSON.parse(entries.get('extension/package.json')?.read().toString() ?? '{}');
check('package.json main is packaged', entries.has(`extension/${manifest.main?.replace(/^\.\//, '')}`), manifest.main);
const leaked = [...entries.keys()].filter((n) => /^extension\/(src|test)\/|\.ts$/.test(n));
check('no sources or tests are packaged', leaked.length === 0, leaked.slice(0, 3).join(', '));
console.log(`${vsix}: ${entries.size} entries, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
