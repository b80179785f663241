import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isopatch } from './testing/cli';
import { tempDir } from './testing/temp';

describe('isopatch status', () => {
  it('creates and describes a new database', () => {
    const db = join(tempDir(), 'isopatch.sqlite');
    const run = isopatch(['--db', db, 'status']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Database:       ${db}`);
    expect(run.stdout).toMatch(/Schema version: 4/);
    expect(run.stdout).toMatch(/device\s+0/);
  });

  it('prints one JSON object with --json, and reads ISOPATCH_DB', () => {
    const db = join(tempDir(), 'from-env.sqlite');
    const run = isopatch(['status', '--json'], { ISOPATCH_DB: db });
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status).toMatchObject({ databasePath: db, schemaVersion: 4, organizationName: '' });
    expect(status.counts).toMatchObject({ device: 0, organization: 1, site: 1 });
    expect(status.counts.audit_log).toBeGreaterThan(0);
  });

  it('refuses a damaged file with exit code 2, one sentence naming it, and leaves it unchanged', () => {
    const db = join(tempDir(), 'isopatch.sqlite');
    writeFileSync(db, 'PK\u0003\u0004 this is a zip file, not a database'.repeat(50));
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const run = isopatch(['--db', db, 'status']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(db);
    expect(run.stderr).toMatch(/not a SQLite database.*not changed.*backups/);
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['status', 'extra'], /status takes no arguments/],
    [['status', '--colour'], /Unknown option '--colour'/],
    [[], /No command given; run "isopatch --help"/],
  ])('answers usage errors %j with exit code 2', (args, message) => {
    const run = isopatch(['--db', join(tempDir(), 'x.sqlite'), ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows help with exit code 0', () => {
    const run = isopatch(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes: 0 done; 1 done but problems were found; 2 bad input/);
  });
});

describe('isopatch import-devices', () => {
  it('says which values a flag takes, in the command line words, and reads nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'devices.csv');
    writeFileSync(file, 'Asset Tag,Install Date\nA-1,01/02/2010\n');
    const result = isopatch([
      '--db',
      join(dir, 'isopatch.sqlite'),
      'import-devices',
      file,
      '--date-order',
      'dd.mm',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--date-order must be dmy, mdy, ymd, not "dd.mm"');
  });
});
