// Builds everything the app, the CLI and the tests run: the renderer (Vite) and the Node/Electron entries (esbuild).
import { join } from 'node:path';
import { build as buildRenderer } from 'vite';
import { bundleElectron, root } from './bundle-electron.mjs';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
await buildRenderer({
  configFile: join(root, 'vite.config.ts'),
  root: join(root, 'renderer'),
  logLevel: 'warn',
});
await bundleElectron();
