import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importError, importFile, preview } from '../../../testing/devices';
import { openTestSession } from '../../../testing/temp';
import { rememberMapping } from './remembered-mapping';

async function setup() {
  const session = await openTestSession();
  return { session, router: createRouter(session), db: session.ctx.db };
}

const HEADER =
  'Asset Tag,Serial,Manufacturer,Model,Department,IP Address,MAC Address,Install Date,Purchase Order';

describe('importing devices', () => {
  it('adds devices with canonical vendors, normalised values and every unmapped column kept', async () => {
    const { router } = await setup();
    const result = await importFile(
      router,
      `${HEADER}\nA-1,S1,"Siemens Medical Solutions USA, Inc.",Symbia T16,Nuclear Medicine,10.0.0.1,aa-bb-cc-dd-ee-ff,06/11/2015,PO 4711\n` +
        'A-2,S2,SIEMENS HEALTHINEERS AG,Biograph mCT,PET Center,10.0.0.2,AABBCCDDEE00,12/24/2014,\n',
    );
    expect(result).toMatchObject({
      committed: true,
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: [],
      warnings: [],
      // A CSV is one table: no sheets to choose from.
      sheet: null,
      sheets: [],
    });
    expect(result.dateOrder).toBe('mdy');
    const [first, second] = await devices(router);
    expect(first).toMatchObject({
      assetTag: 'A-1',
      manufacturer: 'Siemens Medical Solutions USA, Inc.',
      vendor: 'Siemens Healthineers',
      mac: 'AA:BB:CC:DD:EE:FF',
      installDate: '2015-06-11',
      department: 'Nuclear Medicine',
      extra: { 'Purchase Order': 'PO 4711' },
      state: 'unassessed',
    });
    expect(second).toMatchObject({ vendor: 'Siemens Healthineers', installDate: '2014-12-24', extra: {} });
  });

  it('imports a row with a bad value, keeps the raw value, flags it and names row and field', async () => {
    const { router } = await setup();
    const result = await importFile(
      router,
      `${HEADER}\nA-1,S1,GE,Discovery NM530c,NM,10.300.1.1,not-a-mac,31/02/2015,\n`,
      {
        dateOrder: 'dmy',
      },
    );
    expect(result.added).toBe(1);
    expect(result.warnings).toEqual([
      { row: 2, field: 'IP Address', value: '10.300.1.1', reason: 'is not a valid IPv4 or IPv6 address' },
      {
        row: 2,
        field: 'MAC Address',
        value: 'not-a-mac',
        reason: 'is not a MAC address (12 hexadecimal digits)',
      },
      { row: 2, field: 'Install Date', value: '31/02/2015', reason: 'is not a date that exists' },
    ]);
    const [device] = await devices(router);
    expect(device).toMatchObject({ ip: '10.300.1.1', mac: 'not-a-mac', installDate: null });
    expect(device?.flags.map((f) => f.field)).toEqual(['ip', 'mac', 'installDate']);
  });

  it('rejects a row without the key and a repeated key, naming the rows, and imports the rest', async () => {
    const { router } = await setup();
    const result = await importFile(
      router,
      `Asset Tag,Model\nA-1,Symbia T16\n,Symbia E\nA-1,Symbia T2\nA-2,c.cam\n`,
    );
    expect(result.added).toBe(2);
    expect(result.rejected).toEqual([
      { row: 3, reason: 'has no asset tag, the key that identifies the device' },
      { row: 4, reason: 'repeats asset tag "A-1" of row 2' },
    ]);
    expect(result.rejectedCsv).toBe(
      '\ufeffRejected row,Why rejected,Asset Tag,Model\r\n3,"has no asset tag, the key that identifies the device",,Symbia E\r\n4,"repeats asset tag ""A-1"" of row 2",A-1,Symbia T2\r\n',
    );
  });

  it('imports keys that differ only in letter case as two devices, and flags the second for a person to look at', async () => {
    const { router } = await setup();
    const result = await importFile(router, 'Asset Tag,Model\nK-1,Symbia T16\nk-1,Symbia T16\n');
    expect(result.added).toBe(2);
    expect(result.warnings).toEqual([
      {
        row: 3,
        field: 'Asset Tag',
        value: 'k-1',
        reason: 'differs only in letter case from asset tag "K-1" of row 2; imported as another device',
      },
    ]);
    const flagged = (await devices(router)).find((d) => d.assetTag === 'k-1');
    expect(flagged?.flags.map((f) => f.field)).toEqual(['assetTag']);
  });

  it('updates field by field, keeps what an empty cell does not say, and counts identical rows as unchanged', async () => {
    const { router, db } = await setup();
    await importFile(
      router,
      'Asset Tag,Model,Location,OS\nA-1,Symbia T16,Room 1,Windows 7\nA-2,c.cam,Room 2,Windows XP\n',
    );
    const second = await importFile(
      router,
      'Asset Tag,Model,Location,OS\nA-1,Symbia T16,Room 9,\nA-2,c.cam,Room 2,Windows XP\n',
    );
    // The empty OS of A-1 kept "Windows 7", and the summary says so.
    expect(second).toMatchObject({ added: 0, updated: 1, unchanged: 1, notInFile: 0, keptEmpty: 1 });
    const third = await importFile(router, 'Asset Tag,Model,Location,OS\nA-1,,,\nA-2,c.cam,,Windows XP\n');
    expect(third).toMatchObject({ updated: 0, unchanged: 2, keptEmpty: 4 });
    const [a1] = await devices(router, { search: 'A-1' });
    expect(a1).toMatchObject({ location: 'Room 9', os: 'Windows 7' });
    const audit = db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE entity = 'device' AND batch_id = ?")
      .all(second.batchId) as { before_json: string; after_json: string }[];
    expect(audit.map((a) => [JSON.parse(a.before_json), JSON.parse(a.after_json)])).toEqual([
      [{ location: 'Room 1' }, { location: 'Room 9' }],
    ]);
  });

  it('previews what each update changes, in the words of the device history', async () => {
    const { router } = await setup();
    await importFile(
      router,
      'Asset Tag,Manufacturer,OS,Department\nA-1,GE,Windows XP,Kardiologie\nA-2,GE,Linux,Kardiologie\n',
    );
    const shown = await preview(
      router,
      'Asset Tag,Manufacturer,OS,Department\nA-1,GE,Windows 7 SP1,Nuklearmedizin\nA-2,GE,Linux,Kardiologie\n',
    );
    expect(shown.rows.map((r) => [r.row, r.action, r.changes])).toEqual([
      [
        2,
        'update',
        ['department: Kardiologie → Nuklearmedizin', 'operating system: Windows XP → Windows 7 SP1'],
      ],
      [3, 'unchanged', []],
    ]);
  });

  it('never deletes devices missing from the file, and says how many there are', async () => {
    const { router } = await setup();
    await importFile(router, 'Asset Tag,Model\nA-1,x\nA-2,y\nA-3,z\n');
    const result = await importFile(router, 'Asset Tag,Model\nA-1,x\n');
    expect(result.notInFile).toBe(2);
    expect(await devices(router)).toHaveLength(3);
  });

  it('uses the serial number as key on request', async () => {
    const { router } = await setup();
    await importFile(router, 'Serial,Model,Location\nS-1,Symbia T16,Room 1\n', { key: 'serial' });
    const result = await importFile(router, 'Serial,Model,Location\nS-1,Symbia T16,Room 5\n', {
      key: 'serial',
    });
    expect(result).toMatchObject({ key: 'serial', updated: 1 });
    expect(await devices(router)).toMatchObject([{ assetTag: null, serial: 'S-1', location: 'Room 5' }]);
  });

  it('refuses dates that could be read either way until a person chooses, and changes nothing', async () => {
    const { router } = await setup();
    const csv = 'Asset Tag,Install Date\nA-1,03/04/2015\nA-2,05/06/2016\n';
    const error = await importError(router, csv);
    expect(error.message).toBe(
      'inventory.csv has dates in column "Install Date" that could be day-first or month-first; choose the date order (dmy or mdy).',
    );
    expect(await devices(router)).toHaveLength(0);
    expect((await preview(router, csv)).dateOrderSource).toBe('ask');
    const result = await importFile(router, csv, { dateOrder: 'dmy' });
    expect(result.dateOrderSource).toBe('given');
    expect((await devices(router)).map((d) => d.installDate)).toEqual(['2015-04-03', '2016-06-05']);
  });

  it.each([
    ['an empty file', '', /inventory.csv is empty\./],
    ['a header without devices', 'Asset Tag,Model\n', /has a header in row 1 but no devices below it/],
    ['a PDF renamed .csv', '%PDF-1.4 binary stuff', /is a PDF document/],
    ['one column of prose', 'Dear colleague\nplease find the list attached.\n', /does not look like a table/],
    // No column it names is one Isopatch knows, and its lines do not have the same number of values.
    [
      'a letter with a comma',
      'Dear colleague,\nplease find the list attached.\n',
      /does not look like a table/,
    ],
  ])('refuses %s in one sentence and changes nothing', async (_name, content, message) => {
    const { router, db } = await setup();
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const error = await importError(router, content);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('previews without writing: totals, the first rows and their problems', async () => {
    const { router, db } = await setup();
    await importFile(router, 'Asset Tag,Model\nA-1,x\n');
    const before = db.prepare('SELECT count(*) FROM device').pluck().get();
    const shown = await preview(router, 'Asset Tag,Model,IP\nA-1,x,\nA-2,y,1.2.3.999\n,z,\n');
    expect(shown).toMatchObject({ added: 1, updated: 0, unchanged: 1, totalRows: 3 });
    expect(shown.rows.map((r) => [r.row, r.action, r.problemColumns])).toEqual([
      [2, 'unchanged', []],
      [3, 'add', [2]],
      [4, 'reject', []],
    ]);
    expect(db.prepare('SELECT count(*) FROM device').pluck().get()).toBe(before);
    expect(db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(1);
  });

  it('rehearses with dryRun and writes nothing', async () => {
    const { router, db } = await setup();
    const result = await router.dispatch('importDevices', {
      fileName: 'x.csv',
      content: Buffer.from('Asset Tag,Model\nA-1,x\n').toString('base64'),
      dryRun: true,
    });
    expect(result).toMatchObject({ ok: true, value: { committed: false, batchId: null, added: 1 } });
    expect(db.prepare('SELECT count(*) FROM device').pluck().get()).toBe(0);
  });

  it('remembers the mapping committed for a header and applies it to the next file with that header', async () => {
    const { router } = await setup();
    await importFile(router, 'Asset Tag,Ort\nA-1,Room 1\n', { mapping: { Ort: 'location' } });
    const next = await preview(router, 'Asset Tag,Ort\nA-2,Room 2\n');
    expect(next.mapping).toEqual({ 'Asset Tag': 'assetTag', Ort: 'location' });
  });
});

describe('Excel workbooks', () => {
  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Read me').addRow(['Exported from the equipment management system']);
    const sheet = book.addWorksheet('Equipment');
    sheet.addRow(['Biomedical equipment list']);
    sheet.addRow([]);
    sheet.addRow(['Control Number', 'Make', 'Model', 'Acceptance Date', 'Cost']);
    sheet.addRow(['000123', 'SIEMENS', 'Symbia T16', new Date(Date.UTC(2010, 5, 26)), 125000]);
    sheet.addRow(['000124', 'GE Healthcare', 'Discovery NM530c', new Date(Date.UTC(2012, 0, 2)), 99000.5]);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('picks the sheet whose header maps best, finds the header under the title, and reads dates and text', async () => {
    const { router } = await setup();
    const result = await importFile(router, await workbook(), {}, 'equipment.xlsx');
    expect(result).toMatchObject({
      format: 'xlsx',
      sheet: 'Equipment',
      sheets: ['Read me', 'Equipment'],
      headerRow: 3,
    });
    expect(result.added).toBe(2);
    expect(await devices(router)).toMatchObject([
      {
        assetTag: '000123',
        vendor: 'Siemens Healthineers',
        installDate: '2010-06-26',
        extra: { Cost: '125000' },
      },
      { assetTag: '000124', vendor: 'GE HealthCare', installDate: '2012-01-02', extra: { Cost: '99000.5' } },
    ]);
  });

  it('takes the sheet a person names, and says which sheets exist when the name is wrong', async () => {
    const { router } = await setup();
    const error = await importError(router, await workbook(), { sheet: 'Geräte' }, 'equipment.xlsx');
    expect(error.message).toBe(
      'equipment.xlsx has no sheet "Geräte"; its sheets are "Read me", "Equipment".',
    );
  });
});

describe('files that would lose rows or values', () => {
  const rowsOf = (count: number, row: (n: number) => string) =>
    Array.from({ length: count }, (_, i) => row(i + 1)).join('\n');

  it('refuses a stray quotation mark, naming the row and the column, and changes nothing', async () => {
    const { router, db } = await setup();
    const csv = `Asset Tag,Model,Location\n${rowsOf(20, (n) => (n === 5 ? 'Q5,"Symbia 5" inch,Room 5' : `Q${n},Symbia,Room ${n}`))}\n`;
    const error = await importError(router, csv, {}, 'X.csv');
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message:
        'X.csv has a quotation mark in row 6 (column "Model") that does not close where the field ends; quote the whole field and double the quotation marks inside it, or remove them.',
    });
    expect(await devices(router)).toHaveLength(0);
    expect(db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
  });

  it('refuses an unclosed quotation mark, counting a record that spans lines as one row', async () => {
    const { router } = await setup();
    const csv = `Asset Tag,Location,Model\nQ1,"Room 1\nFloor 2",x\n${rowsOf(998, (n) => (n === 500 ? 'Q501,Room,"Symbia 5 inch' : `Q${n + 1},Room,Symbia`))}\n`;
    const error = await importError(router, csv);
    expect(error.message).toMatch(
      /^inventory\.csv has a quotation mark in row 502 \(column "Model"\) that does not close/,
    );
  });

  it('takes inch marks inside unquoted fields as they are', async () => {
    const { router } = await setup();
    const csv = `Asset Tag,Model,Location\n${rowsOf(20, (n) => (n === 5 ? 'Q5,Symbia 5" inch,Room 5' : `Q${n},Symbia,Room ${n}`))}\n`;
    const result = await importFile(router, csv);
    expect(result).toMatchObject({ added: 20, rejected: [], warnings: [] });
    expect((await devices(router, { search: 'Q5' }))[0]).toMatchObject({
      model: 'Symbia 5" inch',
      location: 'Room 5',
    });
  });

  it('rejects a row with more values than the header has columns, and takes trailing empty ones and short rows', async () => {
    const { router } = await setup();
    const result = await importFile(
      router,
      'Asset Tag,Manufacturer,Model,Department\nF1,Siemens Medical Solutions USA, Inc.,Symbia T2,Nuclear\nF2,GE,Discovery NM530c,NM,,\nF3,Philips\n',
    );
    expect(result.rejected).toEqual([
      {
        row: 2,
        reason: 'has 5 values but the header has 4 columns; a value containing "," is probably not quoted',
      },
    ]);
    const stored = await devices(router);
    expect(stored).toMatchObject([
      { assetTag: 'F2', model: 'Discovery NM530c', department: 'NM' },
      { assetTag: 'F3', manufacturer: 'Philips', model: null },
    ]);
    expect(stored.map((d) => d.extra)).toEqual([{}, {}]);
  });

  it('refuses a mapping of two columns to one field, and does not remember it', async () => {
    const { router } = await setup();
    const csv = 'Inventarnummer,Hersteller,Betriebssystem,Bemerkung\nA-1,Siemens,Windows 7,Raum 3\n';
    const mapping = { Hersteller: 'os', Betriebssystem: null, Bemerkung: 'os' };
    const sentence =
      'Columns "Hersteller" and "Bemerkung" are both mapped to Operating system; map one of them to another field or keep it as an extra attribute.';
    expect(await importError(router, csv, { mapping })).toEqual({ code: 'INVALID_INPUT', message: sentence });
    expect(await devices(router)).toHaveLength(0);
    // The wizard shows the same sentence at the mapping step.
    expect((await preview(router, csv, { mapping })).mappingProblem).toBe(sentence);
    // A column the person maps to a field the synonym table gave another column is the same conflict.
    expect((await importError(router, csv, { mapping: { Bemerkung: 'manufacturer' } })).message).toMatch(
      /^Columns "Hersteller" and "Bemerkung" are both mapped to Manufacturer;/,
    );
    const next = await preview(router, csv);
    expect(next.mappingProblem).toBeNull();
    expect(next.mapping).toEqual({
      Inventarnummer: 'assetTag',
      Hersteller: 'manufacturer',
      Betriebssystem: 'os',
      Bemerkung: null,
    });
  });

  it('does not offer a conflicting mapping remembered before such mappings were refused', async () => {
    const { router, session } = await setup();
    const headers = ['Asset Tag', 'Make', 'Notes'];
    rememberMapping(session.ctx, headers, { 'Asset Tag': 'assetTag', Make: 'model', Notes: 'model' });
    const shown = await preview(router, 'Asset Tag,Make,Notes\nA-1,GE,x\n');
    expect(shown.mapping).toEqual({ 'Asset Tag': 'assetTag', Make: 'manufacturer', Notes: null });
  });
});
