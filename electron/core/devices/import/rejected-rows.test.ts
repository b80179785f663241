import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importFile } from '../../../testing/devices';
import { openTestSession } from '../../../testing/temp';

async function setup() {
  const session = await openTestSession();
  return { router: createRouter(session) };
}

describe('importing a rejected-rows CSV again', () => {
  it('drops the formula guard and the two columns Isopatch put first', async () => {
    const { router } = await setup();
    const first = await importFile(
      router,
      'Asset Tag,Model,Notes,Room\nA-1,Symbia T16,,R1\n,Symbia E,-5 dB,=R2\n',
    );
    expect(first.rejectedCsv).toContain(",Symbia E,'-5 dB,'=R2");
    const fixed = (first.rejectedCsv ?? '').replace(',,Symbia E,', ',A-2,Symbia E,');
    const again = await importFile(router, fixed, {}, 'inventory-rejected-rows.csv');
    expect(again).toMatchObject({ headers: ['Asset Tag', 'Model', 'Notes', 'Room'], added: 1, rejected: [] });
    const [a2] = await devices(router, { search: 'A-2' });
    expect(a2).toMatchObject({ model: 'Symbia E', location: '=R2' });
    expect(a2?.extra).toEqual({ Notes: '-5 dB' });
  });

  it('keeps the columns of an export that merely starts with "Row" and "Problem"', async () => {
    const { router } = await setup();
    const result = await importFile(router, 'Row,Problem,Asset Tag,Model\n2,fan noise,R9,Symbia T16\n');
    expect(result).toMatchObject({ headers: ['Row', 'Problem', 'Asset Tag', 'Model'], added: 1 });
    const [r9] = await devices(router);
    expect(r9?.extra).toEqual({ Row: '2', Problem: 'fan noise' });
  });

  it('gives back values that start with an apostrophe before a formula sign, or hold one after a ";"', async () => {
    const { router } = await setup();
    const first = await importFile(router, "Asset Tag,Model,Notes,Room\nA-1,x,,\n,A;=1,'-5,'=x\n");
    const [, rejected] = (first.rejectedCsv ?? '').split('\r\n');
    expect(rejected).toBe(`3,"has no asset tag, the key that identifies the device",,"A;'=1",''-5,''=x`);
    const fixed = (first.rejectedCsv ?? '').replace('device",,', 'device",A-2,');
    await importFile(router, fixed, {}, 'inventory-rejected-rows.csv');
    const [a2] = await devices(router, { search: 'A-2' });
    expect(a2).toMatchObject({ model: 'A;=1', location: "'=x" });
    expect(a2?.extra).toEqual({ Notes: "'-5" });
  });

  it('keeps apostrophes that are no formula guard, in text files and workbooks', async () => {
    const { router } = await setup();
    await importFile(router, "Asset Tag,Model,Notes\nA-1,'@home,'+49 89\nA-2,it's,'s-Hertogenbosch\n");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Devices');
    sheet.addRow(['Asset Tag', 'Model', 'Notes']);
    sheet.addRow(['B-1', "'-1", "'tis"]);
    await importFile(router, Buffer.from(await book.xlsx.writeBuffer()), {}, 'devices.xlsx');
    expect((await devices(router)).map((d) => [d.assetTag, d.model, d.extra.Notes])).toEqual([
      ['A-1', '@home', '+49 89'],
      ['A-2', "it's", "'s-Hertogenbosch"],
      ['B-1', '-1', "'tis"],
    ]);
  });
});
