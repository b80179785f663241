import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

describe('a state for many devices', () => {
  it('names every device that cannot take the step, by the state it is in, and changes none', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    // Siemens systems on Windows 7 are affected through the bundled advisories; the GE system is not assessed.
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,A\nNM-2,Siemens,Symbia T16,Windows 7,A\nCT-1,GE,Revolution,Windows 10,A\nCT-2,GE,Revolution,Windows 10,A\n',
    );
    const all = await devices(router);
    const result = await router.dispatch('bulkUpdateDevices', {
      ids: all.map((d) => d.id),
      changes: { state: 'isolated', department: 'B' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '2 of the 4 devices cannot go to "isolated" (a device is isolated after it was found affected): 2 not assessed (CT-1, CT-2). Nothing was changed.',
      },
    });
    expect((await devices(router)).map((d) => [d.assetTag, d.state, d.department])).toEqual(
      all.map((d) => [d.assetTag, d.state, 'A']),
    );
  });
});
