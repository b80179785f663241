import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createRouter } from '../../api/router';
import { importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { tempDir } from '../../testing/temp';
import { openSession } from '../session';

/**
 * A small hospital with a history, for the report tests (imported by tests only). The clock moves between steps,
 * so the audit log holds a real timeline for the burn-down:
 *   Nov 20  three Symbia T16 (Windows 7) are imported and become affected; a GE CT is not matched
 *   Nov 22  NM-1 is isolated                      -> exposed 2, unpatched 3
 *   Nov 25  NM-2's risk is accepted (review Dec 5) -> exposed 1, unpatched 3
 *   Nov 27  NM-1 is patched                        -> exposed 1, unpatched 2
 *   Nov 28  CT-1 is decided not affected
 *   Nov 29  (now) Saturday slots and teams; the plan puts NM-3's isolation on Sat Dec 5
 */
export const INVENTORY = [
  'Asset Tag,Manufacturer,Model,Modality,Department,Location,OS,Software Version',
  'NM-1,Siemens,Symbia T16,NM,Nuclear Medicine,Room 1.01,Windows 7,VA60A',
  'NM-2,Siemens,Symbia T16,NM,Nuclear Medicine,Room 1.02,Windows 7,VA60A',
  'NM-3,Siemens,Symbia T16,NM,Nuclear Medicine,Room 1.03,Windows 7,VA60A',
  'CT-1,GE,Revolution,CT,Radiology,Room 2.01,Windows 10,1.0',
].join('\n');

export const NOW = '2026-11-29T10:00:00.000Z';

export async function reportHospital(inventory = INVENTORY) {
  let clock = new Date('2026-11-20T08:00:00.000Z');
  const session = await openSession(join(tempDir(), 'isopatch.sqlite'), {
    osUser: 'tester',
    systemTimeZone: 'Europe/Berlin',
    now: () => clock,
  });
  if (session.state !== 'open') throw new Error(session.error.message);
  onTestFinished(() => {
    if (session.ctx.db.open) session.ctx.db.close();
  });
  const router = createRouter(session);
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  await call(router, 'updateSettings', { organizationName: 'Klinikum Nord', siteTimeZone: 'Europe/Berlin' });
  await importFile(router, inventory);
  at('2026-11-22T10:00:00.000Z');
  await call(router, 'setDeviceState', { assetTag: 'NM-1', state: 'isolated' });
  at('2026-11-25T10:00:00.000Z');
  await call(router, 'setDeviceState', {
    assetTag: 'NM-2',
    state: 'risk-accepted',
    reason: 'Replaced in January; the segment is closed.',
    approver: 'Dr. Weber (CISO)',
    reviewDate: '2026-12-05',
  });
  at('2026-11-27T10:00:00.000Z');
  await call(router, 'setDeviceState', { assetTag: 'NM-1', state: 'patched' });
  at('2026-11-28T10:00:00.000Z');
  await call(router, 'setDeviceState', {
    assetTag: 'CT-1',
    state: 'not-affected',
    reason: 'Not a Siemens system.',
  });
  at(NOW);
  const db = session.ctx.db;
  const nm = db.prepare("SELECT id FROM department WHERE name = 'Nuclear Medicine'").pluck().get() as number;
  db.prepare(
    "INSERT INTO maintenance_slot (department_id, weekday, start_local, end_local) VALUES (?, 6, '07:00', '13:00')",
  ).run(nm);
  for (const [name, kind] of [
    ['Network team', 'network'],
    ['Siemens field service', 'vendor-field-service'],
    ['Biomed', 'biomed'],
  ])
    db.prepare(
      "INSERT INTO team (name, kind, work_days, work_start, work_end) VALUES (?, ?, '1,2,3,4,5,6', '06:00', '18:00')",
    ).run(name, kind);
  await call(router, 'applyPlan', { from: '2026-11-30' });
  return { session, router, db, at };
}
