import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import type { AffectedDevice } from '../../../api/schemas/advisories';
import { devices, importFile } from '../../../testing/devices';
import { sharedDataDir } from '../../../testing/shared-data';
import { openTestSession } from '../../../testing/temp';

const devicesDir = sharedDataDir('devices');
const advisoriesDir = sharedDataDir('csaf/advisories');
const SAMPLES = [
  'us-cmms-export.csv',
  'de-inventar-export.csv',
  'excel-unicode-text.txt',
  'equipment-export.xlsx',
];
const SIEMENS_MODELS = /^(Symbia|Biograph|e\.cam|c\.cam|syngo MI Workplace)/i;

describe.runIf(devicesDir && advisoriesDir)('matching the sample inventories', () => {
  it.each(SAMPLES)(
    '%s: Siemens imaging on Windows 7 -> 215-02, on XP -> 215-01; GE NM and Philips Gemini proposed; nothing else',
    async (name) => {
      const router = createRouter(await openTestSession());
      await importFile(router, readFileSync(join(devicesDir ?? '', name)), {}, name);
      for (const advisory of ['icsma-18-037-02.json', 'icsma-21-084-01.json']) {
        await router.dispatch('importAdvisory', {
          fileName: advisory,
          content: readFileSync(join(advisoriesDir ?? '', advisory), 'utf8'),
          acceptFindings: true,
        });
      }
      const result = await router.dispatch('listAffected', {});
      const found = new Map((result as { value: AffectedDevice[] }).value.map((d) => [d.assetTag, d]));
      for (const device of await devices(router)) {
        const matches = found.get(device.assetTag ?? '')?.advisories ?? [];
        const ids = matches.map((m) => m.id);
        const siemensImaging =
          device.vendor === 'Siemens Healthineers' && SIEMENS_MODELS.test(device.model ?? '');
        const os = device.os ?? '';
        if (siemensImaging && /xp/i.test(os)) expect(ids, device.assetTag ?? '').toEqual(['ICSMA-17-215-01']);
        else if (siemensImaging && /(windows|win)\s*7/i.test(os))
          expect(ids, device.assetTag ?? '').toEqual(['ICSMA-17-215-02']);
        else if (siemensImaging && os === '')
          expect(matches.every((m) => m.status === 'needs-review')).toBe(true);
        else if (/^Discovery NM(530c|750b)$/.test(device.model ?? ''))
          expect(ids).toEqual(['ICSMA-18-037-02']);
        else if (/^Gemini/.test(device.model ?? '')) expect(ids).toEqual(['ICSMA-21-084-01']);
        else
          expect(
            matches.filter((m) => m.status === 'confirmed'),
            `${device.assetTag} ${device.model}`,
          ).toEqual([]);
      }
    },
  );
});
