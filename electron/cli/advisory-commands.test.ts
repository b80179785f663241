import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tempDir } from '../testing/temp';

describe('isopatch patch-status --version-range', () => {
  it('sets the patch for one version range of a family, beside the row for all versions', () => {
    const db = join(tempDir(), 'isopatch.sqlite');
    const run = isopatchOn(
      db,
      'patch-status',
      'ICSMA-17-215-02',
      'SPECT/CT Systems',
      '--status',
      'available',
      '--version-range',
      '< VB22A',
      '--available-from',
      '2018-03-01',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('ICSMA-17-215-02 / SPECT/CT Systems, versions < VB22A: available.');
    const all = isopatchOn(
      db,
      '--json',
      'patch-status',
      'ICSMA-17-215-02',
      'SPECT/CT Systems',
      '--status',
      'announced',
    );
    expect(JSON.parse(all.stdout)).toMatchObject({ versionRange: '', status: 'announced' });
  });

  it('refuses a range that names no version, with exit code 2', () => {
    const db = join(tempDir(), 'isopatch.sqlite');
    const run = isopatchOn(
      db,
      'patch-status',
      'ICSMA-17-215-02',
      'SPECT/CT Systems',
      '--status',
      'announced',
      '--version-range',
      '<',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The version range "<" cannot be read/);
  });
});
