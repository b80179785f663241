import type { DatabaseStatus } from '../../api/schemas/status';
import type { CoreContext } from '../context';
import { schemaVersion } from '../db/migrate';
import { isDemoDatabase } from '../demo/marker';
import { getSettings } from '../settings/settings';

export function getStatus(ctx: CoreContext): DatabaseStatus {
  const tables = ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables.map((table) => [
      table,
      ctx.db
        .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
  return {
    organizationName: getSettings(ctx).organizationName,
    databasePath: ctx.databasePath,
    backupsDir: ctx.backupsDir,
    schemaVersion: schemaVersion(ctx.db),
    counts,
    demo: isDemoDatabase(ctx),
  };
}
