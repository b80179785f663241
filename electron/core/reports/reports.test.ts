import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../api/schemas/dashboard';
import type { ReportFile, ReportPreview } from '../../api/schemas/reports';
import { call } from '../../testing/router';
import { buildReport } from './service';
import { reportHospital } from './test-hospital';

const input = (report: 'status' | 'worklist' | 'devices' | 'audit', more: Record<string, unknown> = {}) => ({
  report,
  departments: [],
  paper: 'a4' as const,
  ...more,
});

describe('the status report', () => {
  it('says "none available" for an advisory with no patch recorded, as the drawer and the planner read it', async () => {
    const { session, db } = await reportHospital();
    db.prepare('DELETE FROM patch_availability').run();
    const doc = buildReport(session.ctx, input('status'));
    const byAdvisory = doc.sections.find((s) => s.kind === 'table' && s.title.startsWith('By advisory'));
    expect(byAdvisory?.kind === 'table' && byAdvisory.rows.map((r) => r.slice(0, 2))).toEqual([
      ['ICSMA-17-215-02 - SPECT/CT Systems', 'none available'],
    ]);
  });

  it('counts each device once, rebuilds the burn-down from the audit history, and lists what needs doing', async () => {
    const { session } = await reportHospital();
    const doc = buildReport(session.ctx, input('status'));
    expect(doc.header).toMatchObject({
      organization: 'Klinikum Nord',
      site: 'Main site',
      generatedAt: '2026-11-29 11:00',
      timeZone: 'Europe/Berlin',
      author: 'tester',
    });
    expect(doc.header.filter).toEqual([
      ['Site', 'all sites'],
      ['Departments', 'all departments'],
      ['Dates', 'burn-down 2026-11-16 to 2026-11-29; windows 2026-11-29 to 2026-12-12'],
    ]);
    const figures = doc.sections.find((s) => s.kind === 'figures');
    expect(figures?.kind === 'figures' && figures.figures.map((f) => [f.label, f.value])).toEqual([
      ['Affected', 3],
      ['Exposed', 1],
      ['Isolated, not yet patched', 0],
      ['Patched', 1],
      ['Verified', 0],
      ['Risk accepted', 1],
      ['Not affected', 1],
      ['Complete', 33],
    ]);
    const chart = doc.sections.find((s) => s.kind === 'burn-down');
    const points = chart?.kind === 'burn-down' ? chart.points : [];
    const on = (date: string) => points.find((p) => p.date === date);
    expect(points).toHaveLength(14);
    expect(on('2026-11-19')).toEqual({ date: '2026-11-19', exposed: 0, unpatched: 0 });
    expect(on('2026-11-20')).toEqual({ date: '2026-11-20', exposed: 3, unpatched: 3 });
    expect(on('2026-11-22')).toEqual({ date: '2026-11-22', exposed: 2, unpatched: 3 });
    expect(on('2026-11-25')).toEqual({ date: '2026-11-25', exposed: 1, unpatched: 3 });
    expect(on('2026-11-27')).toEqual({ date: '2026-11-27', exposed: 1, unpatched: 2 });
    expect(on('2026-11-29')).toEqual({ date: '2026-11-29', exposed: 1, unpatched: 2 });

    const table = (title: string) => {
      const found = doc.sections.find((s) => s.kind === 'table' && s.title.startsWith(title));
      if (found?.kind !== 'table') throw new Error(`no table ${title}`);
      return found;
    };
    expect(table('By department').rows).toEqual([
      ['Nuclear Medicine', 3, 1, 0, 1, 0, 1, 0, 33],
      ['Radiology', 0, 0, 0, 0, 0, 0, 1, 0],
      ['Total', 3, 1, 0, 1, 0, 1, 1, 33],
    ]);
    expect(table('By advisory').rows).toEqual([
      ['ICSMA-17-215-02 - SPECT/CT Systems', 'announced', 3, 1, 0, 1, 0, 1],
    ]);
    expect(table('Exposed devices').rows).toEqual([
      [98, 'NM-3', 'Symbia T16', 'Nuclear Medicine', 'Room 1.03', 9.8, 9, '2026-11-27'],
    ]);
    // NM-1 is patched: QC, then reconnection; NM-3 is isolated meanwhile (another team, another device).
    expect(table('Planned windows').rows.map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      ['2026-12-05 07:00', '2026-12-05 08:00', 'Quality control', 'NM-1', 'Biomed'],
      ['2026-12-05 07:00', '2026-12-05 07:30', 'Isolation', 'NM-3', 'Network team'],
      ['2026-12-05 08:00', '2026-12-05 08:30', 'Reconnection', 'NM-1', 'Network team'],
    ]);
    expect(table('Risk acceptances').rows).toEqual([
      [
        'NM-2',
        'Symbia T16',
        'Nuclear Medicine',
        'Replaced in January; the segment is closed.',
        'Dr. Weber (CISO)',
        '2026-12-05',
        'due soon',
      ],
    ]);
  });

  it('undoes changes recorded at the same instant in the order they were recorded', async () => {
    const { session, router, at } = await reportHospital();
    // One action moves CT-1 through three states at one instant: the burn-down must not count it exposed before.
    at('2026-11-29T11:00:00.000Z');
    await call(router, 'setDeviceState', { assetTag: 'CT-1', state: 'unassessed' });
    await call(router, 'setDeviceState', { assetTag: 'CT-1', state: 'affected' });
    await call(router, 'setDeviceState', { assetTag: 'CT-1', state: 'isolation-planned' });
    at('2026-11-29T12:00:00.000Z');
    const doc = buildReport(session.ctx, input('status'));
    const chart = doc.sections.find((s) => s.kind === 'burn-down');
    const points = chart?.kind === 'burn-down' ? chart.points : [];
    expect(points.map((p) => [p.date.slice(5), p.exposed])).toEqual([
      ['11-16', 0],
      ['11-17', 0],
      ['11-18', 0],
      ['11-19', 0],
      ['11-20', 3],
      ['11-21', 3],
      ['11-22', 2],
      ['11-23', 2],
      ['11-24', 2],
      ['11-25', 1],
      ['11-26', 1],
      ['11-27', 1],
      ['11-28', 1],
      ['11-29', 2],
    ]);
  });

  it('keeps to the departments and dates asked for, and says so in its header', async () => {
    const { session, router } = await reportHospital();
    const doc = buildReport(
      session.ctx,
      input('status', { departments: ['radiology'], from: '2026-11-21', to: '2026-11-24' }),
    );
    expect(doc.header.filter).toEqual([
      ['Site', 'all sites'],
      ['Departments', 'Radiology'],
      ['Dates', 'burn-down 2026-11-21 to 2026-11-24; windows 2026-11-29 to 2026-12-12'],
    ]);
    const chart = doc.sections.find((s) => s.kind === 'burn-down');
    expect(chart?.kind === 'burn-down' && chart.points.map((p) => p.exposed)).toEqual([0, 0, 0, 0]);
    const unknown = await router.dispatch('previewReport', input('status', { departments: ['Cardiology'] }));
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No department is called "Cardiology".' },
    });
    const backwards = await router.dispatch(
      'previewReport',
      input('status', { from: '2026-12-01', to: '2026-11-01' }),
    );
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the other reports', () => {
  it('a worklist lists each window with its checks, blanks to fill in and the three sign-off lines', async () => {
    const { session } = await reportHospital();
    const doc = buildReport(session.ctx, input('worklist', { departments: ['Nuclear Medicine'] }));
    expect(doc.title).toBe('Worklist Nuclear Medicine');
    expect(doc.fileStem).toBe('worklist-nuclear-medicine-2026-11-29');
    expect(doc.defaultOrientation).toBe('landscape');
    expect(doc.header.filter[2]).toEqual(['Dates', 'windows 2026-11-29 to 2026-12-12']);
    const [table, signOff] = doc.sections;
    expect(table?.kind === 'table' && table.columns.map((c) => c.label)).toEqual([
      'Window',
      'Planned start',
      'Planned end',
      'Device',
      'Location',
      'Task and checks',
      'Team',
      'Done',
      'Actual start',
      'Actual end',
      'Notes',
    ]);
    expect(table?.kind === 'table' && table.rows.map((r) => [r[1], (r[5] as readonly string[])[0]])).toEqual([
      ['2026-12-05 07:00', 'Quality control'],
      ['2026-12-05 07:00', 'Isolation'],
      ['2026-12-05 08:00', 'Reconnection'],
    ]);
    const isolation = session.ctx.db
      .prepare(
        "SELECT w.id FROM planned_window w JOIN device d ON d.id = w.device_id WHERE d.asset_tag = 'NM-3' AND w.kind = 'isolation'",
      )
      .pluck()
      .get();
    expect(table?.kind === 'table' && table.rows[1]).toEqual([
      String(isolation),
      '2026-12-05 07:00',
      '2026-12-05 07:30',
      ['NM-3', 'Symbia T16, NM'],
      'Room 1.03',
      [
        'Isolation',
        'Moved to the dedicated segment (VLAN) or disconnected',
        'DICOM to PACS and the worklist still work',
        'Remote access only through the VPN',
      ],
      'Network team',
      null,
      null,
      null,
      null,
    ]);
    // Above the column headers, which print on every page the table runs on: a torn-off page says whose it is.
    expect(table).toMatchObject({ runningLabel: 'Nuclear Medicine · worklist 2026-11-29 to 2026-12-12' });
    expect(signOff).toEqual({
      kind: 'sign-off',
      title: 'Sign-off: Nuclear Medicine',
      roles: ['Biomed engineer', 'Department lead', 'Network team'],
    });
    const empty = buildReport(session.ctx, input('worklist', { departments: ['Radiology'] }));
    expect(empty.sections[0]).toMatchObject({
      rows: [],
      empty: 'No window is planned for Radiology from 2026-11-29 to 2026-12-12.',
    });
  });

  it('a worklist says on paper which window breaks a rule, and the dashboard counts it', async () => {
    const { session, router } = await reportHospital();
    expect((await call<Dashboard>(router, 'getDashboard')).conflictingWindows).toBe(0);
    // NM-3's isolation moved by hand to Sunday, outside Nuclear Medicine's Saturday slot.
    session.ctx.db
      .prepare(
        `UPDATE planned_window SET start_at = '2026-12-06T06:00:00.000Z', end_at = '2026-12-06T06:30:00.000Z', locked = 1
         WHERE kind = 'isolation' AND device_id = (SELECT id FROM device WHERE asset_tag = 'NM-3')`,
      )
      .run();
    const doc = buildReport(session.ctx, input('worklist', { departments: ['Nuclear Medicine'] }));
    const [table] = doc.sections;
    const isolation =
      table?.kind === 'table' ? table.rows.find((r) => r[1] === '2026-12-06 07:00') : undefined;
    const conflict = "⚠ Conflict: is outside Nuclear Medicine's maintenance slots";
    expect(isolation?.[5]).toEqual([
      'Isolation',
      'Moved to the dedicated segment (VLAN) or disconnected',
      'DICOM to PACS and the worklist still work',
      'Remote access only through the VPN',
      conflict,
      '⚠ Conflict: is outside the working hours of Network team',
    ]);
    expect((await call<Dashboard>(router, 'getDashboard')).conflictingWindows).toBe(1);

    // On paper a warning, with no box to tick: the boxes are the three checks' alone.
    const scope = { departments: ['Nuclear Medicine'], from: '2026-12-06', to: '2026-12-06' };
    const { html } = await call<ReportPreview>(router, 'previewReport', input('worklist', scope));
    const cell = html.match(/<td class="wide"><span class="line task">Isolation<\/span>.*?<\/td>/)?.[0] ?? '';
    expect(cell.match(/class="box"/g)).toHaveLength(3);
    expect(cell).toMatch(
      /<span class="line warning">⚠ Conflict: is outside Nuclear Medicine&#39;s maintenance slots/,
    );
    // In the files too: a warning, not one more check.
    const csv = await call<ReportFile>(router, 'exportReport', {
      ...input('worklist', scope),
      format: 'csv',
    });
    expect(csv.content).toContain(`Remote access only through the VPN; ${conflict}`);
    const xlsx = await call<ReportFile>(router, 'exportReport', {
      ...input('worklist', scope),
      format: 'xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    expect(String(workbook.getWorksheet('Nuclear Medicine')?.getCell('F2').value)).toContain(
      `Remote access only through the VPN\n${conflict}`,
    );
  });

  it('the device register shows every device with its fields, matches, state and windows', async () => {
    const { session } = await reportHospital();
    const doc = buildReport(session.ctx, input('devices'));
    const [table] = doc.sections;
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.title).toBe('4 devices');
    const nm3 = table.rows.find((r) => r[0] === 'NM-3');
    expect(nm3).toEqual([
      'NM-3',
      null,
      'Siemens',
      'Siemens Healthineers',
      'Symbia T16',
      'NM',
      'Nuclear Medicine',
      'Room 1.03',
      null,
      null,
      null,
      'Windows 7',
      'VA60A',
      null,
      'isolation planned',
      'connected',
      98,
      ['ICSMA-17-215-02: confirmed (alias)'],
      ['Isolation 2026-12-05 07:00-07:30 planned'],
      [],
    ]);
  });

  it('the audit trail lists the changes of the dates asked for, with what changed', async () => {
    const { session } = await reportHospital();
    const doc = buildReport(session.ctx, input('audit', { from: '2026-11-25', to: '2026-11-25' }));
    const [table] = doc.sections;
    if (table?.kind !== 'table') throw new Error('no table');
    // Only the fields that changed (the network stayed connected), with the app's words for states.
    expect(table.rows).toEqual([
      [
        '2026-11-25 11:00',
        'tester',
        'set device state',
        'device NM-2',
        'update',
        [
          'state: affected → risk accepted',
          'reason: (none) → Replaced in January; the segment is closed.',
          'risk approver: (none) → Dr. Weber (CISO)',
          'risk review date: (none) → 2026-12-05',
        ],
      ],
    ]);
    // Windows name their device, task and team, and their times are local like the Time column.
    const plan = buildReport(session.ctx, input('audit', { from: '2026-11-29', to: '2026-11-29' }));
    const planRows = plan.sections[0]?.kind === 'table' ? plan.sections[0].rows : [];
    expect(planRows.find((r) => r[3] === 'planned window 2 (NM-3)')).toEqual([
      '2026-11-29 11:00',
      'tester',
      'apply plan',
      'planned window 2 (NM-3)',
      'create',
      [
        'device: NM-3',
        'task: isolation',
        'start: 2026-12-05 07:00',
        'end: 2026-12-05 07:30',
        'team: Network team',
      ],
    ]);
    expect(planRows.find((r) => r[3] === 'device NM-3')?.[5]).toEqual([
      'state: affected → isolation planned',
    ]);
    const byDepartment = buildReport(
      session.ctx,
      input('audit', { departments: ['Radiology'], from: '2026-11-01' }),
    );
    expect(
      byDepartment.sections[0]?.kind === 'table' && byDepartment.sections[0].rows.map((r) => r[3]),
    ).toEqual(['device CT-1']);
  });
});

describe('the report preview', () => {
  it('previews the report as HTML with the stylesheet for the paper chosen', async () => {
    const { router } = await reportHospital();
    const preview = await call<ReportPreview>(
      router,
      'previewReport',
      input('worklist', { paper: 'letter' }),
    );
    expect(preview).toMatchObject({ title: 'Worklist', paper: 'letter', orientation: 'landscape' });
    expect(preview.css).toContain('size: letter landscape;');
    expect(preview.css).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(preview.html).toMatch(/^<article class="report report-worklist">/);
    expect(preview.html).toMatch(
      /<thead><tr class="running-label"><th scope="colgroup" colspan="\d+">[^<]+ · worklist /,
    );
  });
});
