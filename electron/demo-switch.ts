import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { type ApiResult, contract, type ErrorCode } from './api/contract';
import { createRouter, type Router } from './api/router';
import type { DatabaseSwitch } from './api/schemas/demo';
import { createDemoDatabase } from './core/demo/create-demo';
import { demoDatabasePathFor } from './core/demo/location';
import { isDemoDatabase } from './core/demo/marker';
import { AppError } from './core/errors';
import { closeSession, openSession, type SessionOptions } from './core/session';

/**
 * "Explore the demo hospital" and "Leave the demo", for the desktop app's IPC and the web mode alike. The demo
 * lives in its own database file, so entering it is not an operation on a database but a change of which file
 * the transport serves: this router answers openDemo and leaveDemo itself (closing one session, opening the
 * other) and hands every other operation to the router of the file in use. Nothing is written to the real
 * database, and nothing of it is ever deleted; the CLI has no such switch (`isopatch demo --db FILE`, then --db
 * FILE). restartDemo replaces the demo's file with a new one, for a demo whose dates have grown old or that was
 * explored into a muddle: the only file this ever removes, and only when it carries the demo mark.
 */
export interface DemoSwitchOptions {
  /** The real database: --db FILE, ISOPATCH_DB or the user-data folder. The demo file lives beside it. */
  readonly databasePath: string;
  /** Start in the demo (`npm run start:web -- --demo`), creating it first when there is none. */
  readonly startInDemo?: boolean;
  readonly sessionOptions?: SessionOptions;
  readonly logError?: (error: unknown, operation: string) => void;
}

interface Served {
  readonly path: string;
  readonly router: Router;
  /** Requests still running on this file: it closes only after they have answered. */
  readonly pending: Set<Promise<unknown>>;
}

const fail = (code: ErrorCode, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});
const hasContent = (path: string) => existsSync(path) && statSync(path).size > 0;
/** A database file with its WAL and shared-memory files: a stale -wal left beside a new file would corrupt it. */
const removeDatabaseFiles = (path: string) => {
  for (const suffix of ['-wal', '-shm', '']) rmSync(`${path}${suffix}`, { force: true });
};

export async function openSwitchingRouter(options: DemoSwitchOptions): Promise<Router> {
  const realPath = options.databasePath;
  const demoPath = demoDatabasePathFor(realPath);
  const sessionOptions = options.sessionOptions ?? {};
  const logError = options.logError ?? ((error, operation) => console.error(`[${operation}]`, error));

  const serve = async (path: string): Promise<Served> => {
    if (path === demoPath && !hasContent(path)) {
      await createDemoDatabase(path, { nativeBinding: sessionOptions.nativeBinding });
    }
    const session = await openSession(path, sessionOptions);
    const router = createRouter(session, {
      logError,
      // After a restore the router opens this same file again, the same way.
      reopen: () => openSession(path, sessionOptions),
      nativeBinding: sessionOptions.nativeBinding,
    });
    return { path, router, pending: new Set() };
  };

  let served = await serve(options.startInDemo ? demoPath : realPath);
  let switching = false;

  async function switchTo(target: string): Promise<ApiResult<DatabaseSwitch>> {
    if (target === realPath && realPath === demoPath) {
      return fail(
        'CONFLICT',
        `Isopatch was started with the demo file itself (${demoPath}); start it without --db to open your own database.`,
      );
    }
    if (switching) return fail('CONFLICT', 'Isopatch is already switching databases; try again in a moment.');
    switching = true;
    try {
      const next = served.path === target ? served : await serve(target);
      const session = next.router.session();
      if (session.state === 'refused') {
        // The file in use stays: a damaged demo must not leave the app without a database.
        return fail(session.error.code, session.error.message);
      }
      if (next !== served) {
        const previous = served;
        served = next;
        await Promise.allSettled(previous.pending);
        await closeSession(previous.router.session());
      }
      return {
        ok: true,
        value: { databasePath: session.ctx.databasePath, demo: isDemoDatabase(session.ctx) },
        changed: [],
      };
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      logError(error, target === demoPath ? 'openDemo' : 'leaveDemo');
      return fail(
        'INTERNAL',
        `Isopatch could not open ${target} because of an unexpected error; it goes on with the database it had.`,
      );
    } finally {
      switching = false;
    }
  }

  /** A new demo is generated beside the old one first: if that fails, the demo in use stays as it was. */
  async function restartDemo(): Promise<ApiResult<DatabaseSwitch>> {
    const session = served.router.session();
    if (served.path !== demoPath || session.state !== 'open' || !isDemoDatabase(session.ctx)) {
      return fail('CONFLICT', 'Only the demo hospital can be started afresh; explore it first.');
    }
    if (switching) return fail('CONFLICT', 'Isopatch is already switching databases; try again in a moment.');
    switching = true;
    const fresh = `${demoPath}.new`;
    let closed = false;
    try {
      removeDatabaseFiles(fresh);
      await createDemoDatabase(fresh, { nativeBinding: sessionOptions.nativeBinding });
      const previous = served;
      await Promise.allSettled(previous.pending);
      await closeSession(previous.router.session());
      closed = true;
      removeDatabaseFiles(demoPath);
      renameSync(fresh, demoPath);
      served = await serve(demoPath);
      return { ok: true, value: { databasePath: demoPath, demo: true }, changed: [] };
    } catch (error) {
      logError(error, 'restartDemo');
      removeDatabaseFiles(fresh);
      // The app goes on with a demo: the one it had, or, once that was closed, the file as it is now (a demo is
      // generated into it if it is gone).
      if (closed) served = await serve(demoPath);
      return fail('INTERNAL', 'Isopatch could not start the demo afresh; it goes on with the demo it had.');
    } finally {
      switching = false;
    }
  }

  return {
    session: () => served.router.session(),
    async dispatch(name, input) {
      if (name === 'openDemo' || name === 'leaveDemo' || name === 'restartDemo') {
        if (!contract[name].input.safeParse(input ?? {}).success) {
          return fail('INVALID_INPUT', `${name} takes no input.`);
        }
        if (name === 'restartDemo') return restartDemo();
        return switchTo(name === 'openDemo' ? demoPath : realPath);
      }
      const current = served;
      const answer = current.router.dispatch(name, input);
      current.pending.add(answer);
      void answer.finally(() => current.pending.delete(answer));
      return answer;
    },
  };
}
