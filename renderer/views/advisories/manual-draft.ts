import type { ApiError, InputOf } from '../../../electron/api/contract';
import type { ManualAdvisoryInput } from '../../../electron/api/schemas/advisories';

/** The form's state: every field as typed (the score as text), rows keyed so React keeps focus on the right one. */
export interface Draft {
  trackingId: string;
  title: string;
  publisher: string;
  releaseDate: string;
  products: ProductRow[];
  vulnerabilities: VulnerabilityRow[];
  remediation: ManualAdvisoryInput['remediation'];
  editsVersion?: string;
}
export type ProductRow = { key: number } & ManualAdvisoryInput['products'][number];
export type VulnerabilityRow = { key: number; cve: string; title: string; vector: string; score: string };

let nextKey = 1;
export const newProduct = (): ProductRow => ({
  key: nextKey++,
  vendor: '',
  product: '',
  os: '',
  versionRange: '',
});
export const newVulnerability = (): VulnerabilityRow => ({
  key: nextKey++,
  cve: '',
  title: '',
  vector: '',
  score: '',
});

export function draftOf(form: ManualAdvisoryInput | null): Draft {
  if (!form)
    return {
      trackingId: '',
      title: '',
      publisher: '',
      releaseDate: '',
      products: [newProduct()],
      vulnerabilities: [newVulnerability()],
      remediation: { category: 'mitigation', details: '' },
    };
  return {
    ...form,
    products: form.products.map((p) => ({ ...p, key: nextKey++ })),
    vulnerabilities: form.vulnerabilities.map((v) => ({
      ...v,
      key: nextKey++,
      score: v.score === null ? '' : String(v.score),
    })),
  };
}

export function inputOf(draft: Draft): InputOf<'saveManualAdvisory'> {
  return {
    ...draft,
    products: draft.products.map(({ key: _, ...p }) => p),
    vulnerabilities: draft.vulnerabilities.map(({ key: _, score, ...v }) => ({
      ...v,
      score: score.trim() === '' ? null : Number(score),
    })),
  };
}

const FIELD_PATH =
  /^((?:trackingId|title|publisher|releaseDate|products|vulnerabilities|remediation)[\w.]*): (.+)$/;

/**
 * Errors by field path ("products.0.vendor"): the router's issues, or a core refusal whose message starts with the
 * field it concerns ("trackingId: ICSMA-17-215-02 is an advisory bundled with Isopatch..."). The rest is general.
 */
export function errorsOf(error: ApiError): { fields: Map<string, string>; general: string | null } {
  if (error.issues) return { fields: new Map(error.issues.map((i) => [i.path, i.message])), general: null };
  const match = FIELD_PATH.exec(error.message);
  if (match?.[1] && match[2]) return { fields: new Map([[match[1], match[2]]]), general: null };
  return { fields: new Map(), general: error.message };
}
