import type { Router } from '../api/router';
import type { ImportPreview, ImportResult } from '../api/schemas/device-import';
import type { Device, DevicePage } from '../api/schemas/devices';

export const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

/** Imports through the router as every transport does; throws on a refused import. */
export async function importFile(
  router: Router,
  content: string | Uint8Array,
  options: Record<string, unknown> = {},
  fileName = 'inventory.csv',
): Promise<ImportResult> {
  const result = await router.dispatch('importDevices', { fileName, content: base64(content), options });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportResult;
}

export async function importError(
  router: Router,
  content: string | Uint8Array,
  options = {},
  fileName = 'inventory.csv',
) {
  const result = await router.dispatch('importDevices', { fileName, content: base64(content), options });
  if (result.ok) throw new Error('The import was expected to be refused.');
  return result.error;
}

export async function preview(
  router: Router,
  content: string | Uint8Array,
  options = {},
  fileName = 'inventory.csv',
) {
  const result = await router.dispatch('previewDeviceImport', {
    fileName,
    content: base64(content),
    options,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportPreview;
}

export async function devices(router: Router, input: Record<string, unknown> = {}): Promise<Device[]> {
  const result = await router.dispatch('listDevices', { limit: 1000, ...input });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as DevicePage).rows;
}
