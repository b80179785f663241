import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isopatch } from '../testing/cli';
import { tempDir } from '../testing/temp';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('isopatch demo', () => {
  it('writes the demo hospital into a new file, which then says it is the demo', () => {
    const db = join(tempDir(), 'demo.sqlite');
    const run = isopatch(['demo', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Created the demo hospital in ${db}: 300 devices at 3 sites in 12 departments`,
    );
    const status = isopatch(['--db', db, 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      organizationName: 'St. Aurelia Hospital Group',
      demo: true,
      counts: { device: 300, site: 3, department: 12, import_batch: 2 },
    });
    expect(isopatch(['--db', db, 'status']).stdout).toContain('Demo:           the generated demo hospital');
  }, 120_000);

  it('refuses a file that exists and is not empty, and leaves it as it was', () => {
    const db = join(tempDir(), 'isopatch.sqlite');
    expect(isopatch(['--db', db, 'status']).code).toBe(0); // a real, if empty, database
    const before = sha256(db);
    const run = isopatch(['--db', db, 'demo']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${db} already exists and is not empty`);
    expect(sha256(db)).toBe(before);
  });

  it('takes an empty file, prints JSON with --json, and without --db writes beside the app database', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const run = isopatch(['demo', '--db', empty, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: empty, devices: 300, sites: 3, departments: 12 });

    const appDatabase = join(dir, 'app', 'isopatch.sqlite');
    const beside = isopatch(['demo', '--json'], { ISOPATCH_DB: appDatabase });
    expect(beside.code).toBe(0);
    expect(JSON.parse(beside.stdout).path).toBe(join(dir, 'app', 'isopatch-demo.sqlite'));
    // The command opens no other database: the app's own file is not created by it.
    expect(existsSync(appDatabase)).toBe(false);
  }, 120_000);

  it('takes no arguments', () => {
    const run = isopatch(['demo', 'now', '--db', join(tempDir(), 'x.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/demo takes no arguments/);
  });
});
