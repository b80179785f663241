import type { z } from 'zod';
import type {
  ColumnMapping,
  importBatch,
  mappingTemplate,
  rejectedRowsFile,
} from '../../../api/schemas/device-import';
import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { AppError } from '../../errors';
import { mappingConflict } from './interpret';

export function listImportBatches(ctx: CoreContext): z.infer<typeof importBatch>[] {
  return ctx.db
    .prepare(
      `SELECT id, file_name AS fileName, sha256, imported_at AS importedAt, os_user AS osUser, added, updated, unchanged,
       rejected, rejected_csv IS NOT NULL AS rejectedRowsKept, status
       FROM import_batch WHERE kind = 'devices' ORDER BY id DESC`,
    )
    .all()
    .map((row) => {
      const batch = row as Omit<z.infer<typeof importBatch>, 'rejectedRowsKept'> & {
        rejectedRowsKept: 0 | 1;
      };
      return { ...batch, rejectedRowsKept: batch.rejectedRowsKept === 1 };
    });
}

/** The rows a batch rejected, as the CSV to fix and import again (the wizard's "Save rejected rows as CSV"). */
export function rejectedRowsOfBatch(ctx: CoreContext, batchId: number): z.infer<typeof rejectedRowsFile> {
  const batch = ctx.db
    .prepare("SELECT file_name, rejected_csv FROM import_batch WHERE id = ? AND kind = 'devices'")
    .get(batchId) as { file_name: string; rejected_csv: string | null } | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `There is no device import batch ${batchId}.`);
  if (batch.rejected_csv === null)
    throw new AppError('NOT_FOUND', `Import batch ${batchId} kept no rejected rows.`);
  return {
    fileName: `${batch.file_name.replace(/\.[^.]+$/, '')}-rejected-rows.csv`,
    csv: batch.rejected_csv,
  };
}

export function listMappingTemplates(ctx: CoreContext): z.infer<typeof mappingTemplate>[] {
  const rows = ctx.db.prepare('SELECT id, name, mapping_json FROM mapping_template ORDER BY name').all() as {
    id: number;
    name: string;
    mapping_json: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    mapping: JSON.parse(row.mapping_json) as ColumnMapping,
  }));
}

interface TemplateRow {
  readonly id: number;
  readonly name: string;
  readonly mapping_json: string;
}

function templateCalled(ctx: CoreContext, name: string): TemplateRow | undefined {
  return ctx.db.prepare('SELECT id, name, mapping_json FROM mapping_template WHERE name = ?').get(name) as
    | TemplateRow
    | undefined;
}

function templateWithId(ctx: CoreContext, id: number): TemplateRow {
  const row = ctx.db.prepare('SELECT id, name, mapping_json FROM mapping_template WHERE id = ?').get(id) as
    | TemplateRow
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no mapping template ${id}.`);
  return row;
}

const nameTaken = (name: string) =>
  new AppError(
    'CONFLICT',
    `A mapping template is already called "${name}": replace it, or choose another name.`,
  );

/**
 * Saves a named mapping to apply to other files. A template of the same name is replaced only when asked
 * (replace); otherwise the name is refused, naming the template, and nothing changes.
 */
export function saveMappingTemplate(
  ctx: CoreContext,
  name: string,
  mapping: ColumnMapping,
  audit: AuditRecorder,
  replace = false,
): z.infer<typeof mappingTemplate> {
  // A template that drops one column's values would do so for every file it is applied to.
  const conflict = mappingConflict(mapping);
  if (conflict) throw new AppError('INVALID_INPUT', conflict);
  const before = templateCalled(ctx, name);
  if (before && !replace) throw nameTaken(before.name);
  ctx.db
    .prepare(
      `INSERT INTO mapping_template (name, mapping_json, created_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET mapping_json = excluded.mapping_json`,
    )
    .run(name, JSON.stringify(mapping), isoNow(ctx));
  const id = ctx.db.prepare('SELECT id FROM mapping_template WHERE name = ?').pluck().get(name) as number;
  audit({
    entity: 'mapping_template',
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? { name, mapping: JSON.parse(before.mapping_json) } : undefined,
    after: { name, mapping },
  });
  return { id, name, mapping };
}

/** Gives a template another name, refusing one another template has. */
export function renameMappingTemplate(
  ctx: CoreContext,
  id: number,
  name: string,
  audit: AuditRecorder,
): z.infer<typeof mappingTemplate> {
  const row = templateWithId(ctx, id);
  const mapping = JSON.parse(row.mapping_json) as ColumnMapping;
  if (row.name === name) return { id, name, mapping };
  const other = templateCalled(ctx, name);
  if (other) throw nameTaken(other.name);
  ctx.db.prepare('UPDATE mapping_template SET name = ? WHERE id = ?').run(name, id);
  audit({
    entity: 'mapping_template',
    entityId: id,
    action: 'update',
    before: { name: row.name },
    after: { name },
  });
  return { id, name, mapping };
}

/** Deletes a template; imports made with it keep their own copy of the mapping. */
export function deleteMappingTemplate(
  ctx: CoreContext,
  id: number,
  audit: AuditRecorder,
): { id: number; name: string } {
  const row = templateWithId(ctx, id);
  ctx.db.prepare('DELETE FROM mapping_template WHERE id = ?').run(id);
  audit({
    entity: 'mapping_template',
    entityId: id,
    action: 'delete',
    before: { name: row.name, mapping: JSON.parse(row.mapping_json) },
  });
  return { id, name: row.name };
}
