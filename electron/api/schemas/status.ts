import { z } from 'zod';

export const databaseStatus = z.object({
  organizationName: z.string(),
  databasePath: z.string(),
  backupsDir: z.string(),
  schemaVersion: z.number().int(),
  /** Rows per table, by table name. */
  counts: z.record(z.string(), z.number().int()),
  /** The generated demo hospital, not real data: the header says so. */
  demo: z.boolean(),
});
export type DatabaseStatus = z.infer<typeof databaseStatus>;

export const dashboardFigures = z.object({
  devices: z.number().int(),
  advisories: z.number().int(),
  affectedDevices: z.number().int(),
  /** Affected and neither isolated nor patched. */
  exposedDevices: z.number().int(),
  upcomingWindows: z.number().int(),
  importBatches: z.number().int(),
});
export type DashboardFigures = z.infer<typeof dashboardFigures>;
