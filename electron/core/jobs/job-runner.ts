import type Database from 'better-sqlite3';
import type { ImportDevicesInput } from '../../api/schemas/device-import';
import { auditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { commitImport, prepareImport, previewImport } from '../devices/import/service';
import type { Progress } from '../progress';
import type { JobRequest } from './protocol';

/** What a job does, given a context on its own connection; shared by the worker and tests of the work itself. */
export async function runJob(ctx: CoreContext, request: JobRequest, progress: Progress): Promise<unknown> {
  if (request.kind === 'device-preview') {
    return previewImport(ctx, await prepareImport(ctx, request.input, progress), progress);
  }
  const input: ImportDevicesInput = request.input;
  const prepared = await prepareImport(ctx, input, progress);
  const audit = auditRecorder(ctx, 'importDevices');
  // Immediate, as the router's writes: waits for the app's own writes instead of failing at the first write.
  return (ctx.db as Database.Database)
    .transaction(() => commitImport(ctx, prepared, audit, input.dryRun, progress))
    .immediate();
}
