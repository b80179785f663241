import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importFile } from '../../../testing/devices';
import { sharedDataDir } from '../../../testing/shared-data';
import { openTestSession } from '../../../testing/temp';

const dir = sharedDataDir('devices');

/** The column mapping a person would choose for each sample export. */
const expected = {
  'us-cmms-export.csv': {
    rows: 80,
    format: { encoding: 'utf-8', delimiter: ',', dateOrder: 'mdy' },
    mapping: {
      'Equipment #': 'assetTag',
      'Serial Number': 'serial',
      Manufacturer: 'manufacturer',
      Model: 'model',
      'Equipment Type': 'modality',
      Department: 'department',
      Location: 'location',
      'IP Address': 'ip',
      'MAC Address': 'mac',
      'Host Name': 'hostname',
      'Operating System': 'os',
      'Software Version': 'softwareVersion',
      'Install Date': 'installDate',
    },
  },
  'de-inventar-export.csv': {
    rows: 60,
    format: { encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy' },
    mapping: {
      Inventarnummer: 'assetTag',
      Seriennummer: 'serial',
      Hersteller: 'manufacturer',
      Modell: 'model',
      Geräteart: 'modality',
      Abteilung: 'department',
      Standort: 'location',
      'IP-Adresse': 'ip',
      'MAC-Adresse': 'mac',
      Rechnername: 'hostname',
      Betriebssystem: 'os',
      Softwarestand: 'softwareVersion',
      Inbetriebnahme: 'installDate',
    },
  },
  'excel-unicode-text.txt': {
    rows: 40,
    format: { encoding: 'utf-16le', delimiter: '\t' },
    mapping: {
      'Asset Tag': 'assetTag',
      'S/N': 'serial',
      Mfr: 'manufacturer',
      'Model Name': 'model',
      Dept: 'department',
      Room: 'location',
      IPv4: 'ip',
      MAC: 'mac',
      'Computer Name': 'hostname',
      'OS Version': 'os',
      'Firmware Version': 'softwareVersion',
    },
  },
  'equipment-export.xlsx': {
    rows: 50,
    format: { sheet: 'Equipment', headerRow: 3 },
    mapping: {
      'Control Number': 'assetTag',
      Serial: 'serial',
      Make: 'manufacturer',
      Model: 'model',
      Modality: 'modality',
      'Cost Center': 'department',
      Location: 'location',
      'IP Address': 'ip',
      MAC: 'mac',
      Hostname: 'hostname',
      OS: 'os',
      'SW Version': 'softwareVersion',
      'Acceptance Date': 'installDate',
    },
  },
} as const;

describe.runIf(dir)('the sample inventory exports in ../shared/data/devices', () => {
  it.each(Object.entries(expected))(
    '%s imports with nothing rejected and every column mapped',
    async (name, want) => {
      const router = createRouter(await openTestSession());
      const result = await importFile(router, readFileSync(join(dir ?? '', name)), {}, name);
      expect(result.rejected).toEqual([]);
      expect(result.added).toBe(want.rows);
      expect(result.mapping).toEqual(want.mapping);
      expect(result).toMatchObject(want.format);
      const imported = await devices(router);
      expect(imported).toHaveLength(want.rows);
      // Every manufacturer spelling of Siemens resolves to one vendor.
      const siemens = imported.filter((d) => /siemens/i.test(d.manufacturer ?? ''));
      expect(siemens.length).toBeGreaterThan(0);
      expect(new Set(siemens.map((d) => d.vendor))).toEqual(new Set(['Siemens Healthineers']));
      expect(imported.every((d) => d.installDate === null || /^\d{4}-\d{2}-\d{2}$/.test(d.installDate))).toBe(
        true,
      );
      expect(
        imported.every(
          (d) => d.mac === null || /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(d.mac) || d.flags.length > 0,
        ),
      ).toBe(true);
    },
  );
});
