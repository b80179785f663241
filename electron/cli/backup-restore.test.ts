import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tableChecksums } from '../testing/table-checksums';
import { tempDir } from '../testing/temp';

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'electron');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A database with devices and, from a second start, its daily backup. */
function databaseWithBackup() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  writeFileSync(
    join(dir, 'devices.csv'),
    'Asset Tag,Model,Department\nA-1,Symbia T16,NM\nA-2,Biograph mCT,PET\n',
  );
  expect(isopatchOn(db, 'import-devices', join(dir, 'devices.csv')).code).toBe(0);
  expect(isopatchOn(db, 'status').code).toBe(0); // the first start of an existing file makes the daily backup
  const listed = JSON.parse(isopatchOn(db, 'restore', '--json').stdout) as { backups: { path: string }[] };
  const backup = listed.backups[0]?.path ?? '';
  expect(existsSync(backup)).toBe(true);
  return { dir, db, backup };
}

const damage: [string, (path: string) => void][] = [
  ['a truncated file', (p) => truncateSync(p, Math.floor(readFileSync(p).length / 2) + 100)],
  [
    'a file with damaged pages',
    (p) => {
      const fd = openSync(p, 'r+');
      writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 4096 * 2);
      closeSync(fd);
    },
  ],
  [
    'a file that is not SQLite',
    (p) => writeFileSync(p, 'Inventarnummer;Hersteller\n000123;Siemens\n'.repeat(100)),
  ],
  [
    'a database of a newer schema',
    (p) => {
      const db = new Database(p);
      db.pragma('user_version = 99');
      db.close();
    },
  ],
];

describe('isopatch restore', () => {
  it.each(damage)(
    'refuses %s naming the restore command, and restores keeping the file aside',
    (_case, spoil) => {
      const { db, backup } = databaseWithBackup();
      spoil(db);
      const damaged = sha(db);

      const refused = isopatchOn(db, 'devices', '--json');
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(`Isopatch did not open ${db}`);
      expect(refused.stderr).toContain(`To restore it: isopatch restore "${backup}"`);
      expect(sha(db)).toBe(damaged);

      const restored = isopatchOn(db, 'restore', backup, '--json');
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      const { keptAs } = JSON.parse(restored.stdout) as { keptAs: string[] };
      expect(keptAs[0]).toMatch(/isopatch\.sqlite\.damaged-\d{8}-\d{9}$/);
      expect(sha(keptAs[0] ?? '')).toBe(damaged);

      const devices = isopatchOn(db, 'devices', '--json');
      expect(devices.code).toBe(0);
      expect(JSON.parse(devices.stdout).map((d: { assetTag: string }) => d.assetTag)).toEqual(['A-1', 'A-2']);
    },
  );

  it('lists the backups with their times when no BACKUP is named', () => {
    const { db, backup } = databaseWithBackup();
    writeFileSync(db, 'garbage, not a database');
    const list = isopatchOn(db, 'restore');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/newest first/);
    expect(list.stdout).toMatch(
      new RegExp(`\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\s+daily\\s+\\d+ bytes\\s+${backup}`),
    );
  });
});

/** `node dist/electron/web.cjs` on the database, as `npm run start:web` runs it: the app, running. */
async function runningApp(db: string): Promise<{ origin: string; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(DIST, 'web.cjs'), '--db', db, '--port', '0']);
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  let out = '';
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the web app exited with ${code}`)));
  });
  return { origin: url.origin, token: url.hash.replace('#token=', ''), child };
}

function post(app: { origin: string; token: string }, operation: string, body: unknown): Promise<unknown> {
  const url = new URL(`/api/${operation}`, app.origin);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'x-isopatch-token': app.token } }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('isopatch backup --out', () => {
  it('copies the database while the app runs; the copy, moved elsewhere, has every table the same', async () => {
    const dir = tempDir();
    const db = join(dir, 'isopatch.sqlite');
    const app = await runningApp(db);
    const lines = ['Asset Tag,Manufacturer,Model,Department,OS'];
    for (let i = 0; i < 500; i++) lines.push(`T-${i},Siemens,Symbia T16,Nuclear Medicine,Windows 7`);
    const imported = await post(app, 'importDevices', {
      fileName: 'devices.csv',
      content: Buffer.from(lines.join('\n')).toString('base64'),
    });
    expect(imported).toMatchObject({ ok: true });
    // The app's changes still sit in its -wal: a plain copy of isopatch.sqlite alone would miss them.
    expect(readFileSync(`${db}-wal`).length).toBeGreaterThan(0);

    const out = join(dir, 'copy.sqlite');
    const run = isopatchOn(db, 'backup', '--out', out, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ file: out, bytes: readFileSync(out).length });

    const otherMachine = join(tempDir(), 'isopatch.sqlite');
    copyFileSync(out, otherMachine);
    const live = tableChecksums(db); // read while the app still has the file open
    expect(Object.keys(live).length).toBeGreaterThan(20);
    expect(tableChecksums(otherMachine)).toEqual(live);
    expect(isopatchOn(otherMachine, 'status').code).toBe(0);

    const again = isopatchOn(db, 'backup', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already; choose a new file name/);
  });
});
