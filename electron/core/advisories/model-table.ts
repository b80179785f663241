import type { CatalogChange, ModelAliasInput } from '../../api/schemas/product-catalog';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { FamilyResolver } from './matching/family-resolver';
import { refreshMatches } from './matching/refresh-matches';

interface Family {
  id: number;
  name: string;
  vendor_id: number;
  vendor: string;
}

function findFamily(ctx: CoreContext, name: string, vendor: string | undefined): Family {
  const families = ctx.db
    .prepare(
      `SELECT f.id, f.name, f.vendor_id, v.name AS vendor FROM product_family f JOIN vendor v ON v.id = f.vendor_id
       WHERE f.name = ? COLLATE NOCASE AND (? IS NULL OR v.name = ? COLLATE NOCASE)`,
    )
    .all(name, vendor ?? null, vendor ?? null) as Family[];
  const [family] = families;
  if (!family) {
    const of = vendor ? ` of ${vendor}` : '';
    throw new AppError('NOT_FOUND', `There is no product family "${name}"${of}.`);
  }
  if (families.length > 1)
    throw new AppError('CONFLICT', `More than one vendor has a product family "${name}"; say which vendor.`);
  return family;
}

/** Devices whose model the table or a rule now puts in the family (suggestions wait for a person). */
function devicesInFamily(ctx: CoreContext, family: Family): number {
  const resolver = new FamilyResolver(ctx);
  const models = ctx.db
    .prepare(
      'SELECT model, count(*) AS n FROM device WHERE vendor_id = ? AND model IS NOT NULL GROUP BY model',
    )
    .all(family.vendor_id) as { model: string; n: number }[];
  return models.reduce((sum, m) => {
    const decision = resolver.resolve(family.vendor_id, m.model);
    const member =
      decision.kind === 'family' && decision.familyId === family.id && decision.basis !== 'suggestion';
    return member ? sum + m.n : sum;
  }, 0);
}

/** "1 device", "3 devices". */
export const devicesText = (n: number) => (n === 1 ? '1 device' : `${n} devices`);

/** How the audit trail names a model of a family ("Siemens Healthineers SPECT/CT Systems: Symbia T16"). */
export const entityOf = (family: Pick<Family, 'vendor' | 'name'>, model: string) =>
  `${family.vendor} ${family.name}: ${model}`;

/** Adds a model name to a family of the model-to-family table; matches follow at once. */
export function saveModelAlias(
  ctx: CoreContext,
  input: ModelAliasInput,
  audit: AuditRecorder,
): CatalogChange {
  const family = findFamily(ctx, input.family, input.vendor);
  const elsewhere = ctx.db
    .prepare(
      `SELECT f.id, f.name FROM model_alias m JOIN product_family f ON f.id = m.family_id
       WHERE f.vendor_id = ? AND m.model = ? COLLATE NOCASE`,
    )
    .all(family.vendor_id, input.model) as { id: number; name: string }[];
  if (elsewhere.some((f) => f.id === family.id)) {
    return {
      summary: `${input.model} is already in ${family.name}; nothing changed.`,
      devices: devicesInFamily(ctx, family),
    };
  }
  const [other] = elsewhere;
  if (other) {
    // One model in two families would make matching pick one at random.
    throw new AppError(
      'CONFLICT',
      `${input.model} is already in ${other.name}; remove it there first to move it to ${family.name}.`,
    );
  }
  ctx.db
    .prepare("INSERT INTO model_alias (family_id, model, source) VALUES (?, ?, 'user')")
    .run(family.id, input.model);
  audit({
    entity: 'model_alias',
    entityId: entityOf(family, input.model),
    action: 'create',
    before: null,
    after: { vendor: family.vendor, family: family.name, model: input.model, source: 'user' },
  });
  refreshMatches(ctx, audit);
  const devices = devicesInFamily(ctx, family);
  return {
    summary: `${input.model} is now in ${family.name}; the family has ${devicesText(devices)}.`,
    devices,
  };
}

/** Removes a model name from a family, a bundled one too (a hospital may know the table is wrong). */
export function deleteModelAlias(
  ctx: CoreContext,
  input: ModelAliasInput,
  audit: AuditRecorder,
): CatalogChange {
  const family = findFamily(ctx, input.family, input.vendor);
  const row = ctx.db
    .prepare('SELECT id, model, source FROM model_alias WHERE family_id = ? AND model = ? COLLATE NOCASE')
    .get(family.id, input.model) as { id: number; model: string; source: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `${family.name} has no model "${input.model}".`);
  ctx.db.prepare('DELETE FROM model_alias WHERE id = ?').run(row.id);
  audit({
    entity: 'model_alias',
    entityId: entityOf(family, row.model),
    action: 'delete',
    before: { vendor: family.vendor, family: family.name, model: row.model, source: row.source },
    after: null,
  });
  refreshMatches(ctx, audit);
  const devices = devicesInFamily(ctx, family);
  return {
    summary: `${row.model} is no longer in ${family.name}; the family has ${devicesText(devices)}.`,
    devices,
  };
}

/** Undoes a person's decision about a model: its devices are matched by the table and suggestions again. */
export function deleteMatchRule(
  ctx: CoreContext,
  input: { vendor: string; model: string },
  audit: AuditRecorder,
): CatalogChange {
  const rule = ctx.db
    .prepare(
      `SELECT r.id, r.vendor_id, v.name AS vendor, r.model, r.decision, f.name AS family, r.reason, r.decided_by,
         r.decided_at
       FROM match_rule r JOIN vendor v ON v.id = r.vendor_id LEFT JOIN product_family f ON f.id = r.family_id
       WHERE v.name = ? COLLATE NOCASE AND r.model = ? COLLATE NOCASE`,
    )
    .get(input.vendor, input.model) as
    | {
        id: number;
        vendor_id: number;
        vendor: string;
        model: string;
        decision: string;
        family: string | null;
        reason: string | null;
        decided_by: string;
        decided_at: string;
      }
    | undefined;
  if (!rule) throw new AppError('NOT_FOUND', `No decision about ${input.vendor} ${input.model} is recorded.`);
  ctx.db.prepare('DELETE FROM match_rule WHERE id = ?').run(rule.id);
  const { id, vendor_id, ...before } = rule;
  audit({ entity: 'match_rule', entityId: rule.model, action: 'delete', before, after: null });
  refreshMatches(ctx, audit);
  const devices = ctx.db
    .prepare('SELECT count(*) FROM device WHERE vendor_id = ? AND model = ? COLLATE NOCASE')
    .pluck()
    .get(vendor_id, rule.model) as number;
  return {
    summary: `The decision about ${rule.model} is undone; the table and suggestions decide again for ${devicesText(devices)}.`,
    devices,
  };
}
