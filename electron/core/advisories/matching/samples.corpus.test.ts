import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import type { AdvisoryDetail, AffectedDevice, MatchSuggestion } from '../../../api/schemas/advisories';
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

describe.runIf(devicesDir && advisoriesDir)(
  'confirming the GE and Philips proposals of the sample inventories',
  () => {
    it('confirms each proposed model as its advisory product, which then takes patch availability', async () => {
      const router = createRouter(await openTestSession());
      for (const advisory of ['icsma-18-037-02.json', 'icsma-21-084-01.json']) {
        await router.dispatch('importAdvisory', {
          fileName: advisory,
          content: readFileSync(join(advisoriesDir ?? '', advisory), 'utf8'),
          acceptFindings: true,
        });
      }
      for (const name of SAMPLES)
        await importFile(router, readFileSync(join(devicesDir ?? '', name)), { dateOrder: 'dmy' }, name);
      const value = async <T>(name: string, input: unknown = {}) => {
        const result = await router.dispatch(name, input);
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        return result.value as T;
      };
      const suggestions = await value<MatchSuggestion[]>('listMatchSuggestions');
      expect(suggestions.map((s) => [s.model, s.family, s.newFamily])).toEqual([
        ['Discovery NM750b', 'Discovery NM750b', true],
        ['Optima 540', 'Optima 540', true],
        ['Gemini TF 16', 'Gemini PET/CT Family 882470 Gemini TF 16 w/ TOF Performance', true],
        ['Discovery NM530c', 'Discovery NM530c', true],
      ]);
      // As Advisories > Matches confirms them.
      for (const s of suggestions) await value('confirmMatch', { model: s.model, family: s.family });
      expect(await value('listMatchSuggestions')).toEqual([]);

      const found = await value<AffectedDevice[]>('listAffected');
      const matched = new Set(found.map((d) => d.assetTag));
      for (const device of await devices(router)) {
        if (!suggestions.some((s) => s.model === device.model)) continue;
        expect(matched.has(device.assetTag ?? ''), `${device.assetTag} ${device.model}`).toBe(true);
      }
      expect(
        found
          .filter((d) => d.advisories.some((a) => a.id === 'ICSMA-21-084-01'))
          .every((d) => d.advisories[0]?.status === 'confirmed'),
      ).toBe(true);

      await value('setPatchStatus', {
        advisory: 'ICSMA-18-037-02',
        family: 'Discovery NM750b',
        status: 'announced',
        expectedDate: '2027-01-15',
      });
      const detail = await value<AdvisoryDetail>('getAdvisory', { id: 'ICSMA-18-037-02' });
      expect(detail.patches.map((p) => [p.family, p.status])).toEqual([
        ['Discovery NM530c', 'none-available'],
        ['Discovery NM750b', 'announced'],
        ['Optima 540', 'none-available'],
      ]);
    });
  },
);
