import type Database from 'better-sqlite3';
import type { JobRegistry } from './jobs/job-registry';

/** What every core function needs: the open database and who is acting, when. */
export interface CoreContext {
  readonly db: Database.Database;
  readonly databasePath: string;
  readonly backupsDir: string;
  /** The operating-system account recorded in the audit log. */
  readonly osUser: string;
  readonly now: () => Date;
  /** Long work in worker threads; absent where nothing runs in the background (the CLI, a worker itself). */
  readonly jobs?: JobRegistry;
}

export const isoNow = (ctx: Pick<CoreContext, 'now'>): string => ctx.now().toISOString();
