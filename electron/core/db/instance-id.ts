import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { AppError } from '../errors';

const KEY = 'instance_id';

/**
 * What tells this database from every other one, the same every time it is asked: calendar UIDs are built from it.
 * The stored `app_state.instance_id` wins when there is one. Without it, the id is derived rather than created,
 * because the operations that need it are reads, which must not write: the first audit-log row is written when the
 * database is created (the organization's 'initialize' entry) and the audit log is never changed afterwards, so
 * its time and id hashed give the same 16 hex digits for the life of the file, and a different one for any other
 * database created at another millisecond. A backup restored or copied keeps the id, so its events update rather
 * than duplicate. Whatever writes `instance_id` later should store this derived value, or every calendar event
 * exported before would be duplicated on the next import.
 */
export function databaseInstanceId(ctx: Pick<CoreContext, 'db'>): string {
  const stored = ctx.db.prepare('SELECT value FROM app_state WHERE key = ?').pluck().get(KEY);
  if (typeof stored === 'string' && stored.trim() !== '') return stored.trim();
  const first = ctx.db.prepare('SELECT id, at FROM audit_log ORDER BY id LIMIT 1').get() as
    | { id: number; at: string }
    | undefined;
  if (!first) {
    throw new AppError(
      'NOT_FOUND',
      'This database has no history yet to tell it from others; open it in Isopatch first.',
    );
  }
  return createHash('sha256').update(`${first.at}#${first.id}`).digest('hex').slice(0, 16);
}
