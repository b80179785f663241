import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isopatchOn } from '../../testing/cli';
import { integrityCheck, tableChecksums } from '../../testing/table-checksums';
import { tempDir } from '../../testing/temp';
import { DISK_FULL_MESSAGE } from './storage-errors';

/**
 * A full disk, made portable: RLIMIT_FSIZE (`ulimit -f`) lets no file of the process grow past a size, and with
 * SIGXFSZ ignored the write fails with EFBIG as it would with ENOSPC on a full disk. Linux and macOS only.
 */
const DIST = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron');
const withFileLimit = (kib: number, entry: string, args: string[]) => [
  '-c',
  `trap "" XFSZ; ulimit -f ${kib}; exec "$0" "$@"`,
  process.execPath,
  join(DIST, entry),
  ...args,
];

/** A database with a few devices, started twice so the daily backup exists and no start writes much. */
function smallHospital() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  writeFileSync(join(dir, 'few.csv'), 'Asset Tag,Model\nA-1,Symbia T16\nA-2,Biograph mCT\n');
  expect(isopatchOn(db, 'import-devices', join(dir, 'few.csv')).code).toBe(0);
  expect(isopatchOn(db, 'status').code).toBe(0);
  const lines = ['Asset Tag,Manufacturer,Model,Department,OS,Notes'];
  for (let i = 0; i < 5000; i++)
    lines.push(`BIG-${i},Siemens,Symbia T16,Nuclear Medicine,Windows 7,${'n'.repeat(200)}`);
  writeFileSync(join(dir, 'big.csv'), lines.join('\n'));
  // Room for the database as it is and half a megabyte more: the big import's log needs several.
  const limitKib = Math.ceil(statSync(db).size / 1024) + 512;
  return { dir, db, big: join(dir, 'big.csv'), limitKib, before: tableChecksums(db) };
}

describe('a full disk', () => {
  it('makes the CLI say so in one sentence; the database is unchanged and still opens', () => {
    const { db, big, limitKib, before } = smallHospital();
    const run = spawnSync('bash', withFileLimit(limitKib, 'cli.cjs', ['--db', db, 'import-devices', big]), {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(DISK_FULL_MESSAGE);
    expect(run.status).toBe(2);
    expect(integrityCheck(db)).toBe('ok');
    expect(tableChecksums(db)).toEqual(before);
    expect(isopatchOn(db, 'status').code).toBe(0);
  });

  it('makes the router answer DISK_FULL, and the running app goes on working', async () => {
    const { db, big, limitKib, before } = smallHospital();
    const app = await startLimitedWebApp(db, limitKib);
    const content = (await import('node:fs')).readFileSync(big).toString('base64');
    const refused = await post(app, 'importDevices', { fileName: 'big.csv', content });
    expect(refused).toEqual({ ok: false, error: { code: 'DISK_FULL', message: DISK_FULL_MESSAGE } });
    const small = Buffer.from('Asset Tag,Model\nA-3,Symbia S\n').toString('base64');
    expect(await post(app, 'importDevices', { fileName: 'one.csv', content: small })).toMatchObject({
      ok: true,
    });
    expect(await post(app, 'getStatus', {})).toMatchObject({ ok: true, value: { counts: { device: 3 } } });
    app.child.kill('SIGTERM');
    await new Promise((resolve) => app.child.once('exit', resolve));
    expect(integrityCheck(db)).toBe('ok');
    const after = tableChecksums(db);
    expect(after.site).toBe(before.site);
    expect(after.device).not.toBe(before.device); // only the small import's device was added
  });

  it('lets no partial copy stand in for a backup', () => {
    const { dir, db, big } = smallHospital();
    expect(isopatchOn(db, 'import-devices', big).code).toBe(0);
    const out = join(dir, 'copy.sqlite');
    const run = spawnSync('bash', withFileLimit(256, 'cli.cjs', ['--db', db, 'backup', '--out', out]), {
      encoding: 'utf8',
    });
    expect(run.stderr.trim()).toBe(DISK_FULL_MESSAGE);
    expect(run.status).toBe(2);
    expect(() => statSync(out)).toThrow();
  });
});

async function startLimitedWebApp(db: string, limitKib: number) {
  const child: ChildProcess = spawn('bash', withFileLimit(limitKib, 'web.cjs', ['--db', db, '--port', '0']));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  let out = '';
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the web app exited with ${code}`)));
  });
  return { child, origin: url.origin, token: url.hash.replace('#token=', '') };
}

function post(app: { origin: string; token: string }, operation: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/api/${operation}`, app.origin),
      { method: 'POST', headers: { 'x-isopatch-token': app.token } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
