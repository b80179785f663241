// A hospital group for the planning benchmark, built through the router as the app builds it, then planned
// by priority and naively (first come, first served) on the same data. Bundled by planning.mjs with esbuild.
import { createRouter } from '../../electron/api/router';
import type { PlannedWindow } from '../../electron/api/schemas/planning';
import { priorityOf } from '../../electron/core/advisories/matching/risk';
import { computePlan } from '../../electron/core/planning/plan-service';
import { openSession } from '../../electron/core/session';

const MODELS = ['Symbia T16', 'Biograph mCT', 'Symbia Intevo Bold', 'Symbia E'];
const MODALITY = ['NM', 'PT', 'NM', 'NM'];
// The bundled 2017 advisories are all CVSS 9.8; a real inventory meets many advisories, so spread the scores.
const CVSS = [9.8, 9.8, 8.8, 7.5, 6.5, 5.3];

export async function buildHospital(path: string, devices: number, now: Date) {
  const session = await openSession(path, {
    osUser: 'bench',
    systemTimeZone: 'Europe/Berlin',
    now: () => now,
  });
  if (session.state !== 'open') throw new Error(session.error.message);
  const router = createRouter(session, { logError: (e) => console.error(e) });
  const call = async (name: string, input: unknown) => {
    const result = await router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const departments = Array.from({ length: 60 }, (_, i) => ({
    name: `Department ${i}`,
    maintenanceSlots: [
      { day: ['Sat', 'Sun', 'Wed'][i % 3], start: '07:00', end: '13:00' },
      { day: 'Fri', start: '22:00', end: '06:00' },
    ],
    blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' }],
  }));
  const week = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  // A hospital group's teams: 7,200 minutes on 12-hour days is ten people at once (twenty for the field service).
  await call('saveSiteModel', {
    model: {
      sites: [{ name: 'Main site', timeZone: 'Europe/Berlin', departments }],
      teams: [
        {
          name: 'Network day',
          kind: 'network',
          workDays: week,
          start: '06:00',
          end: '18:00',
          dailyCapacityMinutes: 7200,
        },
        {
          name: 'Network night',
          kind: 'network',
          workDays: week,
          start: '18:00',
          end: '06:00',
          dailyCapacityMinutes: 7200,
        },
        {
          name: 'Siemens field service',
          kind: 'vendor-field-service',
          workDays: week,
          start: '00:00',
          end: '23:59',
          dailyCapacityMinutes: 14400,
        },
        {
          name: 'Biomed A',
          kind: 'biomed',
          workDays: week,
          start: '06:00',
          end: '18:00',
          dailyCapacityMinutes: 7200,
        },
        {
          name: 'Biomed B',
          kind: 'biomed',
          workDays: week,
          start: '18:00',
          end: '06:00',
          dailyCapacityMinutes: 7200,
        },
      ],
    },
  });
  const rows = ['Asset Tag,Manufacturer,Model,Modality,Department,OS'];
  for (let i = 0; i < devices; i++) {
    rows.push(
      `BME-${String(i).padStart(6, '0')},Siemens,${MODELS[i % 4]},${MODALITY[i % 4]},Department ${i % 60},Windows 7`,
    );
  }
  await call('importDevices', {
    fileName: 'inventory.csv',
    content: Buffer.from(rows.join('\n')).toString('base64'),
  });
  // The patch is out for SPECT/CT systems; the others still wait for theirs.
  const products = session.ctx.db
    .prepare(
      `SELECT DISTINCT a.tracking_id AS advisory, f.name AS family FROM advisory_product p
       JOIN advisory a ON a.id = p.advisory_id JOIN product_family f ON f.id = p.family_id WHERE f.name = 'SPECT/CT Systems'`,
    )
    .all() as { advisory: string; family: string }[];
  for (const p of products)
    await call('setPatchStatus', { ...p, status: 'available', availableFrom: '2026-12-01' });
  const risks = session.ctx.db
    .prepare('SELECT device_id, patch_status, needs_review FROM device_risk')
    .all() as {
    device_id: number;
    patch_status: string;
    needs_review: number;
  }[];
  const update = session.ctx.db.prepare(
    'UPDATE device_risk SET max_cvss = ?, priority = ? WHERE device_id = ?',
  );
  session.ctx.db.transaction(() => {
    for (const r of risks) {
      const cvss = CVSS[(r.device_id * 7) % CVSS.length] as number;
      update.run(
        cvss,
        priorityOf(cvss, 'connected', r.patch_status === 'available', r.needs_review === 1),
        r.device_id,
      );
    }
  })();
  return session;
}

/** Milliseconds to plan (load + plan + compare), and the exposure of the priority plan and a naive one. */
export async function measure(path: string, devices: number, runs: number) {
  const now = new Date('2026-11-30T08:00:00Z');
  const session = await buildHospital(path, devices, now);
  const samples: number[] = [];
  const coldStart = performance.now();
  let planned = computePlan(session.ctx, { from: '2026-11-30' });
  const cold = performance.now() - coldStart;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    planned = computePlan(session.ctx, { from: '2026-11-30' });
    samples.push(performance.now() - started);
  }
  const naive = computePlan(session.ctx, { from: '2026-11-30' }, 'first-come');
  const move = await moveOneWindow(session);
  session.ctx.db.close();
  return {
    samples,
    cold,
    tasks: planned.tasks.length,
    breaches: planned.result.breaches.length,
    exposure: planned.result.exposure,
    naiveExposure: naive.result.exposure,
    move,
  };
}

/**
 * A window dragged on the applied plan, as the schedule does it: the move saved (one transaction), then the week
 * listed again with every conflict. Milliseconds of each, medians of a few moves.
 */
async function moveOneWindow(session: Awaited<ReturnType<typeof buildHospital>>) {
  const router = createRouter(session, { logError: (e) => console.error(e) });
  const call = async (name: string, input: unknown) => {
    const result = await router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as { windows: PlannedWindow[] };
  };
  await call('applyPlan', { from: '2026-11-30' });
  const week = { from: '2026-12-01', to: '2026-12-07' };
  const window = (await call('listWindows', week)).windows[5];
  if (!window) throw new Error('The plan has no windows in its first week.');
  const save: number[] = [];
  const list: number[] = [];
  for (let minutes = 1; minutes <= 5; minutes++) {
    const shift = minutes * 60_000;
    let started = performance.now();
    await call('saveWindow', {
      id: window.id,
      deviceId: window.deviceId,
      kind: window.kind,
      start: new Date(Date.parse(window.start) + shift).toISOString(),
      end: new Date(Date.parse(window.end) + shift).toISOString(),
    });
    save.push(performance.now() - started);
    started = performance.now();
    await call('listWindows', week);
    list.push(performance.now() - started);
  }
  return { save, list };
}

export { computePlan };
