import { z } from 'zod';
import { importDevicesInput, importPreview, importResult } from './device-import';

export const jobId = z.object({ jobId: z.string().regex(/^job-\d+$/) }).strict();

export const startedJob = z.object({ jobId: z.string() });

/** Where a long piece of work is: the wizard shows it as a progress bar with row counts. */
export const jobStatus = z.object({
  jobId: z.string(),
  kind: z.enum(['device-preview', 'device-import']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(['starting', 'reading', 'checking', 'writing']),
  done: z.number().int(),
  total: z.number().int(),
  preview: importPreview.nullable(),
  importResult: importResult.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export { importDevicesInput as startDeviceImportInput };
