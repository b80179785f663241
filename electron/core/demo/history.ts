import { DateTime } from 'luxon';
import type { ApiResult, InputOf, OperationName, OutputOf } from '../../api/contract';
import type { Router } from '../../api/router';
import type { DemoClock } from './clock';
import { type InventoryRow, inventoryCsv } from './inventory';
import { DemoRandom } from './random';
import { DEMO_ORGANIZATION, DEMO_TIME_ZONE, demoSiteModel } from './site-model';

/**
 * Ten weeks of a biomedical engineering team's work, replayed through the operations a person would use, with
 * the clock at the time each step would have happened: the first inventory ten weeks ago, the plan, isolations
 * done in the maintenance windows week by week, the North Clinic's inventory two weeks later, Siemens' patch
 * four weeks ago and the patches, QC and reconnections since, a decommissioned camera and risk acceptances for
 * the Windows XP systems no fix is planned for. Work that ended in the last hours is left to be recorded.
 */

export interface DemoInventories {
  readonly mainAndHeart: readonly InventoryRow[];
  readonly north: readonly InventoryRow[];
}

interface Step {
  readonly at: DateTime;
  readonly run: () => Promise<unknown>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export async function runDemoHistory(
  router: Router,
  clock: DemoClock,
  now: Date,
  inventories: DemoInventories,
  seed: number,
): Promise<void> {
  const random = new DemoRandom(seed);
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = (await router.dispatch(name, input)) as ApiResult<OutputOf<K>>;
    if (!result.ok) throw new Error(`The demo's step ${name} failed: ${result.error.message}`);
    return result.value;
  };
  const all = [...inventories.mainAndHeart, ...inventories.north];
  const tagOf = (model: string, department: string) => {
    const row = all.find((r) => r.Model === model && r.Department === department);
    if (!row) throw new Error(`The demo inventory has no ${model} in ${department}.`);
    return row['Asset Tag'];
  };

  const today = DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE });
  const day = (offset: number, time: string) => {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return today.startOf('day').plus({ days: offset }).set({ hour, minute });
  };
  const date = (offset: number) => today.plus({ days: offset }).toISODate() as string;
  const start = -70;

  const steps: Step[] = [
    {
      at: day(start, '08:30'),
      run: async () => {
        await call('updateSettings', { organizationName: DEMO_ORGANIZATION, siteTimeZone: DEMO_TIME_ZONE });
        await call('saveSiteModel', { model: demoSiteModel(now) });
      },
    },
    {
      at: day(start, '09:10'),
      run: () =>
        call('importDevices', {
          fileName: 'cmms-export-main-site-and-heart-center.csv',
          content: base64(inventoryCsv(inventories.mainAndHeart)),
        }),
    },
    {
      // The Heart Center had moved its cameras into a firewalled segment before the advisories.
      at: day(start, '09:40'),
      run: async () => {
        for (const model of ['Symbia Evo', 'Symbia T2']) {
          await call('setDeviceState', {
            assetTag: tagOf(model, 'Cardiac Imaging'),
            state: 'isolated',
            reason: 'In the cardiology imaging VLAN behind firewall rule set CARD-IMG since 2019',
          });
        }
      },
    },
    { at: day(start, '10:15'), run: () => call('applyPlan', {}) },
    {
      at: day(start + 13, '10:30'),
      run: () =>
        call('setDeviceState', {
          assetTag: tagOf('syngo MI Workplace', 'PET Center'),
          state: 'not-affected',
          reason: 'Stand-alone reading station: network interface removed in 2016, images arrive on DVD',
        }),
    },
    {
      at: day(start + 13, '09:00'),
      run: () =>
        call('importDevices', {
          fileName: 'north-clinic-assets.csv',
          content: base64(inventoryCsv(inventories.north)),
        }),
    },
    {
      at: day(start + 13, '09:25'),
      run: () => call('confirmMatch', { model: 'Biograph 64 mCT', family: 'PET/CT Systems' }),
    },
    { at: day(start + 13, '09:45'), run: () => call('applyPlan', {}) },
    {
      at: day(-45, '11:00'),
      run: async () => {
        for (const family of ['SPECT/CT Systems', 'SPECT Systems', 'PET/CT Systems']) {
          await call('setPatchStatus', {
            advisory: 'ICSMA-17-215-02',
            family,
            status: 'announced',
            expectedDate: date(-28),
            sourceNote: 'Siemens customer letter: update for Windows 7-based systems expected within weeks',
          });
        }
      },
    },
    {
      at: day(-35, '11:00'),
      run: () =>
        call('setDeviceState', {
          assetTag: tagOf('e.cam', 'Nuclear Medicine'),
          state: 'decommissioned',
          reason: 'Replaced by the Symbia Intevo Excel; removed from the network and the department',
        }),
    },
    {
      at: day(-28, '10:00'),
      run: async () => {
        const updates = [
          ['SPECT/CT Systems', 'VB22A-UD04'],
          ['SPECT Systems', 'VA60C-UD02'],
          ['PET/CT Systems', 'VJ30C-UD02'],
        ] as const;
        for (const [family, updateId] of updates) {
          await call('setPatchStatus', {
            advisory: 'ICSMA-17-215-02',
            family,
            status: 'available',
            availableFrom: date(-28),
            updateId,
            delivery: 'on-site',
            sourceNote: 'Installed by Siemens field service in a maintenance window, then QC by biomed',
          });
        }
        await call('setPatchStatus', {
          advisory: 'ICSMA-17-215-02',
          family: 'SPECT Workplaces/Symbia.net',
          status: 'announced',
          expectedDate: date(14),
          sourceNote: 'Siemens: the Symbia.net update follows the scanners',
        });
        for (const family of [
          'SPECT/CT Systems',
          'SPECT Systems',
          'PET/CT Systems',
          'SPECT Workplaces/Symbia.net',
        ]) {
          await call('setPatchStatus', {
            advisory: 'ICSMA-17-215-01',
            family,
            status: 'no-fix-planned',
            sourceNote: 'Siemens: no update for Windows XP-based systems; isolate or replace them',
          });
        }
      },
    },
    { at: day(-28, '10:30'), run: () => call('applyPlan', {}) },
    {
      at: day(-21, '15:00'),
      run: async () => {
        const acceptances = [
          [tagOf('Biograph TruePoint', 'PET Center'), 'Dr. Helen Brandt, Medical Director', 90],
          [tagOf('c.cam', 'Cardiac Imaging'), 'Dr. Helen Brandt, Medical Director', 60],
          [tagOf('Symbia E', 'Nuclear Medicine'), 'James Okafor, CISO', 10],
        ] as const;
        for (const [assetTag, approver, reviewInDays] of acceptances) {
          await call('setDeviceState', {
            assetTag,
            state: 'risk-accepted',
            reason:
              'No fix is planned for the Windows XP-based system; isolated with DICOM to PACS only; replacement requested in the next budget',
            approver,
            reviewDate: date(reviewInDays),
          });
        }
      },
    },
    {
      // A site walk finds a workstation the CMMS listed on Windows 10 still on Windows 7: affected since yesterday.
      at: day(-1, '15:20'),
      run: async () => {
        const assetTag = tagOf('Symbia.net', 'Oncology');
        const page = await call('listDevices', { search: assetTag });
        const device = page.rows.find((row) => row.assetTag === assetTag);
        if (!device) throw new Error(`The demo has no device ${assetTag}.`);
        await call('updateDevice', { id: device.id, changes: { os: 'Windows 7 Professional SP1' } });
        await call('applyPlan', {});
      },
    },
  ];
  // The team re-plans every Monday morning: new devices, moved work and the patch all find their windows.
  for (let offset = start + 1; offset < 0; offset++) {
    const monday = day(offset, '07:30');
    if (monday.weekday === 1) steps.push({ at: monday, run: () => call('applyPlan', {}) });
  }
  steps.sort((a, b) => a.at.toMillis() - b.at.toMillis());

  for (const step of steps) {
    if (step.at.toMillis() >= now.getTime()) continue;
    await recordWorkDone(step.at.toMillis() - 60 * 60_000);
    clock.moveTo(step.at.toMillis());
    await step.run();
  }
  // Yesterday evening's work is not recorded yet: it shows as overdue until someone marks it done.
  await recordWorkDone(now.getTime() - 16 * 60 * 60_000);
  clock.moveTo(now);

  /**
   * Marks every planned window that ended by `until` done, in the order they ended, at about the time they did.
   * The paperwork of the last days lags, as it does: QC of the last three days and reconnections of the last
   * week are not recorded, so some devices are still "patched" or "verified" today.
   */
  async function recordWorkDone(until: number) {
    const { windows } = await call('listWindows', {});
    const due = windows
      .filter((w) => w.status === 'planned' && Date.parse(w.end) <= until)
      .sort((a, b) => Date.parse(a.end) - Date.parse(b.end) || (a.id ?? 0) - (b.id ?? 0));
    const held = new Set<number>();
    for (const window of due) {
      const lagDays = window.kind === 'qc' ? 3 : window.kind === 'reconnection' ? 7 : 0;
      if (Date.parse(window.end) > now.getTime() - lagDays * DAY_MS) held.add(window.deviceId);
      if (window.id === null || held.has(window.deviceId)) continue;
      const plannedStart = Date.parse(window.start);
      const plannedEnd = Date.parse(window.end);
      const actualStart = plannedStart + random.int(0, 10) * 60_000;
      const actualEnd = Math.max(actualStart + 5 * 60_000, plannedEnd + random.int(-10, 15) * 60_000);
      clock.moveTo(Math.min(until, actualEnd + random.int(10, 40) * 60_000));
      const iso = (ms: number) => DateTime.fromMillis(ms, { zone: DEMO_TIME_ZONE }).toISO() as string;
      await call('completeTask', { id: window.id, actualStart: iso(actualStart), actualEnd: iso(actualEnd) });
    }
  }
}
