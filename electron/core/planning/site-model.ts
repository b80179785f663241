import type { Durations, Policies, SiteModel, TaskMinutes } from '../../api/schemas/site-model';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { AppError } from '../errors';
import {
  canonicalDurations,
  getSiteModel,
  readDurations,
  readPolicies,
  storedPlanning,
} from './site-model-read';
import { changes, saveSites, saveTeams } from './site-model-write';

export { getSiteModel };

/** `durations.families.Symbia`, `durations.families["PET/CT Systems"]`: the place in the file, as people read it. */
const jsonPath = (section: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key)
    ? `durations.${section}.${key}`
    : `durations.${section}[${JSON.stringify(key)}]`;

interface DurationRow {
  familyId: number | null;
  deviceId: number | null;
  kind: keyof TaskMinutes;
  minutes: number;
}

/**
 * The file names families and devices; the table holds their ids. Every name that matches nothing (or more than
 * one family) is refused at once, by its place in the file, before anything is written.
 */
function resolveDurations(ctx: CoreContext, durations: Durations) {
  const problems: string[] = [];
  const rows: DurationRow[] = [];
  const canonical: Durations = { default: durations.default, families: {}, devices: {} };
  const seen = new Map<string, string>();
  const add = (
    section: 'families' | 'devices',
    key: string,
    found: { id: number; name: string } | undefined,
    minutes: TaskMinutes,
  ) => {
    if (!found) return;
    const earlier = seen.get(`${section}/${found.id}`);
    if (earlier !== undefined) {
      problems.push(
        `${jsonPath(section, key)}: names the same ${section === 'families' ? 'product family' : 'device'} as "${earlier}"`,
      );
      return;
    }
    seen.set(`${section}/${found.id}`, key);
    canonical[section][found.name] = minutes;
    for (const [kind, value] of Object.entries(minutes) as [keyof TaskMinutes, number | undefined][]) {
      if (value === undefined) continue;
      rows.push({
        familyId: section === 'families' ? found.id : null,
        deviceId: section === 'devices' ? found.id : null,
        kind,
        minutes: value,
      });
    }
  };

  // product_family.name compares without case; the same name under two vendors cannot be told apart here.
  const families = ctx.db.prepare('SELECT id, name FROM product_family WHERE name = ?');
  for (const [key, minutes] of Object.entries(durations.families)) {
    const matches = families.all(key) as { id: number; name: string }[];
    if (matches.length === 0)
      problems.push(`${jsonPath('families', key)}: no product family is called "${key}"`);
    else if (matches.length > 1)
      problems.push(
        `${jsonPath('families', key)}: more than one vendor has a product family called "${key}"`,
      );
    add('families', key, matches.length === 1 ? matches[0] : undefined, minutes);
  }
  const exact = ctx.db.prepare('SELECT id, asset_tag AS name FROM device WHERE asset_tag = ?');
  const anyCase = ctx.db.prepare(
    'SELECT id, asset_tag AS name FROM device WHERE asset_tag = ? COLLATE NOCASE',
  );
  for (const [key, minutes] of Object.entries(durations.devices)) {
    const sameCase = anyCase.all(key) as { id: number; name: string }[];
    const device =
      (exact.get(key) as { id: number; name: string } | undefined) ??
      (sameCase.length === 1 ? sameCase[0] : undefined);
    if (!device) problems.push(`${jsonPath('devices', key)}: no device has the asset tag "${key}"`);
    add('devices', key, device, minutes);
  }
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join('; '));
  return { canonical: canonicalDurations(canonical), rows };
}

/** Durations are replaced as a whole; the policies and default durations live in organization.policies_json. */
function saveDurationsAndPolicies(
  ctx: CoreContext,
  durations: ReturnType<typeof resolveDurations>,
  policies: Policies,
  audit: AuditRecorder,
) {
  const stored = storedPlanning(ctx);
  const diff = changes(
    { policies: readPolicies(stored), durations: readDurations(ctx, stored) },
    { policies, durations: durations.canonical },
  );
  if (!diff) return;
  if (diff.after.durations) {
    ctx.db.prepare('DELETE FROM task_duration').run();
    const insert = ctx.db.prepare(
      'INSERT INTO task_duration (family_id, device_id, kind, minutes) VALUES (@familyId, @deviceId, @kind, @minutes)',
    );
    for (const row of durations.rows) insert.run(row);
  }
  ctx.db
    .prepare('UPDATE organization SET policies_json = ?, updated_at = ? WHERE id = 1')
    .run(JSON.stringify({ ...stored, policies, defaultDurations: durations.canonical.default }), isoNow(ctx));
  audit({ entity: 'site_model', entityId: null, action: 'update', before: diff.before, after: diff.after });
}

/**
 * Saves a site model (Settings > Planning, or `isopatch site import`) in the caller's transaction. Sites and
 * departments of the file are created or updated, and each one's slots, blackouts and availability rules are
 * replaced by the file's; sites and departments the file leaves out stay as they are, since devices refer to them.
 * Teams are upserted and the others deleted unless windows are assigned to them; durations are replaced whole.
 */
export function saveSiteModel(
  ctx: CoreContext,
  model: SiteModel,
  audit: AuditRecorder,
): { model: SiteModel; keptTeams: string[] } {
  const durations = resolveDurations(ctx, model.durations);
  saveSites(ctx, model.sites, audit);
  const keptTeams = saveTeams(ctx, model.teams, audit);
  saveDurationsAndPolicies(ctx, durations, model.policies, audit);
  return { model: getSiteModel(ctx), keptTeams };
}
