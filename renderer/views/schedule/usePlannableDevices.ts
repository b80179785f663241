import { useEffect, useState } from 'react';
import type { Device } from '../../../electron/api/schemas/devices';
import { call } from '../../api';

/** Devices that can still get windows. */
const PLANNABLE = [
  'affected',
  'isolation-planned',
  'isolated',
  'patch-planned',
  'patched',
  'verified',
] as const;

/**
 * The device a new window is for: the one it was drawn on, or one chosen among the first 50 plannable devices
 * that match a search (looked up once typing pauses).
 */
export function usePlannableDevices(drawnOn: number | undefined) {
  const [search, setSearch] = useState('');
  const [devices, setDevices] = useState<readonly Device[]>([]);
  const [deviceId, setDeviceId] = useState<number | null>(drawnOn ?? null);

  useEffect(() => {
    if (drawnOn !== undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      void call('listDevices', {
        search,
        filters: { state: [...PLANNABLE] },
        sort: { field: 'assetTag', direction: 'asc' },
        limit: 50,
      }).then((result) => {
        if (!current || !result.ok) return;
        setDevices(result.value.rows);
        setDeviceId((id) =>
          result.value.rows.some((d) => d.id === id) ? id : (result.value.rows[0]?.id ?? null),
        );
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, drawnOn]);

  return { search, setSearch, devices, deviceId, setDeviceId };
}
