import type { CoreContext } from '../../context';

export type FamilyDecision =
  | {
      readonly kind: 'family';
      readonly familyId: number;
      readonly family: string;
      readonly basis: 'rule' | 'alias' | 'suggestion';
      readonly reason: string;
    }
  | { readonly kind: 'not-affected'; readonly reason: string }
  | { readonly kind: 'unknown' };

interface Alias {
  familyId: number;
  family: string;
  model: string;
  tokens: Set<string>;
}

const GENERIC = new Set(['system', 'systems', 'the', 'and', 'series', 'family', 'ct', 'pet', 'spect']);
const tokensOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9.]+/)
      .filter((t) => t.length > 0 && !GENERIC.has(t)),
  );

/**
 * Which product family a vendor's model belongs to: a person's rule first, then the model-to-family table (the
 * longest entry the model starts with), then a fuzzy suggestion that waits for a person.
 */
export class FamilyResolver {
  private readonly aliases = new Map<number, Alias[]>();
  private readonly rules = new Map<
    string,
    { familyId: number | null; family: string | null; decision: string; reason: string | null }
  >();
  private readonly cache = new Map<string, FamilyDecision>();

  constructor(ctx: CoreContext) {
    const aliases = ctx.db
      .prepare(
        `SELECT f.vendor_id, f.id AS familyId, f.name AS family, m.model FROM model_alias m
         JOIN product_family f ON f.id = m.family_id`,
      )
      .all() as { vendor_id: number; familyId: number; family: string; model: string }[];
    for (const a of aliases) {
      const list = this.aliases.get(a.vendor_id) ?? [];
      list.push({
        familyId: a.familyId,
        family: a.family,
        model: a.model.toLowerCase(),
        tokens: tokensOf(a.model),
      });
      this.aliases.set(a.vendor_id, list);
    }
    for (const list of this.aliases.values()) list.sort((a, b) => b.model.length - a.model.length);
    const rules = ctx.db
      .prepare(
        `SELECT r.vendor_id, r.model, r.family_id, f.name AS family, r.decision, r.reason FROM match_rule r
         LEFT JOIN product_family f ON f.id = r.family_id`,
      )
      .all() as {
      vendor_id: number | null;
      model: string;
      family_id: number | null;
      family: string | null;
      decision: string;
      reason: string | null;
    }[];
    for (const r of rules) {
      this.rules.set(`${r.vendor_id ?? ''}|${r.model.toLowerCase()}`, {
        familyId: r.family_id,
        family: r.family,
        decision: r.decision,
        reason: r.reason,
      });
    }
  }

  resolve(vendorId: number | null, model: string | null): FamilyDecision {
    if (vendorId === null || !model) return { kind: 'unknown' };
    const key = `${vendorId}|${model.toLowerCase()}`;
    const known = this.cache.get(key);
    if (known) return known;
    const decision = this.decide(vendorId, model);
    this.cache.set(key, decision);
    return decision;
  }

  /** The family a model is known to be in: a person's rule or the table, never a suggestion still to confirm. */
  familyOf(vendorId: number | null, model: string | null): number | null {
    const decision = this.resolve(vendorId, model);
    return decision.kind === 'family' && decision.basis !== 'suggestion' ? decision.familyId : null;
  }

  /** The entry of the model-to-family table a model falls under: the longest one it equals or starts with. */
  tableEntry(
    vendorId: number,
    model: string,
  ): { familyId: number; family: string; model: string } | undefined {
    const lower = model.toLowerCase();
    return (this.aliases.get(vendorId) ?? []).find(
      (a) => lower === a.model || lower.startsWith(`${a.model} `) || lower.startsWith(`${a.model}-`),
    );
  }

  private decide(vendorId: number, model: string): FamilyDecision {
    const rule =
      this.rules.get(`${vendorId}|${model.toLowerCase()}`) ?? this.rules.get(`|${model.toLowerCase()}`);
    if (rule?.decision === 'not-affected')
      return { kind: 'not-affected', reason: rule.reason ?? `model ${model} was decided not affected` };
    if (rule?.familyId && rule.family) {
      return {
        kind: 'family',
        familyId: rule.familyId,
        family: rule.family,
        basis: 'rule',
        reason: `model ${model} -> ${rule.family} (confirmed rule)`,
      };
    }
    const aliases = this.aliases.get(vendorId) ?? [];
    const alias = this.tableEntry(vendorId, model);
    if (alias)
      return {
        kind: 'family',
        familyId: alias.familyId,
        family: alias.family,
        basis: 'alias',
        reason: `model ${model} -> ${alias.family}`,
      };
    const tokens = tokensOf(model);
    let best: { alias: Alias; score: number } | undefined;
    for (const a of aliases) {
      const shared = [...tokens].filter((t) => a.tokens.has(t)).length;
      const score = shared / new Set([...tokens, ...a.tokens]).size;
      if (shared > 0 && score >= 0.5 && (!best || score > best.score)) best = { alias: a, score };
    }
    if (best) {
      return {
        kind: 'family',
        familyId: best.alias.familyId,
        family: best.alias.family,
        basis: 'suggestion',
        reason: `model ${model} looks like ${best.alias.model} -> ${best.alias.family} (suggestion, to confirm)`,
      };
    }
    return { kind: 'unknown' };
  }
}
