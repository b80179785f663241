import { existsSync, rmSync, statSync } from 'node:fs';
import { DateTime } from 'luxon';
// The demo is made through the router, as a person's work would be: every row valid, every change audited.
// Nothing in the core imports this folder; only the CLI and the transports do.
import { createRouter } from '../../api/router';
import { auditRecorder } from '../audit/audit-log';
import { AppError } from '../errors';
import { closeSession, openSession } from '../session';
import { DemoClock } from './clock';
import { runDemoHistory } from './history';
import { demoInventory } from './inventory';
import { markDemoDatabase } from './marker';
import { DEMO_TIME_ZONE } from './site-model';

export interface CreateDemoOptions {
  /** When the generated history ends, so the demo looks current (default: the start of today). */
  readonly now?: Date;
  readonly seed?: number;
  /** better-sqlite3 built for Electron, when the desktop app creates the demo. */
  readonly nativeBinding?: string;
}

export interface DemoSummary {
  readonly path: string;
  readonly devices: number;
  readonly sites: number;
  readonly departments: number;
  readonly auditEntries: number;
  /** The first and last day of the generated history. */
  readonly from: string;
  readonly to: string;
}

export const DEMO_SEED = 2017;

const count = (db: import('better-sqlite3').Database, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/**
 * Writes the demo hospital into a new database file. A file that exists and is not empty is refused (it may hold
 * real data); a generation that fails removes the file it started, so no half-made demo is left behind.
 */
export async function createDemoDatabase(
  path: string,
  options: CreateDemoOptions = {},
): Promise<DemoSummary> {
  if (existsSync(path) && statSync(path).size > 0) {
    throw new AppError(
      'CONFLICT',
      `${path} already exists and is not empty. The demo hospital is only written to a new file, so it never mixes with real data; name another file.`,
    );
  }
  // Midnight at the demo's sites: the history ends where today starts, so one day gives one dataset everywhere.
  const now = options.now ?? DateTime.now().setZone(DEMO_TIME_ZONE).startOf('day').toJSDate();
  const seed = options.seed ?? DEMO_SEED;
  const start = DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE })
    .startOf('day')
    .minus({ days: 70 })
    .set({ hour: 8 });
  const clock = new DemoClock(start.toJSDate());
  const session = await openSession(path, {
    now: clock.now,
    osUser: 'demo',
    systemTimeZone: DEMO_TIME_ZONE,
    nativeBinding: options.nativeBinding,
  });
  if (session.state === 'refused') throw session.error;
  try {
    const router = createRouter(session);
    await runDemoHistory(
      router,
      clock,
      now,
      {
        mainAndHeart: [...demoInventory('main', seed), ...demoInventory('heart', seed)],
        north: demoInventory('north', seed),
      },
      seed,
    );
    markDemoDatabase(
      session.ctx,
      { generatedFor: now.toISOString(), seed },
      auditRecorder(session.ctx, 'createDemo'),
    );
    const { db } = session.ctx;
    const summary: DemoSummary = {
      path: session.ctx.databasePath,
      devices: count(db, 'device'),
      sites: count(db, 'site'),
      departments: count(db, 'department'),
      auditEntries: count(db, 'audit_log'),
      from: start.toISODate() as string,
      to: DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE }).toISODate() as string,
    };
    await closeSession(session);
    return summary;
  } catch (error) {
    await closeSession(session);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    throw error;
  }
}
