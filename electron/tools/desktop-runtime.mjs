// What the desktop app needs besides our code, prepared for development runs (`npm start`, Electron tests):
// the Electron binary (downloaded on first use) and a better-sqlite3 built for Electron's ABI, kept apart from
// the Node build in node_modules that the CLI and the tests use.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './bundle-electron.mjs';

const require = createRequire(import.meta.url);
const electronDir = join(root, 'node_modules', 'electron');
export const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** The Electron executable if it is on disk, without trying to download it. */
export function installedElectronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Downloads Electron where it is missing; throws a sentence a person can act on when that is impossible. */
export function ensureElectronBinary() {
  const present = installedElectronBinary();
  if (present) return present;
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  const binary = installedElectronBinary();
  if (download.status !== 0 || !binary) {
    throw new Error(
      `The Electron ${electronVersion} runtime could not be downloaded (it comes from GitHub). ` +
        'Run "npm run start:web" to use Isopatch in your browser instead.',
    );
  }
  return binary;
}

export const nativeBindingPath = join(
  root,
  'dist',
  'native',
  `electron-${electronVersion}`,
  'better_sqlite3.node',
);

/** better_sqlite3.node for Electron's ABI: a prebuilt one where it can be fetched, else compiled with node-gyp. */
export function ensureNativeBinding() {
  if (existsSync(nativeBindingPath)) return nativeBindingPath;
  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = join(root, 'dist', 'native', 'work', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion],
    { cwd: work, stdio: 'inherit' },
  );
  if (prebuilt.status !== 0) {
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
    const compiled = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio: 'inherit' },
    );
    if (compiled.status !== 0) {
      throw new Error(
        `better-sqlite3 could not be built for Electron ${electronVersion}; see the messages above.`,
      );
    }
  }
  mkdirSync(join(nativeBindingPath, '..'), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), nativeBindingPath);
  rmSync(join(root, 'dist', 'native', 'work'), { recursive: true, force: true });
  return nativeBindingPath;
}
