// Reliability (README, "Reliability"): SIGKILL during long writes, and fuzzing of the importers and every operation.
// Prints counts, not times; a failure (a damaged file, a state neither before nor after, an untyped answer, a
// changed database after a rejected input) stops the benchmark with the seed that reproduces it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root, withTempDir } from './measure.mjs';

const KILLS_PER_OPERATION = Number(process.env.ISOPATCH_BENCH_KILLS ?? 20);
const FUZZ_PER_IMPORTER = Number(process.env.ISOPATCH_BENCH_FUZZ ?? 10_000);
const CRASHES = [
  ['import-devices', 20_000],
  ['plan --apply', 3_000],
  ['undo-import', 20_000],
];
const FUZZ = [
  ['inventory', 'CSV/XLSX importer'],
  ['advisory', 'CSAF importer'],
  ['site-model', 'site-model JSON'],
  ['operations', 'every router operation (random operation and input)'],
];

async function scenario() {
  const outfile = join(root, 'dist', 'bench', 'reliability-scenario.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['e2e/bench/reliability-scenario.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'exceljs', '@secvisogram/csaf-validator-lib'],
    loader: { '.sql': 'text' },
    // fuzz.ts finds its CSAF fixture beside the sources.
    define: { 'import.meta.dirname': JSON.stringify(join(root, 'electron', 'testing')) },
    logLevel: 'warning',
  });
  return createRequire(join(root, 'package.json'))(outfile);
}

export async function run() {
  const { crash, fuzzTarget } = await scenario();
  const cli = join(root, 'dist', 'electron', 'cli.cjs');
  const seed = Number(process.env.ISOPATCH_BENCH_SEED ?? Date.now() % 1_000_000);
  const rows = [];
  // Each figure is also printed as it comes: the whole run takes a while.
  const add = (row) => {
    rows.push(row);
    console.error(`reliability: ${row.name}: ${row.text}`);
  };
  let killed = 0;
  for (const [operation, size] of CRASHES) {
    const report = await withTempDir((dir) => crash(cli, dir, operation, size, KILLS_PER_OPERATION, seed));
    if (report.failures.length > 0)
      throw new Error(`crash safety (seed ${seed}): ${report.failures.join('; ')}`);
    killed += report.killed;
    add({
      name: `crash: ${operation} (${size.toLocaleString('en')}), SIGKILL at random moments of a ${report.referenceMs.toFixed(0)} ms run: survived (as before / as after; finished first)`,
      text: `${report.killed} (${report.before} / ${report.after}; ${report.finishedFirst})`,
    });
  }
  add({
    name: `crash: runs killed and survived, integrity_check ok and every table before or after (seed ${seed})`,
    text: String(killed),
  });
  let inputs = 0;
  for (const [target, label] of FUZZ) {
    const stats = await withTempDir((dir) => fuzzTarget(dir, target, FUZZ_PER_IMPORTER, seed));
    inputs += stats.inputs;
    add({
      name: `fuzz: ${label}: inputs (accepted / rejected with a typed error, db unchanged), slowest ${stats.slowestMs.toFixed(0)} ms`,
      text: `${stats.inputs} (${stats.accepted} / ${stats.rejected})`,
    });
  }
  add({
    name: `fuzz: generated inputs, all answered in time and typed (seed ${seed})`,
    text: String(inputs),
  });
  return rows;
}
