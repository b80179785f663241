import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';
import { macSpelling } from './device-query';

describe('searching the register for a MAC address', () => {
  it('finds it however the export wrote it', async () => {
    const router = createRouter(await openTestSession());
    await importFile(router, 'Asset Tag,MAC Address\nA-1,F7-8C-EB-74-00-4A\nA-2,00:11:22:33:44:55\n');
    for (const search of ['f7-8c-eb', 'F7:8C:EB:74', 'f78c.eb74.004a', 'f78ceb74004a', '74-00-4a']) {
      expect((await devices(router, { search })).map((d) => d.assetTag)).toEqual(['A-1']);
    }
  });

  it('leaves other words as they are', () => {
    expect(macSpelling('Symbia')).toBeNull();
    expect(macSpelling('AUR-10001')).toBeNull();
    expect(macSpelling('f7-8c')).toBe('f7:8c');
  });
});
