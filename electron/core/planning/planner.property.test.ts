import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../api/schemas/site-model';
import { type SiteSketch, sketchData } from '../../testing/planning';
import { plan } from './planner';
import type { ExistingWindow, PatchState } from './planning-data';
import { conflictsOf } from './rules';

const FROM = Date.parse('2026-03-20T00:00:00Z'); // the plans run over Europe's and America's spring-forward nights
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const period = fc
  .record({
    days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 3 }),
    start: hhmm,
    end: hhmm,
  })
  .filter((p) => p.start !== p.end);

const patch: fc.Arbitrary<PatchState> = fc.oneof(
  fc
    .integer({ min: -5, max: 40 })
    .map((days) => ({ kind: 'available' as const, from: FROM + days * 86_400_000 })),
  fc.constant({ kind: 'awaiting' as const, status: 'none-available' }),
  fc.constant({ kind: 'no-fix' as const }),
);

const site: fc.Arbitrary<SiteSketch> = fc
  .record({
    zone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC'),
    departments: fc.array(
      fc.record({
        slots: fc.array(period, { maxLength: 3 }),
        blackoutStart: fc.option(fc.integer({ min: 0, max: 40 })),
        maxDown: fc.option(fc.integer({ min: 0, max: 2 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    teams: fc.array(
      fc.record({
        kind: fc.constantFrom('network', 'vendor-field-service', 'biomed') as fc.Arbitrary<
          'network' | 'vendor-field-service' | 'biomed'
        >,
        hours: period,
        capacity: fc.integer({ min: 0, max: 600 }),
      }),
      { minLength: 0, maxLength: 5 },
    ),
    devices: fc.array(
      fc.record({
        department: fc.nat(),
        modality: fc.constantFrom('nm', 'pt', null),
        priority: fc.integer({ min: 0, max: 120 }),
        state: fc.constantFrom(
          'affected',
          'isolation-planned',
          'isolated',
          'patch-planned',
          'patched',
          'verified',
        ) as fc.Arbitrary<
          'affected' | 'isolation-planned' | 'isolated' | 'patch-planned' | 'patched' | 'verified'
        >,
        network: fc.constantFrom('connected', 'isolated', 'disconnected') as fc.Arbitrary<
          'connected' | 'isolated' | 'disconnected'
        >,
        patch,
        minutes: fc.record({
          isolation: fc.integer({ min: 15, max: 120 }),
          patch: fc.integer({ min: 30, max: 300 }),
          qc: fc.integer({ min: 15, max: 120 }),
          reconnection: fc.integer({ min: 15, max: 60 }),
        }),
        lockedAt: fc.option(fc.integer({ min: 0, max: 30 * 48 })),
      }),
      { maxLength: 14 },
    ),
    reconnect: fc.boolean(),
  })
  .map((r) => {
    const departments = r.departments.map((d, i) => ({
      id: i + 1,
      name: `Department ${i + 1}`,
      slots: d.slots,
      blackouts:
        d.blackoutStart === null
          ? []
          : [{ from: day(d.blackoutStart), to: day(d.blackoutStart + 2), reason: 'Clinical event' }],
      maxDown: (d.maxDown === null ? {} : { nm: d.maxDown, pt: d.maxDown }) as Record<string, number>,
    }));
    const devices = r.devices.map((d, i) => ({
      id: i + 1,
      departmentId: (d.department % departments.length) + 1,
      modality: d.modality,
      priority: d.priority,
      state: d.state,
      networkState: d.network,
      patch: d.patch,
      minutes: d.minutes,
    }));
    // A locked isolation placed by hand anywhere (possibly breaking rules): the planner must keep and plan around it.
    const windows: ExistingWindow[] = r.devices.flatMap((d, i) =>
      d.lockedAt === null
        ? []
        : [
            {
              id: 1000 + i,
              deviceId: i + 1,
              kind: 'isolation',
              start: FROM + d.lockedAt * 1_800_000,
              end: FROM + d.lockedAt * 1_800_000 + d.minutes.isolation * 60_000,
              teamId: null,
              locked: true,
              status: 'planned',
              departmentId: (devices[i] as { departmentId: number }).departmentId,
              modality: d.modality,
            },
          ],
    );
    return {
      zone: r.zone,
      from: '2026-03-20',
      horizonDays: 45,
      policies: { reconnectAfterPatch: r.reconnect },
      departments,
      teams: r.teams.map((t, i) => ({
        id: i + 1,
        name: `Team ${i + 1}`,
        kind: t.kind,
        days: t.hours.days,
        start: t.hours.start,
        end: t.hours.end,
        capacity: t.capacity,
      })),
      devices,
      windows,
    };
  });

function day(offset: number) {
  return new Date(FROM + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('the auto-planner, for random sites, devices, patches and locked windows', () => {
  it('places every new task so that it breaks no hard rule', () => {
    fc.assert(
      fc.property(site, (sketch) => {
        const data = sketchData(sketch);
        const result = plan(data);
        const devices = new Map(data.devices.map((d) => [d.id, d]));
        const windows: ExistingWindow[] = result.tasks.map((t, i) => ({
          ...t,
          id: t.fixedId ?? -(i + 1),
          locked: t.fixedId !== null,
          status: 'planned',
          departmentId: devices.get(t.deviceId)?.departmentId ?? null,
          modality: devices.get(t.deviceId)?.modality ?? null,
        }));
        const conflicts = conflictsOf(data, windows);
        for (const w of windows) {
          if (w.id > 0) continue;
          expect(conflicts.get(w.id) ?? [], `task ${w.kind} of device ${w.deviceId}`).toEqual([]);
          expect(w.start).toBeGreaterThanOrEqual(data.earliest);
          expect(w.end).toBeLessThanOrEqual(data.horizonEnd);
        }
        for (const locked of data.windows)
          expect(result.tasks.some((t) => t.fixedId === locked.id && t.start === locked.start)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every device that needs isolation: a task or a breach that says why', () => {
    fc.assert(
      fc.property(site, (sketch) => {
        const data = sketchData(sketch);
        const result = plan(data);
        for (const device of data.devices) {
          if (
            !['affected', 'isolation-planned'].includes(device.state) ||
            device.networkState !== 'connected'
          )
            continue;
          const planned = result.tasks.some((t) => t.deviceId === device.id && t.kind === 'isolation');
          const breached = result.breaches.some(
            (b) => b.deviceId === device.id && b.kind === 'isolation' && b.reason.length > 0,
          );
          expect(planned || breached).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same plan when run twice on the same data', () => {
    fc.assert(
      fc.property(site, (sketch) => {
        expect(plan(sketchData(sketch))).toEqual(plan(sketchData(sketch)));
      }),
      { numRuns: 100 },
    );
  });
});
