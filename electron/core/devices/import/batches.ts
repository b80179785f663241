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

/** Saves (or replaces) a named mapping to apply to other files. */
export function saveMappingTemplate(
  ctx: CoreContext,
  name: string,
  mapping: ColumnMapping,
  audit: AuditRecorder,
): z.infer<typeof mappingTemplate> {
  // A template that drops one column's values would do so for every file it is applied to.
  const conflict = mappingConflict(mapping);
  if (conflict) throw new AppError('INVALID_INPUT', conflict);
  const before = ctx.db
    .prepare('SELECT mapping_json FROM mapping_template WHERE name = ?')
    .pluck()
    .get(name) as string | undefined;
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
    before: before ? { name, mapping: JSON.parse(before) } : undefined,
    after: { name, mapping },
  });
  return { id, name, mapping };
}
