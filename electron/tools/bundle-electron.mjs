// Bundles the Node/Electron entries (main, preload, CLI, web server) into dist/electron with esbuild.
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Large libraries only some operations need, each bundled as a file of its own and loaded on first use: parsing
 * them cost every start of the CLI and the app about 65 ms of its 190 (measured). The app's code imports them
 * with a dynamic import(), which this plugin points at the separate file.
 */
const LAZY = {
  exceljs: { file: 'vendor/exceljs', entry: 'exceljs' },
  './csaf-validator-lib': {
    file: 'vendor/csaf-validator-lib',
    entry: 'electron/core/advisories/csaf/csaf-validator-lib.ts',
  },
};
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).map(escaped).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./${LAZY[args.path].file}.cjs`, external: true } : undefined,
    );
  },
};

/** CommonJS for Node 20 and Electron, into dist/electron. */
const NODE_BUNDLE = {
  absWorkingDir: root,
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
};

export async function bundleElectron() {
  await build({
    ...NODE_BUNDLE,
    entryPoints: Object.fromEntries(Object.values(LAZY).map(({ file, entry }) => [file, entry])),
  });
  await build({
    ...NODE_BUNDLE,
    plugins: [lazyLibraries],
    // import() as require(): Electron loads the vendor files from the app's asar archive through require.
    supported: { 'dynamic-import': false },
    entryPoints: {
      main: 'electron/main.ts',
      preload: 'electron/preload.ts',
      cli: 'electron/cli.ts',
      web: 'electron/web.ts',
      'job-worker': 'electron/job-worker.ts',
    },
    external: ['electron', 'better-sqlite3'],
    loader: { '.sql': 'text' },
    sourcemap: 'linked',
  });
  chmodSync(join(root, 'dist', 'electron', 'cli.cjs'), 0o755);
}
