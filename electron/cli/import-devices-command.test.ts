import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tempDir } from '../testing/temp';

function setup() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const deviceCount = () => {
    const database = new Database(db, { readonly: true });
    try {
      return database.prepare('SELECT count(*) FROM device').pluck().get();
    } finally {
      database.close();
    }
  };
  return { db, file, deviceCount };
}

/** printf 'Asset Tag,Manufacturer,Notes\nM-1,Müller,Größe\nM-2,Dräger,caf\xe9\n' > m.csv */
const MIXED = Buffer.concat([
  Buffer.from('Asset Tag,Manufacturer,Notes\nM-1,Müller,Größe\nM-2,Dräger,caf', 'utf8'),
  Buffer.from([0xe9, 0x0a]),
]);

describe('isopatch import-devices refuses what it cannot import as written (exit 2, nothing saved)', () => {
  it('a file whose every row is rejected: exit 2, every rejected row listed and saved to fix', () => {
    const { db, file, deviceCount } = setup();
    const rejectedOut = join(tempDir(), 'to-fix.csv');
    const noKeys = file('no-keys.csv', 'Asset Tag,Serial\n,1\n,2\n');
    const refused = isopatchOn(db, 'import-devices', noKeys, '--json', '--rejected-out', rejectedOut);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `no-keys.csv has no row that could be imported: all 2 rows were rejected; they are in ${rejectedOut}. Nothing was saved.\n`,
    );
    expect(JSON.parse(refused.stdout)).toMatchObject({
      batchId: null,
      committed: false,
      added: 0,
      rejected: [
        { row: 2, reason: 'has no asset tag, the key that identifies the device' },
        { row: 3, reason: 'has no asset tag, the key that identifies the device' },
      ],
    });
    expect(readFileSync(rejectedOut, 'utf8')).toContain('Rejected row,Why rejected,Asset Tag,Serial\r\n2,');
    expect(deviceCount()).toBe(0);
    const plain = isopatchOn(db, 'import-devices', noKeys);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toContain('Read no-keys.csv, nothing saved');
    expect(plain.stdout).toContain('  rejected: row 3 has no asset tag, the key that identifies the device');
    expect(plain.stderr).toContain('(--rejected-out FILE.csv saves them to fix)');
  });

  it('a file that mixes UTF-8 and another encoding, unless an encoding is chosen', () => {
    const { db, file, deviceCount } = setup();
    const mixed = file('m.csv', MIXED);
    const refused = isopatchOn(db, 'import-devices', mixed);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'm.csv mixes encodings: it has UTF-8 text, but row 3 (column "Notes") has a byte that is not UTF-8 (0xE9, "é" in Windows-1252); correct that character, save the file as UTF-8 and import it again (read as one encoding, the other part would be stored garbled).\n',
    );
    expect(isopatchOn(db, 'import-devices', mixed, '--dry-run').code).toBe(2);
    expect(deviceCount()).toBe(0);
    const chosen = isopatchOn(db, 'import-devices', mixed, '--encoding', 'windows-1252');
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toMatch(/^Imported m\.csv as batch 1 \(WINDOWS-1252,/);
  });

  it('bytes that are not UTF-8 with --encoding utf-8, suggesting windows-1252', () => {
    const { db, file, deviceCount } = setup();
    const german = file('de.csv', Buffer.from('Inventarnummer;Geräteart\nI-1;CT\n', 'latin1'));
    const refused = isopatchOn(db, 'import-devices', german, '--encoding', 'utf-8');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'de.csv is not UTF-8 as chosen: row 1, column 2, has a byte that is not UTF-8 (0xE4, "ä" in Windows-1252); choose Windows-1252 as its encoding, or save the file as UTF-8.\n',
    );
    expect(deviceCount()).toBe(0);
  });

  it('a --mapping naming columns the file does not have', () => {
    const { db, file, deviceCount } = setup();
    const csv = file('devices.csv', 'Asset Tag,Ort\nA-1,Room 1\n');
    const mapping = file('mapping.json', JSON.stringify({ Raum: 'location', Ort: 'location' }));
    const refused = isopatchOn(db, 'import-devices', csv, '--mapping', mapping);
    expect(refused).toMatchObject({
      code: 2,
      stderr:
        'devices.csv has no column "Raum", which the mapping names; its columns are "Asset Tag", "Ort".\n',
    });
    expect(deviceCount()).toBe(0);
  });

  it('a --mapping to a field that does not exist, named with its file and column', () => {
    const { db, file, deviceCount } = setup();
    const csv = file('devices.csv', 'Asset Tag,Ort\nA-1,Room 1\n');
    const typo = file('m.json', JSON.stringify({ 'Asset Tag': 'assettag', Ort: 'location' }));
    const refused = isopatchOn(db, 'import-devices', csv, '--mapping', typo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^The mapping file .*m\.json maps the column "Asset Tag" to "assettag", which is no field; use one of assetTag, serial, .*installDate, or null to keep the column as an extra attribute\.\n$/,
    );
    const list = file('list.json', '["assetTag"]');
    expect(isopatchOn(db, 'import-devices', csv, '--mapping', list).stderr).toMatch(
      /^The mapping file .*list\.json must be a JSON object of \{"column header": "field" or null\}\.\n$/,
    );
    expect(deviceCount()).toBe(0);
  });

  it('--sheet for delimited text, and prose', () => {
    const { db, file } = setup();
    const csv = file('devices.csv', 'Asset Tag,Model\nA-1,x\n');
    expect(isopatchOn(db, 'import-devices', csv, '--sheet', 'Devices')).toMatchObject({
      code: 2,
      stderr:
        'devices.csv is not a workbook but delimited text, which has no sheets, so sheet "Devices" cannot be chosen; leave the sheet out.\n',
    });
    const letter = file('letter.csv', 'Dear colleague, please find attached the inventory.\nRegards, Bob');
    const prose = isopatchOn(db, 'import-devices', letter);
    expect(prose.code).toBe(2);
    expect(prose.stderr).toMatch(
      /^letter\.csv does not look like a table: row 1 names no column Isopatch knows/,
    );
  });
});

describe('isopatch import-devices says what became of flagged values', () => {
  it('says how many empty cells kept the value stored before', () => {
    const { db, file } = setup();
    isopatchOn(db, 'import-devices', file('v1.csv', 'Asset Tag,OS\nU-3,Windows XP\n'));
    const again = isopatchOn(db, 'import-devices', file('v2.csv', 'Asset Tag,OS\nU-3,\n'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '  1 empty cell kept the value stored before (an empty cell never erases).\n',
    );
    expect(
      JSON.parse(isopatchOn(db, 'import-devices', file('v3.csv', 'Asset Tag,OS\nU-3,\n'), '--json').stdout),
    ).toMatchObject({ unchanged: 1, keptEmpty: 1 });
  });

  it('a date that cannot be read is kept in the flags with no install date; a date in the other order says so', () => {
    const { db, file } = setup();
    const csv = file(
      'dates.csv',
      'Asset Tag,Install Date,IP Address\nD-1,2010-02-30,10.0.0.1\nD-2,2010-02-03,10.0.0.300\n',
    );
    const result = isopatchOn(db, 'import-devices', csv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `  warning: row 2, Install Date: "2010-02-30" is not a date that exists (kept as written in the device's flags; install date left empty)\n`,
    );
    expect(result.stdout).toContain(
      '  warning: row 3, IP Address: "10.0.0.300" is not a valid IPv4 or IPv6 address (imported as written)\n',
    );
    const orders = file('orders.csv', 'Asset Tag,Install Date\nO-1,25/02/2011\nO-2,02/25/2011\n');
    const dmy = isopatchOn(db, 'import-devices', orders, '--date-order', 'dmy');
    expect(dmy.stdout).toContain(
      `  warning: row 3, Install Date: "02/25/2011" does not match the chosen date order (day-first); it reads only as month-first (kept as written in the device's flags; install date left empty)`,
    );
    // Placeholders are dates that exist, and still never stored as install dates.
    const placeholders = file('placeholders.csv', 'Asset Tag,Install Date\nP-1,01.01.1970\nP-2,31.12.2099\n');
    const flagged = isopatchOn(db, 'import-devices', placeholders, '--date-order', 'dmy', '--json');
    expect(JSON.parse(flagged.stdout).warnings).toEqual([
      {
        row: 2,
        field: 'Install Date',
        value: '01.01.1970',
        reason: 'is before 1980, a placeholder rather than an install date',
      },
      {
        row: 3,
        field: 'Install Date',
        value: '31.12.2099',
        reason: expect.stringMatching(/^is after today \(\d{4}-\d\d-\d\d\), so not yet an install date$/),
      },
    ]);
    const stored = JSON.parse(isopatchOn(db, 'devices', '--json').stdout) as {
      assetTag: string;
      installDate: string | null;
    }[];
    expect(stored.filter((d) => d.assetTag.startsWith('P-')).map((d) => d.installDate)).toEqual([null, null]);
  });
});
