import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import type { AuditEntry } from '../../api/schemas/audit';
import { devices, importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { openTestSession } from '../../testing/temp';

describe('a device history and the recent changes', () => {
  it('say in words what changed, from what to what: departments and vendors by name, JSON columns as text', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(
      router,
      'Asset Tag,Manufacturer,Department,IP Address,Cost Center\nMT-2,Siemens,Kardiologie,10.20.155.130,4711\n',
    );
    await importFile(
      router,
      'Asset Tag,Manufacturer,Department,IP Address,Cost Center\nMT-2,GE Healthcare,Nuklearmedizin,10.300.1.1,4712\n',
    );
    const [device] = await devices(router);
    const detail = await call<{ history: AuditEntry[] }>(router, 'getDevice', { id: device?.id });
    expect(detail.history[0]).toMatchObject({ action: 'import', subject: 'device MT-2' });
    expect(detail.history[0]?.changes).toEqual([
      'manufacturer: Siemens → GE Healthcare',
      'vendor: Siemens Healthineers → GE HealthCare',
      'department: Kardiologie → Nuklearmedizin',
      'IP address: 10.20.155.130 → 10.300.1.1',
      'extra attributes: Cost Center: 4711 → Cost Center: 4712',
      'flagged values: (none) → ip “10.300.1.1” is not a valid IPv4 or IPv6 address',
    ]);

    const recent = await call<AuditEntry[]>(router, 'listAudit', { limit: 5 });
    expect(recent.find((e) => e.entity === 'device')?.subject).toBe('device MT-2');
  });
});
