import { z } from 'zod';
import { DEVICE_FIELDS, DEVICE_STATES } from '../device-fields';
import { DEVICE_GROUPS } from '../device-groups';
import { auditEntry } from './audit';

export const deviceFields = DEVICE_FIELDS;
export const deviceField = z.enum(deviceFields);
export type DeviceField = z.infer<typeof deviceField>;

export const deviceStates = DEVICE_STATES;
export const deviceState = z.enum(deviceStates);
export type DeviceState = z.infer<typeof deviceState>;

export const networkState = z.enum(['connected', 'isolated', 'disconnected']);

/** A value that was kept as written but did not pass validation (an IP like 10.300.1.1, an impossible date). */
export const fieldFlag = z.object({ field: deviceField, value: z.string(), reason: z.string() });
export type FieldFlag = z.infer<typeof fieldFlag>;

const text = z.string().nullable();

/** The compensating controls the 2017 advisories ask for while no patch is installed. */
export const compensatingControls = z
  .object({
    dedicatedSegment: z.boolean(),
    firewallBlocksPorts: z.boolean(),
    vpnOnlyRemoteAccess: z.boolean(),
    notInternetReachable: z.boolean(),
  })
  .partial()
  .strict();
export type CompensatingControls = z.infer<typeof compensatingControls>;

export const device = z.object({
  id: z.number().int(),
  assetTag: text,
  serial: text,
  /** As written in the imported file. */
  manufacturer: text,
  /** The canonical vendor the manufacturer's spelling resolves to. */
  vendor: text,
  model: text,
  modality: text,
  department: text,
  location: text,
  ip: text,
  mac: text,
  hostname: text,
  os: text,
  softwareVersion: text,
  /** YYYY-MM-DD */
  installDate: text,
  state: deviceState,
  networkState,
  /** Why the device is in its state (required for "not affected" and "risk accepted"). */
  stateReason: text,
  controls: compensatingControls,
  /** From the device's open matches: the advisories, the best patch status and the planner's priority. */
  advisories: z.array(z.string()),
  patchStatus: z.string().nullable(),
  priority: z.number().nullable(),
  extra: z.record(z.string(), z.string()),
  flags: z.array(fieldFlag),
  updatedAt: z.string(),
});
export type Device = z.infer<typeof device>;

export const deviceSortFields = [
  ...deviceFields,
  'vendor',
  'state',
  'networkState',
  'priority',
  'patchStatus',
  'advisories',
  'updatedAt',
] as const;

export const deviceFilters = z
  .object({
    department: z.array(z.string().max(200)).max(500).optional(),
    vendor: z.array(z.string().max(200)).max(500).optional(),
    /** Product family (from the advisories' model-to-family table). */
    family: z.array(z.string().max(200)).max(500).optional(),
    os: z.array(z.string().max(200)).max(500).optional(),
    state: z.array(deviceState).optional(),
    networkState: z.array(networkState).optional(),
    advisory: z.array(z.string().max(100)).max(100).optional(),
    patchStatus: z.array(z.string().max(40)).max(10).optional(),
    flagged: z.boolean().optional(),
    /** A dashboard tile's or alert's devices (electron/api/device-groups.ts): exposed, isolation overdue, ... */
    group: z.enum(DEVICE_GROUPS).optional(),
  })
  .strict();
export type DeviceFilters = z.infer<typeof deviceFilters>;

export const listDevicesInput = z
  .object({
    search: z.string().max(200).default(''),
    filters: deviceFilters.default({}),
    sort: z
      .object({ field: z.enum(deviceSortFields), direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ field: 'assetTag', direction: 'asc' }),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ListDevicesInput = z.output<typeof listDevicesInput>;

export const devicePage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(device),
});
export type DevicePage = z.infer<typeof devicePage>;

export const deviceFacets = z.object({
  departments: z.array(z.string()),
  vendors: z.array(z.string()),
  families: z.array(z.string()),
  oses: z.array(z.string()),
  states: z.array(deviceState),
  advisories: z.array(z.string()),
  patchStatuses: z.array(z.string()),
  networkStates: z.array(networkState),
});
export type DeviceFacets = z.infer<typeof deviceFacets>;

export const deviceBatchLink = z.object({
  batchId: z.number().int(),
  fileName: z.string(),
  importedAt: z.string(),
  action: z.enum(['added', 'updated']),
  undone: z.boolean(),
});

export const deviceMatch = z.object({
  advisory: z.string(),
  title: z.string(),
  basis: z.enum(['rule', 'alias', 'suggestion']),
  status: z.enum(['confirmed', 'needs-review', 'suggested', 'rejected']),
  /** A person still has to decide: a suggestion, or a match that needs review on a device not yet assessed. */
  awaitingPerson: z.boolean(),
  reason: z.string(),
  maxCvss: z.number().nullable(),
  patch: z.string(),
});

export const deviceDetail = device.extend({
  /** Of a risk acceptance: who approved it and when it is looked at again (null for other states). */
  riskApprover: z.string().nullable(),
  riskReviewDate: z.string().nullable(),
  matches: z.array(deviceMatch),
  batches: z.array(deviceBatchLink),
  history: z.array(auditEntry),
});
export type DeviceDetail = z.infer<typeof deviceDetail>;

export const deviceId = z.object({ id: z.number().int().positive() }).strict();

/** Fields a person may edit by hand; null clears a field. */
export const deviceChanges = z
  .object({
    assetTag: z.string().max(200).nullable(),
    serial: z.string().max(200).nullable(),
    manufacturer: z.string().max(200).nullable(),
    model: z.string().max(200).nullable(),
    modality: z.string().max(200).nullable(),
    department: z.string().max(200).nullable(),
    location: z.string().max(500).nullable(),
    ip: z.string().max(100).nullable(),
    mac: z.string().max(100).nullable(),
    hostname: z.string().max(255).nullable(),
    os: z.string().max(200).nullable(),
    softwareVersion: z.string().max(200).nullable(),
    installDate: z.string().max(40).nullable(),
    state: deviceState,
    stateReason: z.string().trim().max(2000).nullable(),
    networkState,
    controls: compensatingControls,
  })
  .partial()
  .strict()
  .refine((c) => c.state !== 'not-affected' || (c.stateReason ?? '').length > 0, {
    message: 'needs a written reason when a device is marked not affected',
    path: ['stateReason'],
  });
export type DeviceChanges = z.infer<typeof deviceChanges>;

export const updateDeviceInput = z
  .object({ id: z.number().int().positive(), changes: deviceChanges })
  .strict();

/** One department or state, for many devices. */
export const bulkChanges = z
  .object({
    department: z.string().trim().min(1).max(200),
    state: deviceState,
    stateReason: z.string().trim().max(2000),
  })
  .partial()
  .strict()
  .refine(
    (c) => c.department !== undefined || c.state !== undefined,
    'must change the department or the state',
  )
  .refine((c) => c.state !== 'not-affected' || (c.stateReason ?? '').length > 0, {
    message: 'needs a written reason when devices are marked not affected',
    path: ['stateReason'],
  });

/**
 * Every device the register's search and filters match, as listDevices takes them; the core finds them inside the
 * write's transaction. `count` is how many the person was shown: when the filter matches another number by then,
 * the change is refused and nothing changes.
 */
export const bulkMatching = z
  .object({
    search: z.string().max(200).default(''),
    filters: deviceFilters.default({}),
    count: z.number().int().min(0).optional(),
  })
  .strict();

/** The devices by id (`ids`), or every device matching the register's filter (`matching`): exactly one of the two. */
export const bulkUpdateDevicesInput = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(200_000).optional(),
    matching: bulkMatching.optional(),
    changes: bulkChanges,
  })
  .strict()
  .refine((input) => (input.ids === undefined) !== (input.matching === undefined), {
    message: 'must name the devices either by ids or by a filter (matching), and not both',
    path: ['ids'],
  });
export type BulkUpdateDevicesRequest = z.output<typeof bulkUpdateDevicesInput>;
/** A bulk change of devices named by id (what a request by filter becomes once the core has found them). */
export type BulkUpdateDevicesInput = {
  ids: number[];
  changes: z.output<typeof bulkChanges>;
};

export const bulkUpdateResult = z.object({ updated: z.number().int(), unchanged: z.number().int() });
