import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { isoNow } from '../context';

/**
 * Departments found by name (case-insensitive) for device imports and edits: the main site's first, then one of
 * another site (the oldest when several sites share the name), so departments a site model placed at other sites
 * are used rather than duplicated. A name no site has is created at the main site.
 */
export class DepartmentDirectory {
  private readonly byName = new Map<string, number>();
  private readonly siteId: number;

  constructor(private readonly ctx: CoreContext) {
    this.siteId = ctx.db
      .prepare('SELECT default_site_id FROM organization WHERE id = 1')
      .pluck()
      .get() as number;
    const rows = ctx.db
      .prepare('SELECT id, name FROM department ORDER BY site_id = ? DESC, id')
      .all(this.siteId) as { id: number; name: string }[];
    for (const row of rows) {
      const key = row.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, row.id);
    }
  }

  find(name: string): number | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Within the caller's transaction; a department made here is audited like any other change. */
  findOrCreate(name: string, audit: AuditRecorder, batchId?: number): number {
    const known = this.find(name);
    if (known !== undefined) return known;
    const at = isoNow(this.ctx);
    const id = Number(
      this.ctx.db
        .prepare('INSERT INTO department (site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(this.siteId, name, at, at).lastInsertRowid,
    );
    audit({
      entity: 'department',
      entityId: id,
      action: 'create',
      after: { name, siteId: this.siteId },
      batchId,
    });
    this.byName.set(name.toLowerCase(), id);
    return id;
  }
}
