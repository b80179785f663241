// Importing a 100,000-row inventory end to end (the CLI, all validation, one transaction into a fresh database)
// beside the sqlite3 shell's plain `.import` of the same file into memory.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeInventory } from './inventory.mjs';
import { root, summary, withTempDir } from './measure.mjs';

const ROWS = 100_000;
const RUNS = 3;

function timed(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

/** The insert alone, into an empty database of the same schema (made by `isopatch status`); see insert-floor.cjs. */
function insertFloor(imported, empty) {
  timed(process.execPath, [join(root, 'dist', 'electron', 'cli.cjs'), '--db', empty, 'status']);
  const result = spawnSync(
    process.execPath,
    [join(root, 'e2e', 'bench', 'insert-floor.cjs'), imported, empty],
    {
      encoding: 'utf8',
      cwd: root,
    },
  );
  if (result.status !== 0) throw new Error(`insert-floor failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

/** `isopatch import-devices FILE` into DB, with the process's peak memory (report-rss.cjs prints it). */
function importWithPeak(db, file) {
  const { ms, stderr } = timed(process.execPath, [
    '-r',
    join(root, 'e2e', 'bench', 'report-rss.cjs'),
    join(root, 'dist', 'electron', 'cli.cjs'),
    '--db',
    db,
    'import-devices',
    file,
  ]);
  return { ms, peakKb: Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? 0) };
}

export async function run() {
  return withTempDir(async (dir) => {
    const file = join(dir, 'inventory.csv');
    writeInventory(file, ROWS);
    const megabytes = statSync(file).size / 1024 / 1024;
    const sqlite = [];
    const isopatch = [];
    const floor = [];
    const again = [];
    let peakKb = 0;
    let againPeakKb = 0;
    for (let i = 0; i < RUNS; i++) {
      sqlite.push(timed('sqlite3', ['-csv', ':memory:', `.import ${file} t`]).ms);
      const db = join(dir, `run-${i}.sqlite`);
      const first = importWithPeak(db, file);
      isopatch.push(first.ms);
      peakKb = Math.max(peakKb, first.peakKb);
      floor.push(insertFloor(db, join(dir, `floor-${i}.sqlite`)));
      // The monthly refresh: the same export again, every device found and unchanged.
      const rerun = importWithPeak(db, file);
      again.push(rerun.ms);
      againPeakKb = Math.max(againPeakKb, rerun.peakKb);
    }
    const ratio = summary(isopatch).median / summary(sqlite).median;
    const floorRatio = summary(floor).median / summary(sqlite).median;
    return [
      {
        name: `import: sqlite3 .import of ${ROWS} rows (${megabytes.toFixed(1)} MB) into :memory:`,
        ms: summary(sqlite),
      },
      { name: 'import: isopatch import-devices of the same file (fresh database)', ms: summary(isopatch) },
      { name: 'import: isopatch / sqlite3 (goal at most 3x)', text: `${ratio.toFixed(1)}x` },
      {
        name: 'import: floor, the imported devices as stored, inserted alone into the device table (better-sqlite3)',
        ms: summary(floor),
      },
      { name: 'import: floor / sqlite3', text: `${floorRatio.toFixed(1)}x` },
      {
        name: 'import: peak memory of the import (goal under 500 MB)',
        text: `${(peakKb / 1024).toFixed(0)} MB`,
      },
      { name: 'import: the same file again into that database (all unchanged)', ms: summary(again) },
      {
        name: 'import: peak memory of importing it again',
        text: `${(againPeakKb / 1024).toFixed(0)} MB`,
      },
    ];
  });
}
