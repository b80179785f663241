import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../core/db/backup';
import { type CoreSession, openSession } from '../core/session';
import { importFile } from '../testing/devices';
import { tableChecksums } from '../testing/table-checksums';
import { FIXED_NOW, tempDir } from '../testing/temp';
import { createRouter, type Router } from './router';
import type { BackupList, RestoreResult } from './schemas/database-files';

type OpenSession = Extract<CoreSession, { state: 'open' }>;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const options = { osUser: 'tester', systemTimeZone: 'Europe/Berlin', now: () => FIXED_NOW };

/** A database with two devices and one backup of that state, closed; returns the paths. */
async function databaseWithBackup() {
  const dir = tempDir();
  const path = join(dir, 'isopatch.sqlite');
  const session = await openSession(path, options);
  if (session.state !== 'open') throw new Error('not opened');
  await importFile(createRouter(session), 'Asset Tag,Model\nA-1,Symbia T16\nA-2,Biograph mCT\n');
  const backup = await backupDatabase(session.ctx.db, path, join(dir, 'backups'), 'daily', FIXED_NOW);
  const backupSums = tableChecksums(backup);
  session.ctx.db.close();
  return { dir, path, backup, backupSums };
}

function routerFor(session: CoreSession, path: string): Router {
  return createRouter(session, { reopen: () => openSession(path, options), logError: () => {} });
}

async function value<T>(router: Router, name: string, input: unknown): Promise<T> {
  const result = await router.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('restoring a backup through the router', () => {
  it('lists backups of a refused database, restores one, keeps the damaged file aside and opens again', async () => {
    const { dir, path, backup, backupSums } = await databaseWithBackup();
    truncateSync(path, 3000); // a truncated file: SQLite finds it malformed
    const damaged = sha(path);
    const session = await openSession(path, options);
    expect(session.state).toBe('refused');
    const router = routerFor(session, path);

    expect(await router.dispatch('getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_REFUSED' },
    });
    const list = await value<BackupList>(router, 'listBackups', {});
    expect(list.backups).toEqual([
      { path: backup, createdAt: FIXED_NOW.toISOString(), reason: 'daily', bytes: expect.any(Number) },
    ]);

    const restored = await value<RestoreResult>(router, 'restoreBackup', { backup });
    expect(restored).toMatchObject({ databasePath: path, restoredFrom: backup, reopened: true });
    expect(restored.keptAs[0]).toMatch(/isopatch\.sqlite\.damaged-\d{8}-\d{9}$/);
    expect(sha(restored.keptAs[0] ?? '')).toBe(damaged);
    expect(existsSync(backup)).toBe(true);

    expect(await value<{ counts: { device: number } }>(router, 'getStatus', {})).toMatchObject({
      counts: { device: 2 },
    });
    const audit = await value<{ action: string; after: unknown }[]>(router, 'listAudit', {
      entity: 'database',
    });
    expect(audit[0]).toMatchObject({ action: 'restore', after: { restoredFrom: backup } });
    const { audit_log: _changedByTheRestoreEntry, ...rest } = tableChecksums(
      (router.session() as OpenSession).ctx.db,
    );
    const { audit_log: _, ...backupRest } = backupSums;
    expect(rest).toEqual(backupRest);
    expect(readdirSync(dir).filter((name) => /\.damaged-\d{8}-\d{9}$/.test(name))).toHaveLength(1);
  });

  it('keeps the -wal of a damaged file with it: it is never replayed onto the backup', async () => {
    const { path, backup, backupSums } = await databaseWithBackup();
    truncateSync(path, 3000);
    writeFileSync(`${path}-wal`, 'a write-ahead log that belongs to the damaged file');
    const router = routerFor(await openSession(path, options), path);
    const restored = await value<RestoreResult>(router, 'restoreBackup', { backup });
    const [file, wal] = restored.keptAs;
    expect(wal).toBe(`${file}-wal`);
    expect(readFileSync(wal ?? '', 'utf8')).toBe('a write-ahead log that belongs to the damaged file');
    const { audit_log: _a, ...now } = tableChecksums((router.session() as OpenSession).ctx.db);
    const { audit_log: _b, ...expected } = backupSums;
    expect(now).toEqual(expected);
  });

  it('replaces a healthy database too, keeping it aside under a name no earlier restore used', async () => {
    const { path, backup } = await databaseWithBackup();
    const router = routerFor(await openSession(path, options), path);
    const first = await value<RestoreResult>(router, 'restoreBackup', { backup });
    const second = await value<RestoreResult>(router, 'restoreBackup', { backup });
    expect(first.keptAs[0]).toBe(`${path}.replaced-20261129-100000000`);
    expect(second.keptAs[0]).toBe(`${path}.replaced-20261129-100000000-2`);
    expect(existsSync(first.keptAs[0] ?? '')).toBe(true);
    (router.session() as OpenSession).ctx.db.close();
  });

  it('backs up a healthy database before replacing it, so the restore can be undone from the list', async () => {
    const { path, backup, backupSums } = await databaseWithBackup();
    const session = await openSession(path, options);
    if (session.state !== 'open') throw new Error('not opened');
    const router = routerFor(session, path);
    await importFile(router, 'Asset Tag,Model\nA-3,Symbia E\n');
    const before = tableChecksums(session.ctx.db);
    // Nine newer backups: the one to restore is the oldest of ten, and must survive the backup made first.
    for (let i = 1; i <= 9; i++)
      await backupDatabase(
        session.ctx.db,
        path,
        join(path, '..', 'backups'),
        'daily',
        new Date(FIXED_NOW.getTime() + i * 60_000),
      );

    await value<RestoreResult>(router, 'restoreBackup', { backup });
    const list = await value<BackupList>(router, 'listBackups', {});
    const made = list.backups.find((b) => b.reason === 'before-restore');
    expect(made).toBeDefined();
    expect(tableChecksums(made?.path ?? '')).toEqual(before);
    expect(list.backups.some((b) => b.path === backup)).toBe(true);
    const { audit_log: _a, ...restored } = tableChecksums((router.session() as OpenSession).ctx.db);
    const { audit_log: _b, ...expected } = backupSums;
    expect(restored).toEqual(expected);

    // And back: the state before the restore, A-3 included.
    await value<RestoreResult>(router, 'restoreBackup', { backup: made?.path });
    expect(await value<{ counts: { device: number } }>(router, 'getStatus', {})).toMatchObject({
      counts: { device: 3 },
    });
    (router.session() as OpenSession).ctx.db.close();
  });

  it('restores only a listed backup from the app, any copy from the command line', async () => {
    const { dir, path, backup } = await databaseWithBackup();
    const copy = join(dir, 'copy-from-a-colleague.sqlite');
    writeFileSync(copy, readFileSync(backup));
    const before = sha(path);
    const app = routerFor(await openSession(path, options), path);
    expect(await app.dispatch('restoreBackup', { backup: copy })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Only a backup listed in ${join(dir, 'backups')} can be restored here; to restore another copy, use "isopatch restore FILE".`,
      },
    });
    expect(await app.dispatch('restoreBackup', { backup: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).filter((name) => /damaged|replaced|restoring/.test(name))).toEqual([]);
    (app.session() as OpenSession).ctx.db.close();

    const cli = createRouter(await openSession(path, options), {
      reopen: () => openSession(path, options),
      restoreFromAnyFile: true,
    });
    expect(await value<RestoreResult>(cli, 'restoreBackup', { backup: copy })).toMatchObject({
      restoredFrom: copy,
      reopened: true,
    });
    (cli.session() as OpenSession).ctx.db.close();
  });

  it.each([
    ['a text file', (p: string) => writeFileSync(p, 'Asset Tag;Model\n'.repeat(300))],
    ['a damaged database', (p: string) => truncateSync(p, 2000)],
    [
      'a database of a newer Isopatch',
      (p: string) => {
        const db = new Database(p);
        db.pragma('user_version = 99');
        db.close();
      },
    ],
    [
      "another program's database",
      (p: string) => {
        const db = new Database(p);
        db.pragma('application_id = 42');
        db.close();
      },
    ],
  ])('refuses to restore %s and moves nothing', async (_case, spoil) => {
    const { dir, path, backup } = await databaseWithBackup();
    spoil(backup);
    const before = sha(path);
    const backupsBefore = readdirSync(join(dir, 'backups'));
    const session = await openSession(path, options);
    const router = routerFor(session, path);
    const result = await router.dispatch('restoreBackup', { backup });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toMatch(/cannot be restored: .+\. Nothing was changed\.$/);
    expect(readdirSync(dir).filter((name) => /damaged|replaced|restoring/.test(name))).toEqual([]);
    // Nor is the list of backups: the one made before the restore goes again, and none was pruned for it.
    expect(readdirSync(join(dir, 'backups'))).toEqual(backupsBefore);
    // The database the app had open is open again and unchanged.
    expect(await value<{ counts: { device: number } }>(router, 'getStatus', {})).toMatchObject({
      counts: { device: 2 },
    });
    await value(router, 'getStatus', {});
    (router.session() as OpenSession).ctx.db.close();
    expect(sha(path)).toBe(before);
  });
});

describe('exporting the database', () => {
  it('gives a copy whose every table matches, including what still sits in the -wal file', async () => {
    const path = join(tempDir(), 'isopatch.sqlite');
    const session = await openSession(path, options);
    if (session.state !== 'open') throw new Error('not opened');
    const router = createRouter(session);
    await importFile(router, 'Asset Tag,Model\nA-1,Symbia T16\nA-2,Biograph mCT\n');
    expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
    const copy = await value<{ fileName: string; content: string; bytes: number }>(
      router,
      'exportDatabase',
      {},
    );
    // Named in the site's time (Berlin), as the person saving it reads the clock.
    expect(copy.fileName).toBe('isopatch-20261129-1100.sqlite'); // 10:00 UTC
    const elsewhere = join(tempDir(), copy.fileName);
    writeFileSync(elsewhere, Buffer.from(copy.content, 'base64'));
    expect(readFileSync(elsewhere).length).toBe(copy.bytes);
    expect(tableChecksums(elsewhere)).toEqual(tableChecksums(session.ctx.db));
    session.ctx.db.close();
  });
});
