// Small helpers shared by the benchmarks: timing, summaries and fresh folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median, min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

export async function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'isopatch-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node dist/electron/web.cjs --db FILE`, as `npm run start:web` runs it; resolves with the printed address. */
export async function startWebApp(db) {
  const { spawn } = await import('node:child_process');
  const started = performance.now();
  const server = spawn(process.execPath, [join(root, 'dist', 'electron', 'web.cjs'), '--db', db]);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  return { server, url, listeningAfter: performance.now() - started, started };
}

/**
 * Bundles a TypeScript scenario of the core (e2e/bench/NAME.ts) with esbuild and loads it. The bundle goes inside
 * the project, so that it finds better-sqlite3 in node_modules.
 */
export async function loadScenario(name) {
  const { build } = await import('esbuild');
  const { createRequire } = await import('node:module');
  const outfile = join(root, 'dist', 'bench', `${name}.cjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [`e2e/bench/${name}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    loader: { '.sql': 'text' },
    logLevel: 'warning',
  });
  return createRequire(join(root, 'package.json'))(outfile);
}
