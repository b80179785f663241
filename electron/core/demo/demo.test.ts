import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { tempDir } from '../../testing/temp';
import { closeSession, openSession } from '../session';
import { createDemoDatabase, type DemoSummary } from './create-demo';

// A fixed "today", so the assertions can name dates; the app passes the current time.
const NOW = new Date('2026-11-26T09:30:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let dir: string;
let first: DemoSummary;
let db: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isopatch-demo-'));
  first = await createDemoDatabase(join(dir, 'first.sqlite'), { now: NOW });
  db = new Database(first.path, { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const value = <T>(sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as T;

describe('the demo hospital', () => {
  it('has about 300 devices at 3 sites in 12 departments, each department at its own site', () => {
    expect(first).toMatchObject({
      devices: 300,
      sites: 3,
      departments: 12,
      from: '2026-09-17',
      to: '2026-11-26',
    });
    const bySite = rows<{ site: string; departments: number; devices: number }>(
      `SELECT s.name AS site, count(DISTINCT dep.id) AS departments, count(d.id) AS devices
       FROM site s JOIN department dep ON dep.site_id = s.id LEFT JOIN device d ON d.department_id = dep.id
       GROUP BY s.id ORDER BY s.id`,
    );
    expect(bySite).toEqual([
      { site: 'Main site', departments: 5, devices: expect.any(Number) },
      { site: 'North Clinic', departments: 4, devices: expect.any(Number) },
      { site: 'Heart Center', departments: 3, devices: expect.any(Number) },
    ]);
    expect(bySite.every((s) => s.devices > 50)).toBe(true);
    // The North Clinic's devices came in a later import, into the departments the site model put there.
    expect(
      value<string>(
        `SELECT s.name FROM device d JOIN department dep ON dep.id = d.department_id JOIN site s ON s.id = dep.site_id
         WHERE d.model = 'Biograph mCT Flow'`,
      ),
    ).toBe('North Clinic');
    expect(value<number>('SELECT count(*) FROM import_batch')).toBe(2);
    expect(value<number>('SELECT count(*) FROM team')).toBe(3);
    expect(value<number>('SELECT count(*) FROM maintenance_slot')).toBeGreaterThan(12);
    expect(value<string>('SELECT name FROM organization')).toBe('St. Aurelia Hospital Group');
  });

  it('mixes Siemens molecular imaging on Windows XP and 7 with GE, Philips and non-imaging devices', () => {
    const vendors = rows<{ name: string }>(
      'SELECT DISTINCT v.name FROM device d JOIN vendor v ON v.id = d.vendor_id ORDER BY v.name',
    ).map((v) => v.name);
    expect(vendors).toEqual(expect.arrayContaining(['Siemens Healthineers', 'GE HealthCare', 'Philips']));
    const modalities = rows<{ modality: string }>('SELECT DISTINCT modality FROM device').map(
      (m) => m.modality,
    );
    expect(modalities).toEqual(
      expect.arrayContaining([
        'SPECT',
        'SPECT/CT',
        'PET/CT',
        'SPECT Workplace',
        'Infusion pump',
        'Ventilator',
      ]),
    );
    const matched = rows<{ tracking_id: string; devices: number }>(
      `SELECT a.tracking_id, count(DISTINCT m.device_id) AS devices FROM device_match m
       JOIN advisory a ON a.id = m.advisory_id WHERE m.status = 'confirmed' GROUP BY a.id ORDER BY a.tracking_id`,
    );
    expect(matched.map((m) => m.tracking_id)).toEqual(['ICSMA-17-215-01', 'ICSMA-17-215-02']);
    expect(matched.reduce((n, m) => n + m.devices, 0)).toBeGreaterThan(25);
    // A model typed differently waits for a person: a suggestion under Matches to confirm.
    expect(value<number>("SELECT count(*) FROM device_match WHERE status = 'suggested'")).toBeGreaterThan(0);
  });

  it('has devices in every stage: isolated, patched, verified, reconnected, risk accepted, and one still exposed', () => {
    const states = Object.fromEntries(
      rows<{ state: string; n: number }>('SELECT state, count(*) AS n FROM device GROUP BY state').map(
        (r) => [r.state, r.n],
      ),
    );
    for (const state of [
      'isolated',
      'patch-planned',
      'reconnected',
      'risk-accepted',
      'decommissioned',
      'not-affected',
    ])
      expect(states[state], state).toBeGreaterThan(0);
    expect((states.patched ?? 0) + (states.verified ?? 0)).toBeGreaterThan(0);
    expect(states['isolation-planned']).toBe(1);
    const accepted = rows<{ risk_approver: string; risk_review_date: string; state_reason: string }>(
      "SELECT risk_approver, risk_review_date, state_reason FROM device WHERE state = 'risk-accepted'",
    );
    expect(accepted).toHaveLength(3);
    for (const a of accepted) {
      expect(a.risk_approver).toMatch(/\w/);
      expect(a.state_reason).toMatch(/Windows XP/);
      expect(a.risk_review_date > '2026-11-26').toBe(true);
    }
  });

  it('has a patch available since four weeks ago, and work planned ahead', () => {
    const available = rows<{ family: string; available_from: string; update_id: string }>(
      `SELECT f.name AS family, p.available_from, p.update_id FROM patch_availability p
       JOIN product_family f ON f.id = p.family_id JOIN advisory a ON a.id = p.advisory_id
       WHERE a.tracking_id = 'ICSMA-17-215-02' AND p.status = 'available' ORDER BY f.name`,
    );
    expect(available.map((a) => a.family)).toEqual(['PET/CT Systems', 'SPECT Systems', 'SPECT/CT Systems']);
    expect(new Set(available.map((a) => a.available_from))).toEqual(new Set(['2026-10-29']));
    const ahead = value<number>(
      "SELECT count(*) FROM planned_window WHERE status = 'planned' AND start_at > ?",
      NOW.toISOString(),
    );
    expect(ahead).toBeGreaterThan(5);
    expect(value<number>("SELECT count(*) FROM planned_window WHERE status = 'done'")).toBeGreaterThan(30);
  });

  it('has a history of ten weeks in the audit log, the work spread over the weeks', () => {
    const span = db.prepare('SELECT min(at) AS first, max(at) AS last FROM audit_log').get() as {
      first: string;
      last: string;
    };
    expect(Date.parse(span.first)).toBeLessThanOrEqual(NOW.getTime() - 69 * DAY_MS);
    expect(Date.parse(span.last)).toBeLessThanOrEqual(NOW.getTime());
    const weeks = rows<{ week: string }>(
      `SELECT DISTINCT strftime('%Y-%W', at) AS week FROM audit_log
       WHERE entity = 'device' AND action = 'update' AND after_json LIKE '%"state"%'`,
    );
    expect(weeks.length).toBeGreaterThanOrEqual(7);
    // Done windows carry the times the work really took, before they were recorded.
    const late = value<number>(
      "SELECT count(*) FROM planned_window WHERE status = 'done' AND (actual_end IS NULL OR actual_end > updated_at)",
    );
    expect(late).toBe(0);
    expect(value<string>("SELECT DISTINCT os_user FROM audit_log WHERE operation <> 'initialize'")).toBe(
      'demo',
    );
  });

  it('says it is the demo, and a real database does not', async () => {
    const demo = await openSession(first.path);
    const real = await openSession(join(tempDir(), 'isopatch.sqlite'));
    try {
      const status = async (session: typeof demo) =>
        (await createRouter(session).dispatch('getStatus', {})) as { ok: true; value: { demo: boolean } };
      expect((await status(demo)).value.demo).toBe(true);
      expect((await status(real)).value.demo).toBe(false);
    } finally {
      await closeSession(demo);
      await closeSession(real);
    }
  });

  it('is the same every time for the same day', async () => {
    const second = await createDemoDatabase(join(dir, 'second.sqlite'), { now: NOW });
    const other = new Database(second.path, { readonly: true });
    try {
      const tables = rows<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      ).map((t) => t.name);
      for (const table of tables) {
        const read = (from: Database.Database) =>
          from
            .prepare(`SELECT * FROM "${table}" ORDER BY rowid`)
            .all()
            .map((row) => JSON.stringify(row));
        expect(read(other), table).toEqual(read(db));
      }
    } finally {
      other.close();
    }
  }, 120_000);

  it('is only written to a new file: one with content is refused and left as it was', async () => {
    const taken = join(tempDir(), 'real.sqlite');
    writeFileSync(taken, 'anything at all');
    await expect(createDemoDatabase(taken, { now: NOW })).rejects.toThrow(/already exists and is not empty/);
    expect(statSync(taken).size).toBe('anything at all'.length);
  });
});
