import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';
import { ipSortKey, naturalSortKey } from './device-query';

const sorted = async (
  router: ReturnType<typeof createRouter>,
  field: string,
  direction: 'asc' | 'desc',
  pick: (d: Awaited<ReturnType<typeof devices>>[number]) => string | null,
) => (await devices(router, { sort: { field, direction } })).map(pick);

describe('sorting the register by IP address and software version', () => {
  it('orders IPv4 addresses by number, then IPv6 by number, then other text, blanks last', async () => {
    const router = createRouter(await openTestSession());
    const ips = [
      '10.0.0.100',
      '10.0.0.11',
      'fe80::1',
      '10.0.0.1',
      '',
      '2001:db8::10',
      '10.0.0.10',
      '9.255.255.255',
      '::1',
      '10.0.0.2',
      '2001:db8::9',
      '192.168.1.1',
    ];
    await importFile(router, `Asset Tag,IP Address\n${ips.map((ip, i) => `A-${i},${ip}`).join('\n')}\n`);
    expect(await sorted(router, 'ip', 'asc', (d) => d.ip)).toEqual([
      '9.255.255.255',
      '10.0.0.1',
      '10.0.0.2',
      '10.0.0.10',
      '10.0.0.11',
      '10.0.0.100',
      '192.168.1.1',
      '::1',
      '2001:db8::9',
      '2001:db8::10',
      'fe80::1',
      null,
    ]);
    expect(await sorted(router, 'ip', 'desc', (d) => d.ip)).toEqual([
      'fe80::1',
      '2001:db8::10',
      '2001:db8::9',
      '::1',
      '192.168.1.1',
      '10.0.0.100',
      '10.0.0.11',
      '10.0.0.10',
      '10.0.0.2',
      '10.0.0.1',
      '9.255.255.255',
      null,
    ]);
  });

  it('orders software versions naturally, number by number, without regard to case', async () => {
    const router = createRouter(await openTestSession());
    const versions = ['12.2.8.410', '2.3.5', 'vb22a', '2.3.10', 'VB10B', '2.3', '', '2.03.6'];
    await importFile(
      router,
      `Asset Tag,Software Version\n${versions.map((v, i) => `A-${i},${v}`).join('\n')}\n`,
    );
    expect(await sorted(router, 'softwareVersion', 'asc', (d) => d.softwareVersion)).toEqual([
      '2.3',
      '2.3.5',
      '2.03.6',
      '2.3.10',
      '12.2.8.410',
      'VB10B',
      'vb22a',
      null,
    ]);
    expect(await sorted(router, 'softwareVersion', 'desc', (d) => d.softwareVersion)).toEqual([
      'vb22a',
      'VB10B',
      '12.2.8.410',
      '2.3.10',
      '2.03.6',
      '2.3.5',
      '2.3',
      null,
    ]);
  });

  it('keys addresses as kept by an import that flagged them, and IPv4 inside IPv6', () => {
    const order = (values: string[]) =>
      [...values].sort((a, b) => {
        const [x, y] = [ipSortKey(a), ipSortKey(b)];
        if (typeof x === typeof y) return (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0;
        return typeof x === 'number' ? -1 : 1;
      });
    expect(order(['10.300.1.1', '10.30.1.1', '10.0.0.0/24', '10.0.0.0', ' 10.0.0.1 ', 'unknown'])).toEqual([
      '10.0.0.0',
      '10.0.0.0/24',
      ' 10.0.0.1 ',
      '10.30.1.1',
      '10.300.1.1',
      'unknown',
    ]);
    expect(ipSortKey('::ffff:10.0.0.1')).toBe(`6${'0'.repeat(20)}ffff0a000001`);
    expect(ipSortKey('1:2:3:4:5:6:7:8')).toBe(`6${[1, 2, 3, 4, 5, 6, 7, 8].map((g) => `000${g}`).join('')}`);
    expect(ipSortKey('1::2::3')).toBe('9011::012::013');
    expect(ipSortKey(null)).toBeNull();
    expect(naturalSortKey('V2.10')).toBe('v012.0210');
  });
});
