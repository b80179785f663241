import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importError, importFile, preview } from '../../../testing/devices';
import { sharedDataDir } from '../../../testing/shared-data';
import { openTestSession } from '../../../testing/temp';

async function setup() {
  const session = await openTestSession();
  return { router: createRouter(session), db: session.ctx.db };
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** Valid UTF-8 ("Müller", "Größe", "Dräger") and one Windows-1252 "é" (0xE9) in row 3. */
const MIXED = Buffer.concat([
  Buffer.from('Asset Tag,Manufacturer,Notes\nM-1,Müller,Größe\nM-2,Dräger,caf', 'utf8'),
  Buffer.from([0xe9, 0x0a]),
]);

describe('text in more than one encoding', () => {
  it('refuses UTF-8 text with a byte of another encoding, naming row and column, and changes nothing', async () => {
    const { router, db } = await setup();
    const error = await importError(router, MIXED, {}, 'm.csv');
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message:
        'm.csv mixes encodings: it has UTF-8 text, but row 3 (column "Notes") has a byte that is not UTF-8 (0xE9, "é" in Windows-1252); correct that character, save the file as UTF-8 and import it again (read as one encoding, the other part would be stored garbled).',
    });
    expect(await devices(router)).toHaveLength(0);
    expect(db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
    // The wizard shows the file read as UTF-8, says the same and lets the person choose an encoding.
    const shown = await preview(router, MIXED, {}, 'm.csv');
    expect(shown).toMatchObject({ encoding: 'utf-8', encodingProblem: error.message });
    expect(shown.rows[0]?.cells).toEqual(['M-1', 'Müller', 'Größe']);
  });

  it('refuses a UTF-8 byte-order mark before a byte that is not UTF-8', async () => {
    const { router } = await setup();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('Asset Tag,Notes\nA-1,caf\xe9\n')]);
    expect((await importError(router, bom)).message).toMatch(
      /^inventory\.csv mixes encodings: it has UTF-8 text, but row 2 \(column "Notes"\) has a byte/,
    );
  });

  it('takes an encoding chosen explicitly for a mixed file', async () => {
    const { router } = await setup();
    const result = await importFile(router, MIXED, { encoding: 'windows-1252' }, 'm.csv');
    expect(result).toMatchObject({ encoding: 'windows-1252', added: 2 });
    expect((await devices(router)).map((d) => d.extra.Notes)).toEqual(['GrÃ¶ÃŸe', 'café']);
  });

  it('refuses UTF-8 chosen for bytes that are not UTF-8, naming the row, and suggests Windows-1252', async () => {
    const { router } = await setup();
    const german = latin1('Inventarnummer;Geräteart;Hersteller\nI-1;CT;Siemens\nI-2;MR;Dräger\n');
    const error = await importError(router, german, { encoding: 'utf-8' }, 'de.csv');
    expect(error.message).toBe(
      'de.csv is not UTF-8 as chosen: row 1, column 2, has a byte that is not UTF-8 (0xE4, "ä" in Windows-1252); choose Windows-1252 as its encoding, or save the file as UTF-8.',
    );
    expect(await devices(router)).toHaveLength(0);
    const below = latin1('Inventarnummer;Hersteller\nI-1;Siemens\nI-2;Dräger\n');
    expect((await importError(router, below, { encoding: 'utf-8' }, 'de.csv')).message).toMatch(
      /^de\.csv is not UTF-8 as chosen: row 3 \(column "Hersteller"\) has a byte/,
    );
    // Detected, the same bytes are Windows-1252 and import as they are.
    const result = await importFile(router, german, {}, 'de.csv');
    expect(result).toMatchObject({ encoding: 'windows-1252', added: 2 });
    expect(result.mapping.Geräteart).toBe('modality');
  });

  it('still reads Windows-1252 whose bytes happen to form a UTF-8 sequence as Windows-1252', async () => {
    const { router } = await setup();
    // "ß“" is DF 93, valid UTF-8 for an N'Ko letter; "ä" before a letter is not UTF-8.
    const result = await importFile(router, latin1('Asset Tag,Notes\nA-1,\x84Straße\x93 Gerät\n'));
    expect(result.encoding).toBe('windows-1252');
    expect((await devices(router))[0]?.extra.Notes).toBe('„Straße“ Gerät');
  });

  it('reads French typography in Windows-1252 as Windows-1252: one accidental sequence among many accents', async () => {
    const { router } = await setup();
    // "é" before a non-breaking space and "»" (E9 A0 BB) reads as one Chinese character in UTF-8.
    const result = await importFile(
      router,
      latin1('Asset Tag,Notes\nA-1,Café (contrôlé\xa0»)\nA-2,Ä\x96 réglé\n'),
    );
    expect(result.encoding).toBe('windows-1252');
    expect((await devices(router)).map((d) => d.extra.Notes)).toEqual(['Café (contrôlé »)', 'Ä– réglé']);
  });

  it('reads a UTF-8 byte-order mark chosen as Windows-1252 as no text', async () => {
    const { router } = await setup();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('Asset Tag,Notes\nA-1,caf\xe9\n')]);
    const result = await importFile(router, bom, { encoding: 'windows-1252' });
    expect(result.mapping['Asset Tag']).toBe('assetTag');
  });
});

describe('a mapping naming columns the file does not have', () => {
  it('is refused, naming them and the columns of the file', async () => {
    const { router } = await setup();
    const csv = 'Asset Tag,Ort,Notes\nA-1,Room 1,x\n';
    const error = await importError(router, csv, { mapping: { Ort: 'location', Raum: 'location' } });
    expect(error.message).toBe(
      'inventory.csv has no column "Raum", which the mapping names; its columns are "Asset Tag", "Ort", "Notes".',
    );
    const two = await importError(router, csv, { mapping: { Room: 'location', 'Asset-Tag': 'assetTag' } });
    expect(two.message).toMatch(
      /^inventory\.csv has no columns "Room", "Asset-Tag", which the mapping names;/,
    );
    const shown = await router.dispatch('previewDeviceImport', {
      fileName: 'inventory.csv',
      content: Buffer.from(csv).toString('base64'),
      options: { mapping: { Raum: 'location' } },
    });
    expect(shown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await devices(router)).toHaveLength(0);
  });
});

async function book(sheets: { name: string; rows: unknown[][]; state?: 'hidden' | 'veryHidden' }[]) {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const added = workbook.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : {});
    for (const row of sheet.rows) added.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sheets', () => {
  it('are found whatever the case of their name, the exact name first', async () => {
    const { router } = await setup();
    const file = await book([
      { name: 'Read me', rows: [['Exported']] },
      {
        name: 'Summary',
        rows: [
          ['Asset Tag', 'Model'],
          ['S-1', 'x'],
        ],
      },
      {
        name: 'Devices',
        rows: [
          ['Asset Tag', 'Model', 'Serial'],
          ['D-1', 'y', 'z'],
        ],
      },
    ]);
    const result = await importFile(router, file, { sheet: 'summary' }, 'book.xlsx');
    expect(result).toMatchObject({ sheet: 'Summary', added: 1 });
    expect((await devices(router)).map((d) => d.assetTag)).toEqual(['S-1']);
    const exact = await book([
      {
        name: 'devices',
        rows: [
          ['Asset Tag', 'Model'],
          ['L-1', 'x'],
        ],
      },
      {
        name: 'Devices',
        rows: [
          ['Asset Tag', 'Model'],
          ['U-1', 'y'],
        ],
      },
    ]).catch(() => null);
    // Excel forbids two names differing in case only; where a writer made them anyway, the exact one is taken.
    if (exact) expect((await preview(router, exact, { sheet: 'Devices' }, 'b.xlsx')).sheet).toBe('Devices');
  });

  it('that cannot be read are named in the refusal with their workbook', async () => {
    const { router } = await setup();
    const file = await book([
      { name: 'Cover', rows: [['Inventory 2026'], ['Klinikum Nord']] },
      {
        name: 'Devices',
        rows: [
          ['Asset Tag', 'Model'],
          ['D-1', 'y'],
        ],
      },
    ]);
    const error = await importError(router, file, { sheet: 'Cover' }, 'multi.xlsx');
    expect(error.message).toBe(
      'multi.xlsx (sheet "Cover") does not look like a table: its header row has a single column.',
    );
    expect(await devices(router)).toHaveLength(0);
  });

  it('cannot be chosen in delimited text, which is no workbook', async () => {
    const { router } = await setup();
    const error = await importError(router, 'Asset Tag,Model\nA-1,x\n', { sheet: 'Devices' });
    expect(error.message).toBe(
      'inventory.csv is not a workbook but delimited text, which has no sheets, so sheet "Devices" cannot be chosen; leave the sheet out.',
    );
    expect(await devices(router)).toHaveLength(0);
  });

  it('hidden ones are not the default, stay choosable and are listed as hidden', async () => {
    const { router } = await setup();
    const file = await book([
      {
        name: 'Old export',
        state: 'hidden',
        rows: [
          ['Asset Tag', 'Serial', 'Manufacturer', 'Model', 'Department'],
          ['H-1', 'S', 'GE', 'm', 'NM'],
        ],
      },
      {
        name: 'Devices',
        rows: [
          ['Asset Tag', 'Model', 'Notes'],
          ['V-1', 'x', 'n'],
        ],
      },
      {
        name: 'Lists',
        state: 'veryHidden',
        rows: [
          ['Asset Tag', 'Serial', 'Model', 'OS'],
          ['L', 'S', 'M', 'W'],
        ],
      },
    ]);
    const shown = await preview(router, file, {}, 'book.xlsx');
    expect(shown).toMatchObject({
      sheet: 'Devices',
      sheets: ['Old export', 'Devices', 'Lists'],
      hiddenSheets: ['Old export', 'Lists'],
    });
    expect((await preview(router, file, { sheet: 'Old export' }, 'book.xlsx')).sheet).toBe('Old export');
    // Only hidden sheets name fields: the best of them is taken rather than a cover sheet.
    const covered = await book([
      { name: 'Cover', rows: [['Equipment list'], ['as of today']] },
      {
        name: 'Data',
        state: 'hidden',
        rows: [
          ['Asset Tag', 'Model'],
          ['D-1', 'x'],
        ],
      },
    ]);
    expect((await preview(router, covered, {}, 'covered.xlsx')).sheet).toBe('Data');
  });
});

describe('the header row', () => {
  it('is found under a one-line title when it names a single field', async () => {
    const { router } = await setup();
    const result = await importFile(router, 'Device inventory\nAsset Tag,Notes\nT-1,hello\nT-2,x\n');
    expect(result).toMatchObject({ headerRow: 2, headers: ['Asset Tag', 'Notes'], added: 2 });
    expect((await devices(router)).map((d) => [d.assetTag, d.extra.Notes])).toEqual([
      ['T-1', 'hello'],
      ['T-2', 'x'],
    ]);
    const workbook = await book([
      { name: 'Devices', rows: [['Device inventory'], ['Asset Tag', 'Notes'], ['W-1', 'a'], ['W-2', 'b']] },
    ]);
    expect(await importFile(router, workbook, {}, 'titled.xlsx')).toMatchObject({ headerRow: 2, added: 2 });
  });

  it('is not a data value that reads as a field name below a header Isopatch does not know', async () => {
    const { router } = await setup();
    const shown = await preview(router, 'Inv,Kind\nI-1,Model\nI-2,CT\n', { mapping: { Inv: 'assetTag' } });
    expect(shown.headerRow).toBe(1);
  });

  it('of a true one-column file is still refused', async () => {
    const { router } = await setup();
    expect((await importError(router, 'Device inventory\nAsset Tag\nT-1\nT-2\n')).message).toBe(
      'inventory.csv does not look like a table: its header row has a single column.',
    );
  });
});

describe('prose', () => {
  const LETTER = 'Dear colleague, please find attached the inventory.\nRegards, Bob';

  it('is refused in one sentence, in the preview and the import, and changes nothing', async () => {
    const { router, db } = await setup();
    const sentence =
      'letter.csv does not look like a table: row 1 names no column Isopatch knows, and the file reads as text rather than rows of values; export the inventory as CSV or Excel with a header row.';
    expect(await importError(router, LETTER, {}, 'letter.csv')).toEqual({
      code: 'INVALID_INPUT',
      message: sentence,
    });
    const shown = await router.dispatch('previewDeviceImport', {
      fileName: 'letter.csv',
      content: Buffer.from(LETTER).toString('base64'),
      options: {},
    });
    expect(shown).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: sentence } });
    expect(db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
  });

  it('is not a table with headers Isopatch does not know and a consistent number of values', async () => {
    const { router } = await setup();
    const shown = await preview(router, 'Inv,Gerät,Raum\nI-1,CT,1\nI-2,MR,2\nI-3,NM\n');
    expect(shown).toMatchObject({ headers: ['Inv', 'Gerät', 'Raum'], totalRows: 3 });
    // With a mapping given, a person has said which columns the file has.
    const mapped = await importFile(router, 'Inv,Gerät\nI-1,CT\n', { mapping: { Inv: 'assetTag' } });
    expect(mapped.added).toBe(1);
  });

  it('is not an export whose rows end with a delimiter, nor one of a single device with unfamiliar columns', async () => {
    const { router } = await setup();
    const trailing = await preview(router, 'Equip No;Descr;Loc\nE-1;Pump;Room 1;\nE-2;Scanner;Room 2;\n');
    expect(trailing).toMatchObject({ headers: ['Equip No', 'Descr', 'Loc'], totalRows: 2 });
    const single = await preview(router, 'Equip No;Descr;Loc\nE-1;Pump;Room 1\n');
    expect(single).toMatchObject({ headers: ['Equip No', 'Descr', 'Loc'], totalRows: 1 });
  });

  const dir = sharedDataDir('devices');
  it.runIf(dir)('is not any of the sample exports', async () => {
    const { router } = await setup();
    for (const name of [
      'us-cmms-export.csv',
      'de-inventar-export.csv',
      'excel-unicode-text.txt',
      'equipment-export.xlsx',
    ]) {
      const shown = await preview(router, readFileSync(join(dir ?? '', name)), {}, name);
      expect(shown.encodingProblem).toBeNull();
    }
  });
});

describe('date warnings', () => {
  it('say a date does not match the chosen order, rather than that it does not exist', async () => {
    const { router } = await setup();
    const csv = 'Asset Tag,Install Date\nA-1,25/02/2011\nA-2,02/25/2011\nA-3,31/02/2011\nA-4,25.02.2011\n';
    const dmy = await importFile(router, csv, { dateOrder: 'dmy' });
    expect(dmy.warnings.map((w) => [w.row, w.reason])).toEqual([
      [3, 'does not match the chosen date order (day-first); it reads only as month-first'],
      [4, 'is not a date that exists'],
    ]);
    const mdy = await preview(router, csv, { dateOrder: 'mdy' });
    expect(mdy.warnings.map((w) => [w.row, w.reason])).toEqual([
      [2, 'does not match the chosen date order (month-first); it reads only as day-first'],
      [4, 'is not a date that exists'],
      [5, 'does not match the chosen date order (month-first); it reads only as day-first'],
    ]);
    const ymd = await preview(router, 'Asset Tag,Install Date\nA-1,2011-02-25\nA-2,25.02.2011\n', {
      dateOrder: 'ymd',
    });
    expect(ymd.warnings.map((w) => [w.row, w.reason])).toEqual([
      [3, 'does not match the chosen date order (year-first); it reads only as day-first'],
    ]);
  });

  it('say a column mixes day-first and month-first values, naming one of each', async () => {
    const { router } = await setup();
    const csv = 'Asset Tag,Install Date\nA-1,03/04/2015\nA-2,13/04/2015\nA-3,04/13/2016\n';
    const error = await importError(router, csv);
    expect(error.message).toBe(
      'inventory.csv has dates in column "Install Date" that mix day-first (row 3, "13/04/2015") and month-first (row 4, "04/13/2016") order; correct them, or choose the order most are written in (dmy or mdy): the others are flagged and imported without a date.',
    );
    const shown = await preview(router, csv);
    expect(shown).toMatchObject({
      dateOrderSource: 'ask',
      mixedDateOrders:
        'Column "Install Date" mixes day-first (row 3, "13/04/2015") and month-first (row 4, "04/13/2016") dates. Choose the order most are written in; the others are flagged and imported without a date.',
    });
    expect(shown.warnings.map((w) => [w.row, w.reason])).toEqual([
      [2, 'could be day-first or month-first; choose the date order'],
      [3, 'is day-first, but the column also has month-first dates; choose the date order'],
      [4, 'is month-first, but the column also has day-first dates; choose the date order'],
    ]);
    // Dates that only could be read either way keep their sentence.
    expect((await preview(router, 'Asset Tag,Install Date\nA-1,03/04/2015\n')).mixedDateOrders).toBeNull();
  });
});
