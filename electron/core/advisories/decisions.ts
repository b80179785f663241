import type { SetPatchStatusInput } from '../../api/schemas/advisories';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { AppError } from '../errors';
import { listMatchSuggestions } from './advisory-detail';
import { refreshMatches } from './matching/refresh-matches';
import { patchEntityId } from './patch-for-device';
import { familyToConfirm, productsNamed } from './product-families';
import { parseRange } from './versions/range';

function familyByName(ctx: CoreContext, name: string): { id: number; name: string; vendor_id: number } {
  const families = ctx.db
    .prepare('SELECT id, name, vendor_id FROM product_family WHERE name = ? COLLATE NOCASE')
    .all(name) as {
    id: number;
    name: string;
    vendor_id: number;
  }[];
  if (families.length === 0) {
    const [product] = productsNamed(ctx, name);
    if (product)
      throw new AppError(
        'NOT_FOUND',
        `"${name}" is a product of ${product.tracking_id} that is no product family yet: confirm a model as "${name}" first (Advisories > Matches, or confirm-match).`,
      );
    throw new AppError(
      'NOT_FOUND',
      `There is no product family "${name}"; the catalog has "${catalogNames(ctx)}".`,
    );
  }
  if (families.length > 1)
    throw new AppError('CONFLICT', `More than one vendor has a product family "${name}".`);
  return families[0] as { id: number; name: string; vendor_id: number };
}

const catalogNames = (ctx: CoreContext) =>
  ctx.db.prepare('SELECT name FROM product_family ORDER BY name').pluck().all().join('", "');

/**
 * Stores a person's decision about a vendor's model as the rule every later match applies, audits it, recomputes
 * the matches, and says how many devices follow it.
 */
function decideModel(
  ctx: CoreContext,
  rule: {
    vendorId: number;
    model: string;
    familyId: number | null;
    decision: 'member-of-family' | 'not-affected';
    reason: string | null;
  },
  described: Record<string, unknown>,
  audit: AuditRecorder,
) {
  const before = ctx.db
    .prepare('SELECT family_id, decision, reason FROM match_rule WHERE vendor_id = ? AND model = ?')
    .get(rule.vendorId, rule.model);
  ctx.db
    .prepare(
      `INSERT INTO match_rule (vendor_id, model, family_id, decision, reason, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (vendor_id, model) DO UPDATE SET family_id = excluded.family_id, decision = excluded.decision,
         reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    )
    .run(rule.vendorId, rule.model, rule.familyId, rule.decision, rule.reason, ctx.osUser, isoNow(ctx));
  audit({
    entity: 'match_rule',
    entityId: rule.model,
    action: before ? 'update' : 'create',
    before,
    after: described,
  });
  refreshMatches(ctx, audit);
  return ctx.db
    .prepare('SELECT count(*) FROM device WHERE vendor_id = ? AND model = ? COLLATE NOCASE')
    .pluck()
    .get(rule.vendorId, rule.model) as number;
}

/**
 * A person confirms that a model belongs to a family, or is the advisory product it was proposed for (which then
 * becomes a family): remembered as a rule that every later match applies.
 */
export function confirmMatch(ctx: CoreContext, model: string, familyName: string, audit: AuditRecorder) {
  const family = familyToConfirm(ctx, familyName, model, audit);
  if (!family) {
    const proposed = listMatchSuggestions(ctx)
      .filter((s) => s.model.toLowerCase() === model.toLowerCase() && s.family)
      .map((s) => s.family);
    throw new AppError(
      'NOT_FOUND',
      `There is no product family "${familyName}"; the catalog has "${catalogNames(ctx)}"${proposed.length > 0 ? `, and the advisories propose "${proposed.join('", "')}" for ${model}` : ''}.`,
    );
  }
  const devices = decideModel(
    ctx,
    { vendorId: family.vendor_id, model, familyId: family.id, decision: 'member-of-family', reason: null },
    { model, family: family.name },
    audit,
  );
  return { model, family: family.name, devices };
}

/** A model a person decided is not affected: no advisory matches its devices while the rule stands. */
export function rejectModel(
  ctx: CoreContext,
  vendorName: string,
  model: string,
  reason: string,
  audit: AuditRecorder,
) {
  const vendor = ctx.db.prepare('SELECT id, name FROM vendor WHERE name = ?').get(vendorName) as
    | { id: number; name: string }
    | undefined;
  if (!vendor) throw new AppError('NOT_FOUND', `There is no vendor "${vendorName}".`);
  const devices = decideModel(
    ctx,
    { vendorId: vendor.id, model, familyId: null, decision: 'not-affected', reason },
    { vendor: vendor.name, model, decision: 'not-affected', reason },
    audit,
  );
  return { model, family: 'not affected', devices };
}

/** '' for all versions; a range as written, once it is readable (a typo must not silently match nothing). */
function versionRangeOf(text: string | undefined): string {
  const range = (text ?? '').replace(/\s+/g, ' ').trim();
  if (range === '') return '';
  const parsed = parseRange(range);
  if (parsed.kind === 'all') return '';
  const versions =
    parsed.kind === 'constraints'
      ? parsed.constraints.map((c) => c.version)
      : parsed.kind === 'any-of'
        ? parsed.versions
        : [];
  if (parsed.kind === 'unreadable' || versions.some((v) => !/[a-z0-9]/i.test(v)))
    throw new AppError(
      'INVALID_INPUT',
      `The version range "${range}" cannot be read; write it as "< VB22A", ">= VA60A < VB22A", "VA60A" or "VA60A | VB10A".`,
    );
  return range;
}

/** Details that belong to another status, and the statuses they belong to, in words. */
const DETAILS = [
  ['availableFrom', 'a date it is available from', ['available', 'superseded']],
  ['updateId', "the vendor's update", ['available', 'superseded']],
  ['delivery', 'a delivery', ['available', 'superseded']],
  ['expectedDate', 'an expected date', ['announced']],
] as const;

/** A status gets only its own details: an update identifier on "none available" would be believed later. */
function assertDetailsFit(input: SetPatchStatusInput) {
  for (const [field, words, statuses] of DETAILS) {
    if (input[field] === undefined || (statuses as readonly string[]).includes(input.status)) continue;
    const spoken = (status: string) => `"${status.replace(/-/g, ' ')}"`;
    throw new AppError(
      'INVALID_INPUT',
      `${words.charAt(0).toUpperCase()}${words.slice(1)} belongs to a patch that is ${statuses.map(spoken).join(' or ')}, not ${spoken(input.status)}.`,
    );
  }
}

/** Patch availability per advisory and family, or per version range of it; its history is the audit log. */
export function setPatchStatus(ctx: CoreContext, input: SetPatchStatusInput, audit: AuditRecorder) {
  const family = familyByName(ctx, input.family);
  const versionRange = versionRangeOf(input.versionRange);
  const advisory = ctx.db
    .prepare('SELECT id, tracking_id FROM advisory WHERE tracking_id = ?')
    .get(input.advisory) as { id: number; tracking_id: string } | undefined;
  if (!advisory) throw new AppError('NOT_FOUND', `There is no advisory ${input.advisory}.`);
  if (input.status === 'available' && !input.availableFrom) {
    throw new AppError('INVALID_INPUT', 'A patch that is available needs the date it is available from.');
  }
  assertDetailsFit(input);
  const before = ctx.db
    .prepare(
      `SELECT status, available_from, expected_date, update_id, delivery, source_note FROM patch_availability
       WHERE advisory_id = ? AND family_id = ? AND version_range = ?`,
    )
    .get(advisory.id, family.id, versionRange);
  const after = {
    ...(versionRange && { version_range: versionRange }),
    status: input.status,
    available_from: input.availableFrom ?? null,
    expected_date: input.expectedDate ?? null,
    update_id: input.updateId ?? null,
    delivery: input.delivery ?? null,
    source_note: input.sourceNote ?? null,
  };
  ctx.db
    .prepare(
      `INSERT INTO patch_availability (advisory_id, family_id, version_range, status, available_from, expected_date, update_id,
         delivery, source_note, updated_at)
       VALUES (@advisory_id, @family_id, @version_range, @status, @available_from, @expected_date, @update_id, @delivery, @source_note, @at)
       ON CONFLICT (advisory_id, family_id, version_range) DO UPDATE SET status = excluded.status,
         available_from = excluded.available_from, expected_date = excluded.expected_date, update_id = excluded.update_id,
         delivery = excluded.delivery, source_note = excluded.source_note, updated_at = excluded.updated_at`,
    )
    .run({
      ...after,
      version_range: versionRange,
      advisory_id: advisory.id,
      family_id: family.id,
      at: isoNow(ctx),
    });
  refreshMatches(ctx, audit); // priorities follow the patch
  audit({
    entity: 'patch_availability',
    entityId: patchEntityId(advisory.tracking_id, family.name, versionRange),
    action: before ? 'update' : 'create',
    before,
    after,
  });
  return {
    advisory: advisory.tracking_id,
    family: family.name,
    versionRange,
    status: input.status,
    availableFrom: after.available_from,
    expectedDate: after.expected_date,
    updateId: after.update_id,
    delivery: after.delivery,
    sourceNote: after.source_note,
  };
}
