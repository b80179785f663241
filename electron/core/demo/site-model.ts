import { DateTime } from 'luxon';
import type { SiteModelInput } from '../../api/schemas/site-model';

/**
 * The demo hospital group's site model: three sites in one time zone, twelve departments with the maintenance
 * windows such departments really give (evenings and Saturday mornings for imaging), blackouts around today,
 * and the three teams the 2017 advisories need (network for isolation, Siemens field service for the patch,
 * biomed for QC). "Main site" keeps the name every new database gives its main site, so device imports of
 * departments the model does not know still land there.
 */

export const DEMO_TIME_ZONE = 'Europe/Berlin';
export const DEMO_ORGANIZATION = 'St. Aurelia Hospital Group';

export const DEMO_SITES = {
  main: 'Main site',
  north: 'North Clinic',
  heart: 'Heart Center',
} as const;
export type DemoSite = keyof typeof DEMO_SITES;

/** Departments per site, in the order the model lists them. */
export const DEMO_DEPARTMENTS: Readonly<Record<DemoSite, readonly string[]>> = {
  main: ['Nuclear Medicine', 'Radiology', 'Intensive Care', 'Emergency Department', 'Operating Theatres'],
  north: ['PET Center', 'Oncology', 'Outpatient Imaging', 'Laboratory'],
  heart: ['Cardiac Imaging', 'Cardiology Ward', 'Cardiac Surgery'],
};

type Slot = { day: 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun'; start: string; end: string };
const slot = (day: Slot['day'], start: string, end: string): Slot => ({ day, start, end });

const SLOTS: Readonly<Record<string, readonly Slot[]>> = {
  'Nuclear Medicine': [
    slot('Tue', '17:30', '22:00'),
    slot('Thu', '17:30', '22:00'),
    slot('Sat', '07:00', '15:00'),
  ],
  Radiology: [slot('Sat', '06:00', '14:00'), slot('Sun', '06:00', '12:00')],
  'Intensive Care': [slot('Wed', '13:00', '15:00')],
  'Emergency Department': [slot('Sun', '04:00', '07:00')],
  'Operating Theatres': [slot('Sat', '08:00', '16:00')],
  'PET Center': [slot('Mon', '17:00', '21:00'), slot('Wed', '17:00', '21:00'), slot('Sat', '07:00', '13:00')],
  Oncology: [slot('Fri', '16:00', '20:30'), slot('Sat', '08:00', '12:00')],
  'Outpatient Imaging': [slot('Tue', '17:00', '21:00'), slot('Sat', '08:00', '13:00')],
  Laboratory: [slot('Sun', '08:00', '12:00')],
  'Cardiac Imaging': [
    slot('Mon', '18:00', '22:00'),
    slot('Thu', '18:00', '22:00'),
    slot('Sat', '08:00', '13:00'),
  ],
  'Cardiology Ward': [slot('Wed', '14:00', '16:00')],
  'Cardiac Surgery': [slot('Sat', '08:00', '14:00')],
};

/** Imaging departments may give up one camera of a kind at a time; the PET Center keeps its PET/CT running. */
const AVAILABILITY: Readonly<Record<string, readonly { modality: string; maxDown: number }[]>> = {
  'Nuclear Medicine': [
    { modality: 'SPECT/CT', maxDown: 1 },
    { modality: 'SPECT', maxDown: 1 },
  ],
  'PET Center': [{ modality: 'PET/CT', maxDown: 1 }],
  'Cardiac Imaging': [{ modality: 'SPECT', maxDown: 1 }],
};

const isoDate = (day: DateTime) => day.toISODate() as string;

/** Christmas and New Year in every year the demo's past and planning horizon touch. */
function holidays(today: DateTime) {
  const years = [today.year - 1, today.year, today.year + 1];
  return years.flatMap((year) => [
    { from: `${year}-12-24`, to: `${year}-12-26`, reason: 'Christmas: emergencies only' },
    { from: `${year}-12-31`, to: `${year + 1}-01-01`, reason: 'New Year' },
  ]);
}

export function demoSiteModel(now: Date): SiteModelInput {
  const today = DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE }).startOf('day');
  const days = (from: number, to: number, reason: string) => ({
    from: isoDate(today.plus({ days: from })),
    to: isoDate(today.plus({ days: to })),
    reason,
  });
  const departmentBlackouts: Readonly<Record<string, ReturnType<typeof days>[]>> = {
    'Nuclear Medicine': [days(11, 12, 'Nuclear cardiology study days: every camera in use')],
    'PET Center': [days(17, 18, 'Accreditation audit')],
    'Cardiac Imaging': [days(-24, -23, 'Cardiology congress: department closed')],
  };
  const siteOf = (key: DemoSite) => ({
    name: DEMO_SITES[key],
    timeZone: DEMO_TIME_ZONE,
    departments: DEMO_DEPARTMENTS[key].map((name) => ({
      name,
      maintenanceSlots: [...(SLOTS[name] ?? [])],
      blackouts: departmentBlackouts[name] ?? [],
      availability: [...(AVAILABILITY[name] ?? [])],
    })),
    blackouts: [...holidays(today), ...(key === 'heart' ? [days(-20, -19, 'Clinical IT migration')] : [])],
  });
  return {
    sites: [siteOf('main'), siteOf('north'), siteOf('heart')],
    teams: [
      {
        name: 'Network Operations',
        kind: 'network',
        workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
        start: '06:00',
        end: '22:30',
        dailyCapacityMinutes: 480,
        contact: 'noc@st-aurelia.example, ext. 4410',
      },
      {
        name: 'Siemens Healthineers field service',
        kind: 'vendor-field-service',
        // One engineer, two days a week: the patches take weeks, as they did in 2017.
        workDays: ['Tue', 'Sat'],
        start: '07:00',
        end: '22:00',
        dailyCapacityMinutes: 300,
        contact: 'Service hotline 0800 188 8899, contract SH-4711',
      },
      {
        name: 'Biomedical Engineering',
        kind: 'biomed',
        workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
        start: '07:00',
        end: '22:30',
        dailyCapacityMinutes: 600,
        contact: 'biomed@st-aurelia.example, ext. 2290',
      },
    ],
    durations: {
      default: { isolation: 30, patch: 180, qc: 60, reconnection: 30 },
      families: {
        'PET/CT Systems': { patch: 240, qc: 90 },
        'SPECT Workplaces/Symbia.net': { patch: 90, qc: 30 },
      },
      devices: {},
    },
  };
}
