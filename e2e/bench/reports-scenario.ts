// A 10,000-device hospital with eight weeks of history for the report benchmark, built through the router as the
// app builds it (the clock moves between steps, so the audit log holds a real timeline for the burn-down), and
// the status report made as HTML. Bundled by reports.mjs with esbuild.
import { createRouter } from '../../electron/api/router';
import type { ReportFile } from '../../electron/api/schemas/reports';
import { openSession } from '../../electron/core/session';

const MODELS = ['Symbia T16', 'Biograph mCT', 'Symbia Intevo Bold', 'Symbia E', 'Revolution CT'];
const DAY = 86_400_000;

export async function measure(path: string, devices: number, runs: number) {
  const now = Date.parse('2026-11-29T10:00:00Z');
  let clock = now - 56 * DAY;
  const session = await openSession(path, {
    osUser: 'bench',
    systemTimeZone: 'Europe/Berlin',
    now: () => new Date(clock),
  });
  if (session.state !== 'open') throw new Error(session.error.message);
  const router = createRouter(session, { logError: (e) => console.error(e) });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const departments = Array.from({ length: 30 }, (_, i) => ({
    name: `Department ${i}`,
    maintenanceSlots: [{ day: ['Sat', 'Sun', 'Wed'][i % 3], start: '07:00', end: '15:00' }],
  }));
  const week = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  await call('saveSiteModel', {
    model: {
      sites: [{ name: 'Main site', timeZone: 'Europe/Berlin', departments }],
      teams: [
        {
          name: 'Network',
          kind: 'network',
          workDays: week,
          start: '06:00',
          end: '22:00',
          dailyCapacityMinutes: 960,
        },
        {
          name: 'Siemens field service',
          kind: 'vendor-field-service',
          workDays: week,
          start: '06:00',
          end: '22:00',
        },
        { name: 'Biomed', kind: 'biomed', workDays: week, start: '06:00', end: '22:00' },
      ],
    },
  });
  await call('updateSettings', { organizationName: 'Bench Hospital Group', siteTimeZone: 'Europe/Berlin' });
  const rows = ['Asset Tag,Manufacturer,Model,Modality,Department,Location,OS'];
  for (let i = 0; i < devices; i++) {
    const model = MODELS[i % MODELS.length] as string;
    rows.push(
      `BME-${String(i).padStart(6, '0')},${model === 'Revolution CT' ? 'GE' : 'Siemens'},${model},NM,Department ${i % 30},Room ${i % 90},${i % 7 === 0 ? 'Windows XP' : 'Windows 7'}`,
    );
  }
  await call('importDevices', {
    fileName: 'inventory.csv',
    content: Buffer.from(rows.join('\n')).toString('base64'),
  });
  // Eight weeks of work: isolations first, then patches and QC, some risks accepted, spread over the days.
  const affected = session.ctx.db
    .prepare("SELECT asset_tag FROM device WHERE state = 'affected' ORDER BY id")
    .pluck()
    .all() as string[];
  const steps: [string, string, Record<string, unknown>][] = [];
  affected.forEach((tag, i) => {
    if (i % 2 === 0) steps.push([tag, 'isolated', {}]);
    if (i % 6 === 0) steps.push([tag, 'patched', {}], [tag, 'verified', {}]);
    if (i % 25 === 1)
      steps.push([
        tag,
        'risk-accepted',
        {
          reason: 'Replacement ordered',
          approver: 'CISO',
          reviewDate: new Date(now + 60 * DAY).toISOString().slice(0, 10),
        },
      ]);
  });
  for (const [i, [assetTag, state, more]] of steps.entries()) {
    clock = now - 53 * DAY + Math.floor((i / steps.length) * 52 * DAY);
    await call('setDeviceState', { assetTag, state, ...more });
  }
  clock = now;
  await call('applyPlan', {});
  const input = { report: 'status', format: 'html' };
  const samples: number[] = [];
  let file: ReportFile | null = null;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    file = await call<ReportFile>('exportReport', input);
    // The first run warms the statement cache and the time-zone tables; it is not counted.
    if (i > 0) samples.push(performance.now() - started);
  }
  // The dashboard shows the same figures and burn-down, so it costs about as much; measured beside.
  const dashboard: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await call('getDashboard', {});
    if (i > 0) dashboard.push(performance.now() - started);
  }
  const exposed = session.ctx.db
    .prepare(
      "SELECT count(*) FROM device WHERE state IN ('affected', 'isolation-planned', 'patch-planned') AND network_state = 'connected'",
    )
    .pluck()
    .get() as number;
  const auditEntries = session.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  session.ctx.db.close();
  return { samples, dashboard, html: file?.content ?? '', exposed, auditEntries, affected: affected.length };
}
