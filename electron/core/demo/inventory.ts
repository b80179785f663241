import { DemoRandom } from './random';
import { DEMO_DEPARTMENTS, type DemoSite } from './site-model';

/**
 * The demo hospital's device inventory, as a CMMS would export it: about 300 devices, of which the Siemens
 * molecular imaging systems on Windows XP and 7 are what the 2017 advisories are about, among the GE, Philips and
 * other imaging systems and the many non-imaging devices (monitors, pumps, ventilators) every hospital has.
 * Manufacturer spellings vary on purpose, as they do in real exports.
 */

interface Kind {
  readonly count: number;
  readonly manufacturer: string | readonly string[];
  readonly model: string;
  readonly modality: string;
  readonly os: string | readonly string[];
  readonly versions: readonly string[];
  /** Host name prefix; devices without one have no host name (most pumps do not). */
  readonly host?: string;
  /** Install years, from and to. */
  readonly years?: readonly [number, number];
}

const SIEMENS = [
  'Siemens Healthineers',
  'SIEMENS',
  'Siemens Healthcare GmbH',
  'Siemens Medical Solutions USA, Inc.',
];
const WIN7 = ['Windows 7', 'Win7 SP1', 'Microsoft Windows 7 Embedded'];
const XP = ['Windows XP', 'Windows XP Professional SP3'];
const SPECT_VERSIONS = ['VA60A', 'VA60B', 'VB20A', 'VB22A-UD03'];
const PET_VERSIONS = ['VG50A', 'VG60A', 'VJ30C-UD01'];
const XP_VERSIONS = ['VA30 SP5', 'VA46A', 'VB10B'];

const k = (
  count: number,
  manufacturer: Kind['manufacturer'],
  model: string,
  modality: string,
  os: Kind['os'],
  versions: readonly string[],
  host?: string,
  years?: readonly [number, number],
): Kind => ({ count, manufacturer, model, modality, os, versions, host, years });

// Non-imaging devices by the dozen: the register is mostly these, and none of them is affected.
const monitors = (count: number, model = 'IntelliVue MX800') =>
  k(
    count,
    'Philips Medical Systems',
    model,
    'Patient monitor',
    'Embedded Linux',
    ['M.00.03', 'N.00.04'],
    'mon',
  );
const pumps = (count: number) =>
  k(count, ['BD', 'Becton Dickinson'], 'Alaris 8015', 'Infusion pump', '', ['12.1.2', '12.3.0']);
const syringePumps = (count: number) =>
  k(count, 'Baxter', 'Sigma Spectrum', 'Infusion pump', '', ['8.00.01']);

const INVENTORY: Readonly<Record<string, readonly Kind[]>> = {
  'Nuclear Medicine': [
    k(2, SIEMENS, 'Symbia T16', 'SPECT/CT', WIN7, SPECT_VERSIONS, 'nm-spectct', [2010, 2014]),
    k(1, SIEMENS, 'Symbia Intevo Bold', 'SPECT/CT', WIN7, ['VB22A-UD03'], 'nm-spectct', [2016, 2016]),
    k(1, SIEMENS, 'Symbia T6', 'SPECT/CT', WIN7, SPECT_VERSIONS, 'nm-spectct', [2009, 2011]),
    k(1, SIEMENS, 'Symbia Intevo Excel', 'SPECT/CT', WIN7, ['VB22A'], 'nm-spectct', [2015, 2015]),
    k(1, SIEMENS, 'Symbia T2', 'SPECT/CT', WIN7, SPECT_VERSIONS, 'nm-spectct', [2008, 2010]),
    k(1, SIEMENS, 'Symbia S', 'SPECT', WIN7, SPECT_VERSIONS, 'nm-spect', [2010, 2012]),
    k(1, SIEMENS, 'e.cam', 'SPECT', XP, XP_VERSIONS, 'nm-spect', [2004, 2006]),
    k(1, SIEMENS, 'Symbia E', 'SPECT', XP, XP_VERSIONS, 'nm-spect', [2006, 2007]),
    k(3, SIEMENS, 'Symbia.net', 'SPECT Workplace', WIN7, ['VA60B', 'VB22A'], 'nm-ws', [2011, 2015]),
    k(1, SIEMENS, 'syngo MI Workplace', 'SPECT Workplace', WIN7, ['VA60A'], 'nm-ws', [2012, 2013]),
    k(1, SIEMENS, 'syngo MI Workplace', 'SPECT Workplace', XP, ['VA46A'], 'nm-ws', [2007, 2008]),
    k(1, 'GE Healthcare', 'Discovery NM530c', 'SPECT', WIN7, ['2.01'], 'nm-spect', [2012, 2013]),
    k(1, 'GE Healthcare', 'Optima NM/CT 640', 'SPECT/CT', 'Windows 10', ['1.5'], 'nm-spectct', [2018, 2019]),
    k(2, 'Capintec', 'CRC-55tR', 'Dose calibrator', 'Windows 10', ['2.1'], 'nm-dose', [2015, 2019]),
    k(4, 'Bayer', 'MEDRAD Intego', 'Injector', '', ['3.2']),
    monitors(3),
  ],
  Radiology: [
    k(1, SIEMENS, 'SOMATOM Definition AS+', 'CT', WIN7, ['VA48A'], 'rad-ct', [2012, 2012]),
    k(1, SIEMENS, 'SOMATOM go.Top', 'CT', 'Windows 10', ['VA30A'], 'rad-ct', [2020, 2020]),
    k(1, 'GE Healthcare', 'Revolution CT', 'CT', 'Linux', ['25.1'], 'rad-ct', [2019, 2019]),
    k(1, SIEMENS, 'MAGNETOM Vida', 'MR', 'Windows 10', ['XA50A'], 'rad-mr', [2021, 2021]),
    k(1, 'Philips Healthcare', 'Ingenia 1.5T', 'MR', 'Windows 10', ['5.7.1'], 'rad-mr', [2017, 2017]),
    k(2, SIEMENS, 'Ysio Max', 'X-ray', 'Windows 10', ['VF11E'], 'rad-dr', [2016, 2019]),
    k(2, 'Philips Healthcare', 'DigitalDiagnost C90', 'X-ray', 'Windows 10', ['1.2'], 'rad-dr', [2019, 2021]),
    k(3, 'GE Healthcare', 'AMX Navigate', 'Mobile X-ray', 'Windows 10', ['1.1'], 'rad-mobile', [2020, 2022]),
    k(3, 'Philips Healthcare', 'EPIQ 7', 'Ultrasound', 'Windows 10', ['9.0.3'], 'rad-us', [2017, 2021]),
    k(1, SIEMENS, 'ACUSON Sequoia', 'Ultrasound', 'Windows 10', ['VA20'], 'rad-us', [2021, 2021]),
    k(3, 'Bayer', 'MEDRAD Stellant', 'Injector', '', ['4.0']),
    k(
      1,
      'GE Healthcare',
      'Senographe Pristina',
      'Mammography',
      'Windows 10',
      ['1.10'],
      'rad-mg',
      [2019, 2019],
    ),
    k(1, SIEMENS, 'MAMMOMAT Revelation', 'Mammography', 'Windows 10', ['VB10'], 'rad-mg', [2020, 2020]),
    monitors(6, 'IntelliVue MX450'),
  ],
  'Intensive Care': [
    k(14, 'Drägerwerk AG', 'Evita V500', 'Ventilator', '', ['2.51', '2.61'], 'icu-vent'),
    monitors(16),
    pumps(16),
    syringePumps(6),
  ],
  'Emergency Department': [
    monitors(10, 'IntelliVue MX450'),
    k(2, 'Mindray', 'BeneVision N12', 'Patient monitor', 'Embedded Linux', ['1.2'], 'ed-mon'),
    pumps(12),
    k(3, 'Philips Healthcare', 'HeartStart Intrepid', 'Defibrillator', '', ['1.2']),
    k(1, 'GE Healthcare', 'Vivid iq', 'Ultrasound', 'Windows 10', ['204'], 'ed-us', [2019, 2019]),
    k(1, SIEMENS, 'Mobilett Mira Max', 'Mobile X-ray', 'Windows 10', ['VF10'], 'ed-mobile', [2018, 2018]),
    k(2, 'Drägerwerk AG', 'Oxylog 3000 plus', 'Ventilator', '', ['1.5']),
  ],
  'Operating Theatres': [
    k(6, 'Drägerwerk AG', 'Perseus A500', 'Anaesthesia workstation', '', ['2.03'], 'or-anae'),
    monitors(8),
    pumps(8),
    k(1, SIEMENS, 'Cios Spin', 'C-arm', 'Windows 10', ['VA30'], 'or-carm', [2019, 2019]),
    k(1, 'Philips Healthcare', 'Zenition 70', 'C-arm', 'Windows 10', ['1.1'], 'or-carm', [2021, 2021]),
  ],
  'PET Center': [
    k(1, SIEMENS, 'Biograph mCT Flow', 'PET/CT', WIN7, PET_VERSIONS, 'pet-ct', [2014, 2014]),
    k(1, SIEMENS, 'Biograph mCT 64', 'PET/CT', WIN7, PET_VERSIONS, 'pet-ct', [2011, 2011]),
    k(1, SIEMENS, 'Biograph Horizon', 'PET/CT', WIN7, ['VJ30C-UD01'], 'pet-ct', [2016, 2016]),
    k(1, SIEMENS, 'Biograph mCT 128', 'PET/CT', WIN7, PET_VERSIONS, 'pet-ct', [2013, 2013]),
    k(1, SIEMENS, 'Biograph TruePoint', 'PET/CT', XP, ['VA30 SP5'], 'pet-ct', [2007, 2007]),
    // A family the advisories name, on an OS they do not: matching leaves it alone.
    k(1, SIEMENS, 'Biograph Vision', 'PET/CT', 'Windows 10', ['VA10A'], 'pet-ct', [2019, 2019]),
    // As typed into the CMMS years ago: matching proposes PET/CT Systems, and a person confirms it.
    k(1, SIEMENS, 'Biograph 64 mCT', 'PET/CT', WIN7, ['VG50A'], 'pet-ct', [2012, 2012]),
    k(2, SIEMENS, 'Symbia.net', 'SPECT Workplace', WIN7, ['VB22A'], 'pet-ws', [2013, 2015]),
    k(1, SIEMENS, 'syngo MI Workplace', 'SPECT Workplace', XP, ['VA46A'], 'pet-ws', [2008, 2008]),
    k(1, 'GE Healthcare', 'Discovery MI', 'PET/CT', 'Linux', ['4.0'], 'pet-ct', [2019, 2019]),
    k(1, 'Philips Healthcare', 'Vereos', 'PET/CT', 'Windows 10', ['2.0'], 'pet-ct', [2020, 2020]),
    k(2, 'Capintec', 'CRC-55tR', 'Dose calibrator', 'Windows 10', ['2.1'], 'pet-dose', [2016, 2018]),
    monitors(3, 'IntelliVue MX450'),
  ],
  Oncology: [
    k(1, SIEMENS, 'Symbia Intevo 16', 'SPECT/CT', WIN7, ['VB22A-UD03'], 'onc-spectct', [2015, 2015]),
    // Exported with the wrong OS: a site walk finds it on Windows 7 the day before "today" (see history.ts).
    k(1, SIEMENS, 'Symbia.net', 'SPECT Workplace', 'Windows 10', ['VB22A'], 'onc-ws', [2015, 2015]),
    k(1, 'GE Healthcare', 'LOGIQ E10', 'Ultrasound', 'Windows 10', ['R3'], 'onc-us', [2020, 2020]),
    pumps(14),
    syringePumps(8),
    monitors(6, 'IntelliVue MX450'),
  ],
  'Outpatient Imaging': [
    k(1, SIEMENS, 'Symbia E', 'SPECT', WIN7, SPECT_VERSIONS, 'op-spect', [2010, 2010]),
    k(1, SIEMENS, 'Symbia T', 'SPECT/CT', WIN7, SPECT_VERSIONS, 'op-spectct', [2009, 2009]),
    // Without the "Symbia": a suggestion left for a person to confirm under Advisories > Matches to confirm.
    k(1, SIEMENS, 'Intevo Bold', 'SPECT/CT', WIN7, ['VB22A-UD03'], 'op-spectct', [2017, 2017]),
    k(1, SIEMENS, 'Symbia.net', 'SPECT Workplace', WIN7, ['VB22A'], 'op-ws', [2014, 2014]),
    k(1, 'GE Healthcare', 'Discovery NM530c', 'SPECT', WIN7, ['2.01'], 'op-spect', [2013, 2013]),
    k(
      1,
      'Philips Healthcare',
      'Gemini TF 64',
      'PET/CT',
      'Red Hat Enterprise Linux 5',
      ['4.1'],
      'op-petct',
      [2010, 2010],
    ),
    k(1, SIEMENS, 'MAGNETOM Altea', 'MR', 'Windows 10', ['XA31A'], 'op-mr', [2021, 2021]),
    k(2, 'Philips Healthcare', 'EPIQ 5', 'Ultrasound', 'Windows 10', ['7.0'], 'op-us', [2016, 2018]),
    monitors(2, 'IntelliVue MX450'),
  ],
  Laboratory: [
    k(2, 'Roche Diagnostics', 'cobas 8000', 'Analyzer', 'Windows 10', ['06-02'], 'lab', [2017, 2019]),
    k(2, SIEMENS, 'Atellica Solution', 'Analyzer', 'Windows 10', ['1.27'], 'lab', [2020, 2021]),
    k(2, 'Sysmex', 'XN-1000', 'Analyzer', 'Windows 10', ['00-23'], 'lab', [2018, 2018]),
    k(3, 'Radiometer', 'ABL90 FLEX PLUS', 'Blood gas analyzer', 'Windows 10', ['3.4'], 'lab', [2019, 2020]),
    k(2, 'Beckman Coulter', 'DxH 900', 'Analyzer', 'Windows 10', ['1.3'], 'lab', [2021, 2021]),
    k(2, 'Abbott', 'Alinity ci', 'Analyzer', 'Windows 10', ['3.6'], 'lab', [2020, 2022]),
  ],
  'Cardiac Imaging': [
    k(1, SIEMENS, 'Symbia Evo', 'SPECT', WIN7, SPECT_VERSIONS, 'hc-spect', [2011, 2011]),
    k(1, SIEMENS, 'Symbia T2', 'SPECT/CT', WIN7, SPECT_VERSIONS, 'hc-spectct', [2010, 2010]),
    k(1, SIEMENS, 'Symbia Intevo 6', 'SPECT/CT', WIN7, ['VB22A'], 'hc-spectct', [2015, 2015]),
    k(1, SIEMENS, 'c.cam', 'SPECT', XP, XP_VERSIONS, 'hc-spect', [2005, 2005]),
    k(1, SIEMENS, 'syngo MI Workplace', 'SPECT Workplace', WIN7, ['VA60A'], 'hc-ws', [2013, 2013]),
    k(1, SIEMENS, 'Symbia.net', 'SPECT Workplace', WIN7, ['VB22A'], 'hc-ws', [2014, 2014]),
    k(1, 'GE Healthcare', 'Discovery NM530c', 'SPECT', WIN7, ['2.01'], 'hc-spect', [2014, 2014]),
    k(2, 'GE Healthcare', 'Vivid E95', 'Ultrasound', 'Windows 10', ['206'], 'hc-echo', [2018, 2020]),
    k(
      1,
      'Philips Healthcare',
      'Azurion 7 M20',
      'Angiography',
      'Windows 10',
      ['2.2'],
      'hc-cath',
      [2019, 2019],
    ),
    k(1, SIEMENS, 'Artis zee', 'Angiography', WIN7, ['VD11B'], 'hc-cath', [2011, 2011]),
    monitors(3),
  ],
  'Cardiology Ward': [
    monitors(14, 'IntelliVue MX450'),
    pumps(12),
    k(3, 'GE Healthcare', 'MAC 5500 HD', 'ECG', 'Windows XP Embedded', ['010B'], 'hc-ecg', [2012, 2014]),
    k(2, 'Philips Healthcare', 'HeartStart Intrepid', 'Defibrillator', '', ['1.2']),
  ],
  'Cardiac Surgery': [
    k(4, 'Drägerwerk AG', 'Perseus A500', 'Anaesthesia workstation', '', ['2.03'], 'hc-anae'),
    k(2, 'LivaNova', 'S5 heart-lung machine', 'Perfusion', '', ['4.1']),
    monitors(6),
    pumps(8),
    syringePumps(4),
  ],
};

export const INVENTORY_COLUMNS = [
  'Asset Tag',
  'Serial',
  'Manufacturer',
  'Model',
  'Modality',
  'Department',
  'Location',
  'IP Address',
  'MAC Address',
  'Hostname',
  'OS',
  'Software Version',
  'Install Date',
  'Cost Center',
] as const;
export type InventoryRow = Record<(typeof INVENTORY_COLUMNS)[number], string>;

const SITE_NUMBER: Readonly<Record<DemoSite, number>> = { main: 1, north: 2, heart: 3 };
const BUILDINGS: Readonly<Record<DemoSite, readonly string[]>> = {
  main: ['Main Building', 'West Wing', 'Imaging Building'],
  north: ['North Clinic, House A', 'North Clinic, House B'],
  heart: ['Heart Center'],
};

/** The devices of one site, the same for the same seed. */
export function demoInventory(site: DemoSite, seed = 2017): InventoryRow[] {
  const random = new DemoRandom(seed * 31 + SITE_NUMBER[site]);
  const rows: InventoryRow[] = [];
  const hostCounts = new Map<string, number>();
  let sequence = 0;
  for (const [index, department] of DEMO_DEPARTMENTS[site].entries()) {
    const building = random.pick(BUILDINGS[site]);
    const floor = random.int(0, 4);
    for (const kind of INVENTORY[department] ?? []) {
      for (let n = 0; n < kind.count; n++) {
        sequence++;
        const [fromYear, toYear] = kind.years ?? [2012, 2022];
        const year = random.int(fromYear, toYear);
        const hostNumber = (hostCounts.get(kind.host ?? '') ?? 0) + 1;
        if (kind.host) hostCounts.set(kind.host, hostNumber);
        rows.push({
          'Asset Tag': `AUR-${SITE_NUMBER[site]}${String(sequence).padStart(4, '0')}`,
          Serial: `${kind.model
            .replace(/[^A-Za-z]/g, '')
            .slice(0, 2)
            .toUpperCase()}${random.int(100000, 999999)}`,
          Manufacturer:
            typeof kind.manufacturer === 'string' ? kind.manufacturer : random.pick(kind.manufacturer),
          Model: kind.model,
          Modality: kind.modality,
          Department: department,
          Location: `${building}, Floor ${floor}, Room ${floor}.${String(random.int(1, 40)).padStart(2, '0')}`,
          'IP Address':
            kind.host || random.chance(0.6)
              ? `10.${SITE_NUMBER[site]}0.${index * 16 + random.int(1, 15)}.${random.int(10, 250)}`
              : '',
          'MAC Address': Array.from({ length: 6 }, () => random.hex(2)).join(':'),
          Hostname: kind.host ? `${kind.host}-${String(hostNumber).padStart(2, '0')}` : '',
          OS: typeof kind.os === 'string' ? kind.os : random.pick(kind.os),
          'Software Version': random.pick(kind.versions),
          'Install Date': `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          'Cost Center': `CC-${SITE_NUMBER[site]}${String(index + 1).padStart(2, '0')}0`,
        });
      }
    }
  }
  return rows;
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 text with a header row, as a CMMS writes it. */
export function inventoryCsv(rows: readonly InventoryRow[]): string {
  return `${[INVENTORY_COLUMNS.join(','), ...rows.map((row) => INVENTORY_COLUMNS.map((c) => quote(row[c])).join(','))].join('\r\n')}\r\n`;
}
