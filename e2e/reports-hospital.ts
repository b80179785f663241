import Database from 'better-sqlite3';
import type { WebApp } from './fixtures';

/** A date counted from the site's today (Europe/Berlin), as the app checks review dates. */
const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

/**
 * A hospital of 300 devices for the report tests, made through the app's own API (as the web page calls it):
 * four departments, 200 devices the 2017 Siemens advisories affect, work done on many of them, a site model
 * and a plan. Devices whose location or name holds markup show that it prints as text.
 */

const SPECT = ['Symbia T16', 'Symbia Intevo 16', 'Symbia T2', 'Symbia.net'];
const PET = ['Biograph mCT Flow', 'Biograph TruePoint'];
const OTHER = [
  ['GE', 'Revolution CT'],
  ['Philips', 'Ingenuity TF'],
];

export interface HospitalFacts {
  readonly devices: number;
  readonly affected: number;
}

function inventory(): string {
  const rows = ['Asset Tag,Serial,Manufacturer,Model,Modality,Department,Location,IP,OS,Software Version'];
  const pad = (n: number) => String(n).padStart(3, '0');
  for (let i = 1; i <= 100; i++) {
    const location = i === 77 ? '<b>Hot lab</b> & "store"' : `NM room ${1 + (i % 12)}`;
    rows.push(
      `NM-${pad(i)},S${1000 + i},Siemens,${SPECT[i % SPECT.length]},NM,Nuclear Medicine,"${location.replace(/"/g, '""')}",10.1.${i}.10,${i % 5 === 0 ? 'Windows XP' : 'Windows 7'},VA60A`,
    );
  }
  for (let i = 1; i <= 60; i++)
    rows.push(
      `PET-${pad(i)},P${2000 + i},Siemens,${PET[i % 2]},PT,PET Center,PET bay ${1 + (i % 6)},10.2.${i}.10,Windows 7,VA60A`,
    );
  for (let i = 1; i <= 40; i++)
    rows.push(
      `CARD-${pad(i)},C${3000 + i},Siemens Healthineers,Symbia T,NM,Cardiology,Cardio ${1 + (i % 4)},10.3.${i}.10,Windows 7,VA60A`,
    );
  for (let i = 1; i <= 100; i++) {
    const [vendor, model] = OTHER[i % 2] as [string, string];
    rows.push(
      `RAD-${pad(i)},R${4000 + i},${vendor},${model},CT,Radiology,CT ${1 + (i % 8)},10.4.${i}.10,Windows 10,1.0`,
    );
  }
  return rows.join('\n');
}

const SITE_MODEL = {
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: ['Nuclear Medicine', 'PET Center', 'Cardiology', 'Radiology'].map((name) => ({
        name,
        maintenanceSlots: [
          { day: 'Sat', start: '07:00', end: '15:00' },
          { day: 'Tue', start: '17:00', end: '22:00' },
        ],
      })),
    },
  ],
  teams: [
    {
      name: 'Network team',
      kind: 'network',
      workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      start: '06:00',
      end: '22:00',
    },
    {
      name: 'Siemens field service',
      kind: 'vendor-field-service',
      workDays: ['Tue', 'Sat'],
      start: '07:00',
      end: '22:00',
    },
    { name: 'Biomed', kind: 'biomed', workDays: ['Tue', 'Sat'], start: '07:00', end: '22:00' },
  ],
};

export async function api<T = unknown>(app: WebApp, name: string, input: unknown = {}): Promise<T> {
  const token = new URL(app.url).hash.replace('#token=', '');
  const response = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-isopatch-token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value;
}

export async function seedHospital(app: WebApp): Promise<void> {
  await api(app, 'updateSettings', { organizationName: 'Klinikum Nord', siteTimeZone: 'Europe/Berlin' });
  await api(app, 'importDevices', {
    fileName: 'cmms-export.csv',
    content: Buffer.from(inventory()).toString('base64'),
    options: {},
  });
  await api(app, 'saveSiteModel', { model: SITE_MODEL });
  const move = (assetTag: string, state: string, more: Record<string, unknown> = {}) =>
    api(app, 'setDeviceState', { assetTag, state, ...more });
  const tag = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;
  for (let i = 1; i <= 50; i++) await move(tag('NM', i), 'isolated');
  for (let i = 1; i <= 30; i++) await move(tag('PET', i), 'isolated');
  for (let i = 1; i <= 30; i++) await move(tag('NM', i), 'patched');
  for (let i = 1; i <= 15; i++) await move(tag('NM', i), 'verified');
  for (let i = 1; i <= 10; i++)
    await move(tag('CARD', i), 'risk-accepted', {
      reason: 'Replaced in the spring; a closed segment until then.',
      approver: 'Dr. Weber (CISO)',
      // Ahead of today, as a review date must be: the first ones within the dashboard's notice of 14 days.
      reviewDate: daysFromToday(2 + i * 2),
    });
  for (let i = 1; i <= 30; i++)
    await move(tag('RAD', i), 'not-affected', { reason: 'Not a Siemens system.' });
  await api(app, 'setPatchStatus', {
    advisory: 'ICSMA-17-215-02',
    family: 'PET/CT Systems',
    status: 'available',
    availableFrom: '2026-11-20',
    updateId: 'VB22A-UD03',
  });
  await api(app, 'applyPlan', {});
  spreadHistory(app.databasePath);
}

/**
 * The API stamps every change with the time it was made, seconds apart here; a real rollout takes weeks. So the
 * fixture moves the recorded device changes into the past eight weeks, in their order: the devices became affected
 * on day 0, the work followed from day 3. The burn-down is rebuilt from exactly these entries.
 */
function spreadHistory(databasePath: string) {
  const db = new Database(databasePath);
  try {
    const start = Date.now() - 56 * 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    db.transaction(() => {
      db.prepare(
        'UPDATE device SET created_at = ?, affected_at = CASE WHEN affected_at IS NULL THEN NULL ELSE ? END',
      ).run(iso(start - 86_400_000), iso(start));
      const entries = db
        .prepare("SELECT id, after_json FROM audit_log WHERE entity = 'device' ORDER BY id")
        .all() as { id: number; after_json: string | null }[];
      const byMatching = entries.filter((e) => e.after_json?.includes('"by":"matching"'));
      const work = entries.filter((e) => !e.after_json?.includes('"by":"matching"'));
      const set = db.prepare('UPDATE audit_log SET at = ? WHERE id = ?');
      for (const e of byMatching) set.run(iso(start), e.id);
      work.forEach((e, i) => {
        set.run(iso(start + 3 * 86_400_000 + ((i + 1) / work.length) * 52 * 86_400_000), e.id);
      });
    })();
  } finally {
    db.close();
  }
}
