// Bundles the Node/Electron entries (main, preload, CLI, web server) into dist/electron with esbuild.
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function bundleElectron() {
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'electron/main.ts',
      preload: 'electron/preload.ts',
      cli: 'electron/cli.ts',
      web: 'electron/web.ts',
      'job-worker': 'electron/job-worker.ts',
    },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    loader: { '.sql': 'text' },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  chmodSync(join(root, 'dist', 'electron', 'cli.cjs'), 0o755);
}
