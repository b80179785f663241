import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';

/**
 * A database the demo generator made says so itself, in app_state: the header's "Demo hospital" banner reads
 * this rather than the file's name, so a demo opened with --db is labelled too and a real database never is.
 */
const KEY = 'demo';

export interface DemoMark {
  /** The day the generated history ends: the demo was "today" then. */
  readonly generatedFor: string;
  readonly seed: number;
}

export function isDemoDatabase(ctx: Pick<CoreContext, 'db'>): boolean {
  return ctx.db.prepare('SELECT 1 FROM app_state WHERE key = ?').pluck().get(KEY) !== undefined;
}

/** Written last, once the whole history is in: a generation that failed half-way leaves no demo mark. */
export function markDemoDatabase(ctx: CoreContext, mark: DemoMark, audit: AuditRecorder): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(mark));
    audit({ entity: 'app_state', entityId: KEY, action: 'create', after: mark });
  })();
}
