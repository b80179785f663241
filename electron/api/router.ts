import type { z } from 'zod';
import { auditRecorder } from '../core/audit/audit-log';
import type { CoreContext } from '../core/context';
import { storageFailure } from '../core/db/storage-errors';
import { AppError } from '../core/errors';
import type { CoreSession } from '../core/session';
import { type ApiError, type ApiResult, contract, type ErrorCode, type OperationName } from './contract';
import { type Handler, handlers } from './handlers';
import { nestsDeeperThan, TOO_DEEP_MESSAGE } from './input-depth';
import { isOperationName } from './operations';
import { isRecoveryOperation, runRecovery } from './recovery';

export interface Router {
  /** Validates, runs and answers one operation. Never throws: every failure is an `{ok: false}` result. */
  dispatch(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** The session operations run on now: a restore replaces the one the router was created with. */
  session(): CoreSession;
}

export interface RouterOptions {
  /** Where unexpected errors are reported with their stack; the caller only gets a plain sentence. */
  logError?: (error: unknown, operation: string) => void;
  /** Opens the database again after a restore, as the transport opened it first (the app and the web mode). */
  reopen?: () => Promise<CoreSession>;
  /** better-sqlite3 built for Electron, to check a backup before it is restored. */
  nativeBinding?: string;
  /**
   * Whether restoreBackup takes any file. Only the CLI, whose user names a file on their own machine; the app's
   * windows may restore only the backups listBackups gives, so a page cannot make the app read any path.
   */
  restoreFromAnyFile?: boolean;
}

const fail = (code: ErrorCode, message: string, issues?: ApiError['issues']): ApiResult<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export function createRouter(initial: CoreSession, options: RouterOptions = {}): Router {
  const logError = options.logError ?? ((error, operation) => console.error(`[${operation}]`, error));
  let current = initial;
  const sessions = {
    current: () => current,
    replace: (next: CoreSession) => {
      current = next;
    },
    reopen: options.reopen,
    nativeBinding: options.nativeBinding,
    restoreFromAnyFile: options.restoreFromAnyFile ?? false,
  };

  return {
    session: () => current,
    async dispatch(name, rawInput) {
      if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', 'Isopatch has no such operation.');
      const session = current;
      // A refused database answers only what restores it (listing and restoring backups).
      if (session.state === 'refused' && !isRecoveryOperation(name))
        return fail(session.error.code, session.error.message);
      if (nestsDeeperThan(rawInput)) return fail('INVALID_INPUT', TOO_DEEP_MESSAGE);
      const spec = contract[name];
      const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        return fail('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      }
      try {
        const value = isRecoveryOperation(name)
          ? await runRecovery(name, parsed.data as { backup?: string }, sessions)
          : await run(openContext(session), name, spec.kind, parsed.data);
        return { ok: true, value, changed: spec.changes };
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message);
        // A full disk is the disk's failure, not a bug: one plain sentence, no stack trace.
        const storage = storageFailure(error);
        if (storage) return fail(storage.code, storage.message);
        logError(error, name);
        return fail(
          'INTERNAL',
          `Isopatch could not complete "${name}" because of an unexpected error; nothing was changed.`,
        );
      }
    },
  };
}

function openContext(session: CoreSession): CoreContext {
  if (session.state !== 'open') throw new AppError(session.error.code, session.error.message);
  return session.ctx;
}

/** Reads run as they are; writes run in one transaction with an audit recorder, after any async preparation. */
async function run(
  ctx: CoreContext,
  name: OperationName,
  kind: 'read' | 'write' | 'job',
  input: unknown,
): Promise<unknown> {
  // TypeScript cannot relate handlers[name] to contract[name] for a union of names; the handler table's type does.
  const handler = handlers[name] as Handler<OperationName>;
  const audit = auditRecorder(ctx, name);
  if (typeof handler !== 'function') {
    const prepared = await handler.prepare(ctx, input as never);
    return ctx.db.transaction(() => handler.apply(ctx, prepared, audit)).immediate();
  }
  if (kind !== 'write') return handler(ctx, input as never, audit);
  // Immediate: the write lock is taken (waiting for a job's worker if need be) before the first read. A
  // transaction that reads first and then writes is refused at once, without waiting, while another connection
  // writes.
  return ctx.db
    .transaction(() => {
      const result = handler(ctx, input as never, audit);
      if (result instanceof Promise)
        throw new Error(`The write "${name}" must be synchronous to run in a transaction.`);
      return result;
    })
    .immediate();
}

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : 'input',
    message: issue.message,
  }));
}

export type { OperationName };
