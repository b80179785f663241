import { userInfo } from 'node:os';
import { ensureBundledCatalog } from './advisories/bundled-catalog';
import { auditRecorder } from './audit/audit-log';
import type { CoreContext } from './context';
import { type OpenedDatabase, type OpenOptions, openDatabase } from './db/open';
import { ensureBundledVendors } from './devices/vendors';
import { DatabaseRefusedError } from './errors';
import { JobRegistry } from './jobs/job-registry';
import { ensureOrganization } from './settings/settings';

/** The core as the transports see it: a usable database, or the reason it was not opened. */
export type CoreSession =
  | { readonly state: 'open'; readonly ctx: CoreContext; readonly opened: OpenedDatabase }
  | { readonly state: 'refused'; readonly error: DatabaseRefusedError };

export interface SessionOptions extends OpenOptions {
  /** The bundled job worker; with it, large imports run in worker threads (the app and the web mode). */
  jobWorkerScript?: string;
  osUser?: string;
  /** The time zone a new database's main site starts in; the computer's own by default. */
  systemTimeZone?: string;
}

export async function openSession(databasePath: string, options: SessionOptions = {}): Promise<CoreSession> {
  let opened: OpenedDatabase;
  try {
    opened = await openDatabase(databasePath, options);
  } catch (error) {
    if (error instanceof DatabaseRefusedError) return { state: 'refused', error };
    throw error;
  }
  const osUser = options.osUser ?? currentOsUser();
  const jobs = options.jobWorkerScript
    ? new JobRegistry({
        workerScript: options.jobWorkerScript,
        databasePath: opened.path,
        backupsDir: opened.backupsDir,
        osUser,
        nativeBinding: options.nativeBinding,
      })
    : undefined;
  const ctx: CoreContext = {
    db: opened.db,
    databasePath: opened.path,
    backupsDir: opened.backupsDir,
    osUser,
    now: options.now ?? (() => new Date()),
    jobs,
  };
  const systemTimeZone = options.systemTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  ensureOrganization(ctx, auditRecorder(ctx, 'initialize'), systemTimeZone);
  ensureBundledVendors(ctx, auditRecorder(ctx, 'initialize'));
  ensureBundledCatalog(ctx, auditRecorder(ctx, 'initialize'));
  return { state: 'open', ctx, opened };
}

export async function closeSession(session: CoreSession): Promise<void> {
  if (session.state !== 'open') return;
  await session.ctx.jobs?.close();
  if (session.ctx.db.open) session.ctx.db.close();
}

function currentOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
