import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDirFor, defaultUserDataDir, resolveDatabasePath } from './location';

describe('database location', () => {
  it('takes --db first, then ISOPATCH_DB, then the user-data folder', () => {
    const env = { ISOPATCH_DB: '/data/env.sqlite' };
    expect(resolveDatabasePath({ flag: 'flag.sqlite', env })).toBe(resolve('flag.sqlite'));
    expect(resolveDatabasePath({ env })).toBe('/data/env.sqlite');
    expect(resolveDatabasePath({ env: {}, userDataDir: '/home/u/.config/Isopatch' })).toBe(
      '/home/u/.config/Isopatch/isopatch.sqlite',
    );
  });

  it("matches Electron's userData folder for productName Isopatch", () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Isopatch');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'Isopatch'),
    );
    expect(defaultUserDataDir('darwin', {})).toMatch(/Library[/\\]Application Support[/\\]Isopatch$/);
  });

  it('keeps backups beside the database', () => {
    expect(backupsDirFor('/data/isopatch.sqlite')).toBe(join('/data', 'backups'));
  });
});
