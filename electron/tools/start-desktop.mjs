// `npm start`: the desktop app from this checkout. Extra arguments go to the app (e.g. `npm start -- --db FILE`).
import { spawn } from 'node:child_process';
import { root } from './bundle-electron.mjs';
import { ensureElectronBinary, ensureNativeBinding } from './desktop-runtime.mjs';

let electron;
try {
  electron = ensureElectronBinary();
  ensureNativeBinding();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
