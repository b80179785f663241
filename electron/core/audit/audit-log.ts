import type { z } from 'zod';
import type { AuditEntry, auditAction, ListAuditInput } from '../../api/schemas/audit';
import { type CoreContext, isoNow } from '../context';
import { mainZone } from '../planning/load-planning';
import { changeWordsOf, describeChange, subjectOf } from './change-words';

export interface AuditChange {
  readonly entity: string;
  readonly entityId: string | number | null;
  readonly action: z.infer<typeof auditAction>;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly batchId?: number;
}

/** Records changes made by one operation, inside that operation's transaction. */
export interface AuditRecorder {
  (change: AuditChange): void;
  /**
   * Records one change per row the query selects (columns entity, entity_id, action, before_json, after_json), in
   * one statement: for set-based updates of thousands of rows, where a call per row would cost more than the
   * update itself (33,000 devices becoming affected on a large import, measured).
   */
  readonly selected: (query: string, params?: Record<string, unknown>) => void;
}

/** For a rehearsal that is rolled back anyway. */
export const noAudit: AuditRecorder = Object.assign(() => {}, { selected: () => {} });

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export function auditRecorder(ctx: CoreContext, operation: string): AuditRecorder {
  const insert = ctx.db.prepare(
    `INSERT INTO audit_log (at, os_user, operation, entity, entity_id, action, before_json, after_json, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = (change: AuditChange) => {
    insert.run(
      isoNow(ctx),
      ctx.osUser,
      operation,
      change.entity,
      change.entityId === null ? null : String(change.entityId),
      change.action,
      toJson(change.before),
      toJson(change.after),
      change.batchId ?? null,
    );
  };
  const selected = (query: string, params: Record<string, unknown> = {}) => {
    ctx.db
      .prepare(
        `INSERT INTO audit_log (at, os_user, operation, entity, entity_id, action, before_json, after_json)
         SELECT @auditAt, @auditUser, @auditOperation, entity, entity_id, action, before_json, after_json
         FROM (${query})`,
      )
      .run({ ...params, auditAt: isoNow(ctx), auditUser: ctx.osUser, auditOperation: operation });
  };
  return Object.assign(record, { selected });
}

interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  operation: string;
  entity: string;
  entity_id: string | null;
  action: AuditEntry['action'];
  before_json: string | null;
  after_json: string | null;
}

export function listAudit(ctx: CoreContext, input: ListAuditInput): AuditEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, at, os_user, operation, entity, entity_id, action, before_json, after_json FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      entity: input.entity ?? null,
      entityId: input.entityId ?? null,
      limit: input.limit,
    }) as AuditRow[];
  const words = changeWordsOf(ctx, mainZone(ctx));
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    osUser: row.os_user,
    operation: row.operation,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    subject: subjectOf(row, words),
    changes: describeChange(row.before_json, row.after_json, words),
  }));
}
