import { describe, expect, it } from 'vitest';
import { ROUND_THE_CLOCK_TEAMS, type SiteSketch, sketchData } from '../../testing/planning';
import { plan } from './planner';
import { conflictsOf } from './rules';

const iso = (ms: number) => new Date(ms).toISOString();
// Saturdays 07:00-13:00 Berlin (06:00-12:00Z in winter); 2026-12-05 is a Saturday.
const NUCLEAR_MEDICINE = {
  id: 10,
  name: 'Nuclear Medicine',
  slots: [{ days: ['Sat'], start: '07:00', end: '13:00' }],
} as const;
const base: SiteSketch = {
  from: '2026-12-01',
  departments: [NUCLEAR_MEDICINE],
  teams: ROUND_THE_CLOCK_TEAMS,
  devices: [{ id: 1, departmentId: 10 }],
};

const summary = (result: ReturnType<typeof plan>) =>
  result.tasks.map(
    (t) =>
      `${t.deviceId} ${t.kind} ${iso(t.start).slice(5, 16)}-${iso(t.end).slice(11, 16)} team ${t.teamId}`,
  );

describe('the auto-planner', () => {
  it('isolates first, then patches with QC as one downtime, then reconnects, each in a maintenance slot', () => {
    expect(summary(plan(sketchData(base)))).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '1 patch 12-05T06:30-09:30 team 2',
      '1 qc 12-05T09:30-10:30 team 3',
      '1 reconnection 12-05T10:30-11:00 team 1',
    ]);
  });

  it('plans only isolation while no patch is available, and reports the device as awaiting the patch', () => {
    const result = plan(
      sketchData({
        ...base,
        devices: [{ id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'announced' } }],
      }),
    );
    expect(summary(result)).toEqual(['1 isolation 12-05T06:00-06:30 team 1']);
    expect(result.awaitingPatch).toEqual([{ deviceId: 1, status: 'announced' }]);
    expect(result.breaches).toEqual([]);
  });

  it('never starts a patch before the patch is available', () => {
    const data = sketchData({
      ...base,
      devices: [
        { id: 1, departmentId: 10, patch: { kind: 'available', from: Date.parse('2026-12-10T00:00:00Z') } },
      ],
    });
    expect(summary(plan(data)).slice(1, 2)).toEqual(['1 patch 12-12T06:00-09:00 team 2']);
  });

  it('keeps one of two NM systems up: the second goes down only after the first is back', () => {
    const data = sketchData({
      ...base,
      departments: [{ ...NUCLEAR_MEDICINE, maxDown: { nm: 1 } }],
      devices: [
        { id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } },
        { id: 2, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } },
      ],
    });
    expect(summary(plan(data))).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '2 isolation 12-05T06:30-07:00 team 1',
    ]);
  });

  it('respects a team daily capacity: a third isolation waits for the next working day', () => {
    const data = sketchData({
      ...base,
      teams: [{ id: 1, name: 'Network team', kind: 'network', capacity: 60 }],
      policies: { reconnectAfterPatch: false },
      devices: [1, 2, 3].map((id) => ({
        id,
        departmentId: 10,
        patch: { kind: 'awaiting', status: 'none-available' } as const,
      })),
    });
    expect(summary(plan(data))).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '2 isolation 12-05T06:30-07:00 team 1',
      '3 isolation 12-12T06:00-06:30 team 1',
    ]);
  });

  it('gives a team no more tasks at once than its people: minutes a day over the hours of its day', () => {
    const devices = [1, 2, 3, 4].map((id) => ({
      id,
      departmentId: 10,
      patch: { kind: 'awaiting', status: 'none-available' } as const,
    }));
    const withTeam = (capacity: number) =>
      sketchData({
        ...base,
        teams: [{ id: 1, name: 'Network team', kind: 'network', start: '06:00', end: '14:00', capacity }],
        policies: { reconnectAfterPatch: false },
        devices,
      });
    // One person on an 8-hour day (480 minutes): one isolation after the other.
    expect(summary(plan(withTeam(480)))).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '2 isolation 12-05T06:30-07:00 team 1',
      '3 isolation 12-05T07:00-07:30 team 1',
      '4 isolation 12-05T07:30-08:00 team 1',
    ]);
    // Three people (1,440 minutes): three at once, the fourth when the first are done.
    expect(summary(plan(withTeam(1440)))).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '2 isolation 12-05T06:00-06:30 team 1',
      '3 isolation 12-05T06:00-06:30 team 1',
      '4 isolation 12-05T06:30-07:00 team 1',
    ]);
  });

  it('orders devices by priority: the critical one gets the only early slot', () => {
    const data = sketchData({
      ...base,
      departments: [
        { ...NUCLEAR_MEDICINE, maxDown: { nm: 1 }, slots: [{ days: ['Sat'], start: '07:00', end: '07:30' }] },
      ],
      devices: [
        {
          id: 1,
          departmentId: 10,
          priority: 40,
          maxCvss: 4,
          patch: { kind: 'awaiting', status: 'none-available' },
        },
        { id: 2, departmentId: 10, priority: 98, patch: { kind: 'awaiting', status: 'none-available' } },
      ],
    });
    expect(summary(plan(data))).toEqual([
      '2 isolation 12-05T06:00-06:30 team 1',
      '1 isolation 12-12T06:00-06:30 team 1',
    ]);
    expect(summary(plan(data, 'first-come'))[0]).toBe('1 isolation 12-05T06:00-06:30 team 1');
  });

  it('keeps a locked window where it is and plans around it', () => {
    const locked = {
      id: 77,
      deviceId: 2,
      kind: 'isolation' as const,
      start: Date.parse('2026-12-05T06:00:00Z'),
      end: Date.parse('2026-12-05T08:00:00Z'),
      teamId: 1,
      locked: true,
      status: 'planned' as const,
      departmentId: 10,
      modality: 'nm',
    };
    const data = sketchData({
      ...base,
      departments: [{ ...NUCLEAR_MEDICINE, maxDown: { nm: 1 } }],
      policies: { reconnectAfterPatch: false },
      devices: [
        { id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } },
        { id: 2, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } },
      ],
      windows: [locked],
    });
    const result = plan(data);
    expect(summary(result)).toEqual([
      '2 isolation 12-05T06:00-08:00 team 1',
      '1 isolation 12-05T08:00-08:30 team 1',
    ]);
    expect(result.tasks[0]?.fixedId).toBe(77);
  });

  it('plans the patch alone before a QC a person locked, and never a second QC', () => {
    const lockedQc = {
      id: 66,
      deviceId: 1,
      kind: 'qc' as const,
      start: Date.parse('2026-12-12T10:00:00Z'),
      end: Date.parse('2026-12-12T11:00:00Z'),
      teamId: 3,
      locked: true,
      status: 'planned' as const,
      departmentId: 10,
      modality: 'nm',
    };
    const data = sketchData({ ...base, windows: [lockedQc] });
    const result = plan(data);
    expect(summary(result)).toEqual([
      '1 isolation 12-05T06:00-06:30 team 1',
      '1 patch 12-05T06:30-09:30 team 2',
      '1 qc 12-12T10:00-11:00 team 3',
      '1 reconnection 12-12T11:00-11:30 team 1',
    ]);
    expect(result.breaches).toEqual([]);

    // Locked before the earliest patch can be: still one QC, and a breach that says what to do.
    const tooEarly = plan(
      sketchData({
        ...base,
        devices: [
          { id: 1, departmentId: 10, patch: { kind: 'available', from: Date.parse('2026-12-15T00:00:00Z') } },
        ],
        windows: [lockedQc],
      }),
    );
    expect(tooEarly.tasks.filter((t) => t.kind === 'qc')).toHaveLength(1);
    expect(tooEarly.breaches).toEqual([
      expect.objectContaining({
        kind: 'qc',
        reason:
          'its QC is locked before the earliest patch window: move the QC after the patch, or unlock it',
      }),
    ]);
  });

  it('reports a breach with its reason when the deadline cannot be met, and still plans the work', () => {
    const data = sketchData({
      ...base,
      departments: [
        {
          ...NUCLEAR_MEDICINE,
          slots: [{ days: ['Sat'], start: '07:00', end: '13:00' }],
          blackouts: [{ from: '2026-12-01', to: '2026-12-10', reason: 'Inspection' }],
        },
      ],
      policies: { isolateCriticalWithinDays: 7 },
      devices: [{ id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } }],
    });
    const result = plan(data);
    expect(summary(result)).toEqual(['1 isolation 12-12T06:00-06:30 team 1']);
    expect(result.breaches).toEqual([
      {
        deviceId: 1,
        kind: 'isolation',
        reason:
          'the earliest window ends after the deadline: Nuclear Medicine has no maintenance slot early enough (blackouts and the weekly slots leave none)',
        due: Date.parse('2026-12-08T00:00:00Z'),
      },
    ]);
  });

  it('says when a window placed by hand misses the deadline, and leaves it where it is', () => {
    const byHand = (day: string) => ({
      id: 88,
      deviceId: 1,
      kind: 'isolation' as const,
      start: Date.parse(`2026-12-${day}T06:00:00Z`),
      end: Date.parse(`2026-12-${day}T06:30:00Z`),
      teamId: 1,
      locked: true,
      status: 'planned' as const,
      departmentId: 10,
      modality: 'nm',
    });
    const planWith = (day: string) =>
      plan(
        sketchData({
          ...base,
          policies: { isolateCriticalWithinDays: 7, reconnectAfterPatch: false },
          devices: [{ id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } }],
          windows: [byHand(day)],
        }),
      );
    const late = planWith('12');
    expect(summary(late)).toEqual(['1 isolation 12-12T06:00-06:30 team 1']);
    expect(late.breaches).toEqual([
      {
        deviceId: 1,
        kind: 'isolation',
        reason: 'its window, placed by hand, ends after the deadline: move it earlier, or keep it knowingly',
        due: Date.parse('2026-12-08T00:00:00Z'),
      },
    ]);
    expect(planWith('05').breaches).toEqual([]);
  });

  it('says why nothing could be placed: no slots, no team of a kind, no fix from the vendor', () => {
    const noSlots = plan(sketchData({ ...base, departments: [{ ...NUCLEAR_MEDICINE, slots: [] }] }));
    expect(noSlots.breaches[0]?.reason).toBe(
      'no window in the 180 days planned: Nuclear Medicine has no maintenance slots',
    );
    const noTeam = plan(
      sketchData({ ...base, teams: (ROUND_THE_CLOCK_TEAMS ?? []).filter((t) => t.kind !== 'network') }),
    );
    expect(noTeam.breaches[0]?.reason).toBe('the site model has no network team for isolation');
    const noFix = plan(
      sketchData({ ...base, devices: [{ id: 1, departmentId: 10, patch: { kind: 'no-fix' } }] }),
    );
    expect(noFix.breaches.map((b) => [b.kind, b.reason])).toEqual([
      ['patch', 'the vendor plans no fix: accept the risk or decommission the device'],
    ]);
  });

  it('names what really blocked the slots before the deadline, also for a device whose search resumed', () => {
    const data = sketchData({
      ...base,
      teams: [{ id: 1, name: 'Network team', kind: 'network', capacity: 60 }],
      policies: { reconnectAfterPatch: false },
      devices: [1, 2, 3].map((id) => ({
        id,
        departmentId: 10,
        patch: { kind: 'awaiting', status: 'none-available' } as const,
      })),
    });
    const result = plan(data);
    expect(summary(result).at(-1)).toBe('3 isolation 12-12T06:00-06:30 team 1');
    expect(result.breaches.map((b) => [b.deviceId, b.reason])).toEqual([
      [
        3,
        "the earliest window ends after the deadline: the network team's daily capacity is used up; the network team is busy with as many tasks at once as it has people",
      ],
    ]);
  });

  it('says when the team never works during the slots', () => {
    const data = sketchData({
      ...base,
      teams: [
        {
          id: 1,
          name: 'Network team',
          kind: 'network',
          days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
          start: '07:00',
          end: '16:00',
        },
      ],
      devices: [{ id: 1, departmentId: 10, patch: { kind: 'awaiting', status: 'none-available' } }],
    });
    expect(plan(data).breaches[0]?.reason).toMatch(
      /network team does not work during Nuclear Medicine's maintenance slots/,
    );
  });

  it('skips isolation for a device already isolated and reconnects it after QC', () => {
    const data = sketchData({
      ...base,
      devices: [{ id: 1, departmentId: 10, state: 'isolated', networkState: 'isolated' }],
    });
    expect(summary(plan(data)).map((s) => s.split(' ')[1])).toEqual(['patch', 'qc', 'reconnection']);
  });

  it('makes plans that break no hard rule', () => {
    const data = sketchData({
      ...base,
      departments: [{ ...NUCLEAR_MEDICINE, maxDown: { nm: 1 } }],
      devices: [1, 2, 3, 4].map((id) => ({ id, departmentId: 10 })),
    });
    const result = plan(data);
    const windows = result.tasks.map((t, i) => ({
      ...t,
      id: i + 1,
      locked: false,
      status: 'planned' as const,
      departmentId: 10,
      modality: 'nm',
    }));
    expect(conflictsOf(data, windows)).toEqual(new Map());
  });
});

describe('the conflict check', () => {
  it('names the department, the modality and the time when both systems would be down', () => {
    const data = sketchData({
      ...base,
      departments: [{ ...NUCLEAR_MEDICINE, maxDown: { nm: 1 } }],
      devices: [
        { id: 1, departmentId: 10 },
        { id: 2, departmentId: 10 },
      ],
    });
    const window = (id: number, start: string, end: string) => ({
      id,
      deviceId: id,
      kind: 'isolation' as const,
      start: Date.parse(start),
      end: Date.parse(end),
      teamId: 1,
      locked: true,
      status: 'planned' as const,
      departmentId: 10,
      modality: 'nm',
    });
    const conflicts = conflictsOf(data, [
      window(1, '2026-12-12T06:00:00Z', '2026-12-12T08:00:00Z'),
      window(2, '2026-12-12T07:00:00Z', '2026-12-12T09:00:00Z'),
    ]);
    expect(conflicts.get(2)).toEqual([
      'Network team would have 2 tasks at once on Sat 12 Dec 08:00-09:00 (it can work on one at a time)',
      'Nuclear Medicine would have both NM systems down on Sat 12 Dec 08:00-09:00 (at most 1 may be down)',
    ]);
  });
});
