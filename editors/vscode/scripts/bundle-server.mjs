// Copies the server binary into bin/ for `npm run package`, without debug info, with its
// executable bit.
// Source: $PTL_SERVER, else the repository's build/pulumi-token-lsp.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const source = process.env.PTL_SERVER || path.resolve(root, '../../build/pulumi-token-lsp');
if (!fs.existsSync(source)) {
  console.error(`bundle-server: no server binary at ${source}; build it or set PTL_SERVER`);
  process.exit(1);
}
const target = path.join(root, 'bin', 'pulumi-token-lsp');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
// Debug info is most of a RelWithDebInfo binary; the extension does not need it.
spawnSync('strip', ['--strip-debug', target], { stdio: 'inherit' });
fs.chmodSync(target, 0o755);
console.log(`bundle-server: ${source} -> bin/pulumi-token-lsp`);
