import type { Settings, UpdateSettingsInput } from '../../api/schemas/settings';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { AppError } from '../errors';

interface OrganizationRow {
  name: string;
  site_id: number;
  site_name: string;
  time_zone: string;
}

const DEFAULT_SITE_NAME = 'Main site';

function readRow(ctx: CoreContext): OrganizationRow | undefined {
  return ctx.db
    .prepare(
      `SELECT o.name, s.id AS site_id, s.name AS site_name, s.time_zone
       FROM organization o JOIN site s ON s.id = o.default_site_id WHERE o.id = 1`,
    )
    .get() as OrganizationRow | undefined;
}

const toSettings = (row: OrganizationRow): Settings => ({
  organizationName: row.name,
  siteName: row.site_name,
  siteTimeZone: row.time_zone,
});

export function getSettings(ctx: CoreContext): Settings {
  const row = readRow(ctx);
  if (!row) throw new AppError('NOT_FOUND', 'The organization has not been set up in this database.');
  return toSettings(row);
}

export function updateSettings(ctx: CoreContext, input: UpdateSettingsInput, audit: AuditRecorder): Settings {
  const before = readRow(ctx);
  if (!before) throw new AppError('NOT_FOUND', 'The organization has not been set up in this database.');
  const at = isoNow(ctx);
  if (input.organizationName !== before.name) {
    ctx.db
      .prepare('UPDATE organization SET name = ?, updated_at = ? WHERE id = 1')
      .run(input.organizationName, at);
    audit({
      entity: 'organization',
      entityId: 1,
      action: 'update',
      before: { name: before.name },
      after: { name: input.organizationName },
    });
  }
  if (input.siteTimeZone !== before.time_zone) {
    ctx.db
      .prepare('UPDATE site SET time_zone = ?, updated_at = ? WHERE id = ?')
      .run(input.siteTimeZone, at, before.site_id);
    audit({
      entity: 'site',
      entityId: before.site_id,
      action: 'update',
      before: { timeZone: before.time_zone },
      after: { timeZone: input.siteTimeZone },
    });
  }
  return getSettings(ctx);
}

/** First start: one organization (name still empty) with a main site in this computer's time zone. */
export function ensureOrganization(ctx: CoreContext, audit: AuditRecorder, systemTimeZone: string): void {
  if (readRow(ctx)) return;
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    const site = ctx.db
      .prepare('INSERT INTO site (name, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(DEFAULT_SITE_NAME, systemTimeZone, at, at);
    ctx.db
      .prepare(
        `INSERT INTO organization (id, name, default_site_id, created_at, updated_at) VALUES (1, '', ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET default_site_id = excluded.default_site_id`,
      )
      .run(site.lastInsertRowid, at, at);
    audit({
      entity: 'organization',
      entityId: 1,
      action: 'initialize',
      after: { name: '', site: { name: DEFAULT_SITE_NAME, timeZone: systemTimeZone } },
    });
  })();
}
