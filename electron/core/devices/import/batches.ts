import type { z } from 'zod';
import type { ColumnMapping, importBatch, mappingTemplate } from '../../../api/schemas/device-import';
import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { AppError } from '../../errors';
import { mappingConflict } from './interpret';

export function listImportBatches(ctx: CoreContext): z.infer<typeof importBatch>[] {
  return ctx.db
    .prepare(
      `SELECT id, file_name AS fileName, sha256, imported_at AS importedAt, os_user AS osUser, added, updated, unchanged,
       rejected, status FROM import_batch WHERE kind = 'devices' ORDER BY id DESC`,
    )
    .all() as z.infer<typeof importBatch>[];
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
