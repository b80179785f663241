import type Database from 'better-sqlite3';

/** What every core function needs: the open database and who is acting, when. */
export interface CoreContext {
  readonly db: Database.Database;
  readonly databasePath: string;
  readonly backupsDir: string;
  /** The operating-system account recorded in the audit log. */
  readonly osUser: string;
  readonly now: () => Date;
}

export const isoNow = (ctx: Pick<CoreContext, 'now'>): string => ctx.now().toISOString();
