/**
 * Kills the CLI with SIGKILL at random moments of a long write and checks what is left: `PRAGMA integrity_check`
 * is ok and every table holds exactly the state before the operation or exactly the state after it. Used by a
 * quick test (a few kills) and by `npm run bench` (dozens). No vitest import, so the benchmark can bundle it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { integrityCheck, type TableChecksums, tableChecksums } from './table-checksums';

export type CrashOperation = 'import-devices' | 'plan --apply' | 'undo-import';

export interface CrashOptions {
  readonly cli: string;
  readonly workDir: string;
  readonly operation: CrashOperation;
  readonly kills: number;
  /** Size of the operation: rows of the imported file, or devices to plan. */
  readonly size: number;
  readonly seed: number;
}

export interface CrashReport {
  readonly operation: CrashOperation;
  readonly size: number;
  readonly referenceMs: number;
  /** Runs killed while the process was alive: `kills` of them, unless runs kept ending first (then fewer). */
  readonly killed: number;
  /** Of those, how many left the state before and how many the state after. */
  readonly before: number;
  readonly after: number;
  /** Runs that ended before their kill came (checked the same way, not counted as crashes). */
  readonly finishedFirst: number;
  /** Anything else: a damaged file or a state that is neither; the test fails on any. */
  readonly failures: readonly string[];
}

const DEPARTMENTS = ['Nuclear Medicine', 'Radiology', 'Cardiology', 'Oncology'];
const EVERY_DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;

/**
 * The operation stamps "now" on what it writes (audit entries, updated_at), so two runs never match byte for
 * byte. Instants inside a run's own time span become one placeholder; everything else is compared as it is.
 */
const maskRun = (from: number, to: number) => (text: string) =>
  text.replace(ISO_INSTANT, (instant) => {
    const t = Date.parse(instant);
    return t >= from - 5 && t <= to + 5 ? '<the operation time>' : instant;
  });

export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const random = mulberry32(options.seed);
  const base = join(options.workDir, 'before');
  mkdirSync(base, { recursive: true });
  const { args } = await prepare(options, base);
  const beforeDb = join(base, 'isopatch.sqlite');

  const reference = await runOperation(options.cli, copyOf(base, join(options.workDir, 'reference')), args);
  // How long a whole run takes; it shrinks to the quickest run seen, so kills on a busy machine stay inside runs.
  let referenceMs = reference.end - reference.start;
  if (reference.code !== 0 && reference.code !== 1)
    throw new Error(
      `${options.operation} failed without a kill (exit ${reference.code}): ${reference.stderr}`,
    );
  const after = tableChecksums(reference.db, maskRun(reference.start, reference.end));
  // Otherwise "before or after" would hold for any file at all.
  if (same(after, tableChecksums(beforeDb, maskRun(reference.start, reference.end))))
    throw new Error(`${options.operation} changed nothing, so a crash in it proves nothing.`);

  let killed = 0;
  let before = 0;
  let afterCount = 0;
  let finishedFirst = 0;
  const failures: string[] = [];
  // Until `kills` runs were killed alive; a run that ended before its kill is checked too, but not counted.
  for (let i = 0; killed < options.kills && i < options.kills * 3; i++) {
    // Half anywhere from the process start to a little past the reference run's end, half in its last third,
    // where the transaction commits and the log is checkpointed into the file.
    const delay = (random() < 0.5 ? random() * 1.1 : 0.7 + random() * 0.4) * referenceMs;
    const trialDir = copyOf(base, join(options.workDir, `trial-${i}`));
    const run = await runOperation(options.cli, trialDir, args, delay);
    const wasKilled = run.signal === 'SIGKILL';
    if (wasKilled) killed++;
    else {
      finishedFirst++;
      referenceMs = Math.min(referenceMs, run.end - run.start);
    }
    const check = integrityCheck(run.db);
    if (check !== 'ok') {
      failures.push(`trial ${i} (kill after ${delay.toFixed(0)} ms): integrity_check says ${check}`);
      continue;
    }
    const mask = maskRun(run.start, run.end);
    const state = tableChecksums(run.db, mask);
    if (same(state, tableChecksums(beforeDb, mask))) {
      if (wasKilled) before++;
    } else if (same(state, after)) {
      if (wasKilled) afterCount++;
    } else {
      failures.push(
        `trial ${i} (kill after ${delay.toFixed(0)} ms): tables ${differing(state, after).join(', ')} are neither as before nor as after`,
      );
      continue; // a failing trial's files stay for a look
    }
    rmSync(trialDir, { recursive: true, force: true });
  }
  return {
    operation: options.operation,
    size: options.size,
    referenceMs,
    killed,
    before,
    after: afterCount,
    finishedFirst,
    failures,
  };
}

interface Run {
  readonly db: string;
  readonly start: number;
  readonly end: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function runOperation(cli: string, dir: string, args: readonly string[], killAfterMs?: number): Promise<Run> {
  const db = join(dir, 'isopatch.sqlite');
  const start = Date.now();
  const child: ChildProcess = spawn(process.execPath, [cli, '--db', db, ...args], {
    cwd: dir,
    env: { ...process.env, ISOPATCH_DB: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ db, start, end: Date.now(), code, signal, stderr });
    });
  });
}

/** The state before, as files: the closed database and its backups folder (so no start makes a daily backup). */
function copyOf(base: string, dir: string): string {
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Builds the state before the operation with the CLI itself and returns the operation's arguments. */
async function prepare(options: CrashOptions, dir: string): Promise<{ args: string[] }> {
  const cli = async (...args: string[]) => {
    const run = await runOperation(options.cli, dir, args);
    if (run.code !== 0 && run.code !== 1) throw new Error(`isopatch ${args.join(' ')} failed: ${run.stderr}`);
  };
  await cli('status');
  await cli('status'); // the second start makes the daily backup, which then exists in every copy
  if (options.operation === 'import-devices') {
    writeFileSync(join(dir, 'inventory.csv'), inventory(options.size, 'mixed'));
    return { args: ['import-devices', 'inventory.csv'] };
  }
  if (options.operation === 'undo-import') {
    writeFileSync(join(dir, 'inventory.csv'), inventory(options.size, 'unaffected'));
    await cli('import-devices', 'inventory.csv');
    return { args: ['undo-import', '1'] };
  }
  writeFileSync(join(dir, 'site.json'), JSON.stringify(siteModel()));
  writeFileSync(join(dir, 'inventory.csv'), inventory(options.size, 'affected'));
  await cli('site', 'import', 'site.json');
  await cli('import-devices', 'inventory.csv');
  return { args: ['plan', '--apply', '--from', dayWhollyAhead()] };
}

/**
 * An inventory export. Siemens Symbia T16 on Windows 7 is affected by ICSMA-17-215-02, so `affected` devices get
 * planned; `unaffected` ones are never touched by matching after the import (which would make undo refuse).
 */
function inventory(rows: number, kind: 'mixed' | 'affected' | 'unaffected'): string {
  const lines = [
    'Asset Tag,Serial Number,Manufacturer,Model,Modality,Department,IP Address,Operating System,Install Date',
  ];
  for (let i = 0; i < rows; i++) {
    const affected = kind === 'affected' || (kind === 'mixed' && i % 3 === 0);
    lines.push(
      [
        `BME-${String(i).padStart(6, '0')}`,
        `SN${1_000_000 + i}`,
        affected ? 'Siemens Healthineers' : 'Philips',
        affected ? 'Symbia T16' : 'IntelliVue MX450',
        affected ? 'NM' : 'MON',
        DEPARTMENTS[i % DEPARTMENTS.length],
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        affected ? 'Windows 7' : 'Linux',
        `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function siteModel() {
  const team = (name: string, kind: string) => ({
    name,
    kind,
    workDays: EVERY_DAY,
    start: '00:00',
    end: '23:59',
    dailyCapacityMinutes: 1440,
  });
  return {
    sites: [
      {
        name: 'Main site',
        timeZone: 'Europe/Berlin',
        departments: DEPARTMENTS.map((name) => ({
          name,
          maintenanceSlots: EVERY_DAY.map((day) => ({ day, start: '00:00', end: '23:59' })),
        })),
      },
    ],
    teams: [
      team('Network team', 'network'),
      team('Siemens field service', 'vendor-field-service'),
      team('Biomed', 'biomed'),
    ],
  };
}

/**
 * Planned from a day wholly ahead at the site, so every run of the day makes the same plan whatever the hour. The
 * day after tomorrow in UTC: UTC's tomorrow is already today in Berlin from 23:00 UTC, and a plan starting today
 * starts at "now", which differs from run to run (a failure seen at 23:20 UTC).
 */
function dayWhollyAhead(): string {
  return new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const same = (a: TableChecksums, b: TableChecksums) => differing(a, b).length === 0;
const differing = (a: TableChecksums, b: TableChecksums) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((table) => a[table] !== b[table]);

/** A small seeded generator, so a failing run can be repeated with its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
