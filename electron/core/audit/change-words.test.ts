import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { call } from '../../testing/router';
import { FIXED_NOW, openTestSession } from '../../testing/temp';
import { backupDatabase } from '../db/backup';
import { openSession } from '../session';
import { describeChange } from './change-words';

describe('a change in the audit trail', () => {
  it('names what changed, and leaves out a field recorded after only with nothing in it', () => {
    const before = JSON.stringify({ status: 'announced', update_id: null });
    const after = JSON.stringify({
      status: 'available',
      update_id: null,
      expected_date: null,
      delivery: 'on-site',
    });
    expect(describeChange(before, after)).toEqual(['status: announced → available', 'delivery: on-site']);
  });

  it('keeps fields named like JavaScript internals as fields', () => {
    expect(describeChange(JSON.stringify({ toString: 'a' }), JSON.stringify({ toString: 'b' }))).toEqual([
      'to string: a → b',
    ]);
  });

  it('writes a list as its values, not as JSON', () => {
    expect(
      describeChange(JSON.stringify({ tags: ['a', 'b'] }), JSON.stringify({ tags: ['a', 'b', 'c'] })),
    ).toEqual(['tags: a, b → a, b, c']);
    expect(describeChange(null, JSON.stringify({ tags: [] }))).toEqual(['tags: (none)']);
  });

  it('says "was" only of what a deleted thing was, not of context recorded beside another change', () => {
    expect(describeChange(JSON.stringify({ name: 'Biomed' }), null)).toEqual(['name: was Biomed']);
    expect(describeChange(JSON.stringify({ alias: 'SIEMENS AG' }), JSON.stringify({ moved: 2 }))).toEqual([
      'alias: SIEMENS AG',
      'moved: 2',
    ]);
  });

  it('tells a restore in words: the backup it came from and where the replaced file is kept', async () => {
    const session = await openTestSession();
    const { databasePath, backupsDir } = session.ctx;
    const backup = await backupDatabase(session.ctx.db, databasePath, backupsDir, 'daily', FIXED_NOW);
    const router = createRouter(session, {
      reopen: () =>
        openSession(databasePath, {
          osUser: 'tester',
          systemTimeZone: 'Europe/Berlin',
          now: () => FIXED_NOW,
        }),
      logError: () => {},
    });
    const { keptAs } = await call<{ keptAs: string[] }>(router, 'restoreBackup', { backup });
    const [entry] = await call<{ action: string; changes: string[] }[]>(router, 'listAudit', {
      entity: 'database',
    });
    expect(keptAs.length).toBeGreaterThan(0);
    expect(entry).toMatchObject({ action: 'restore' });
    expect(entry?.changes).toEqual([
      `file: ${databasePath}`,
      `replaced file kept as: ${keptAs.join(', ')}`,
      `restored from backup: ${backup}`,
    ]);
    const reopened = router.session();
    if (reopened.state === 'open') reopened.ctx.db.close();
  });
});
