import type { ManualAdvisoryInput } from '../../api/schemas/advisories';
import { type CvssReader, withCvssPrefix } from './csaf/cvss';
import { productsOf } from './csaf/read';
import { splitFamilyAndOs } from './product-names';

export interface Revision {
  readonly date: string;
  readonly number: string;
  readonly summary: string;
}

/**
 * A typed-in advisory as a CSAF 2.0 document (csaf_base), so it is stored, matched and shown by the same code as
 * an imported file. Every vulnerability affects every product: a vendor letter names one set of products.
 * A score typed without a vector stays without one, which the CSAF schema would not accept; nothing here
 * validates it, as nothing validates the bundled catalog's.
 */
export function manualDocument(
  input: ManualAdvisoryInput,
  version: string,
  revisions: readonly Revision[],
  at: string,
  cvss: CvssReader,
) {
  const ids = input.products.map((_, index) => `CSAFPID-${String(index + 1).padStart(4, '0')}`);
  const remediationDate =
    input.remediation.category === 'vendor_fix' ? { date: `${input.releaseDate}T00:00:00.000Z` } : {};
  return {
    document: {
      category: 'csaf_base',
      csaf_version: '2.0',
      title: input.title,
      publisher: { category: 'other', name: input.publisher, namespace: 'https://isopatch.invalid/typed-in' },
      notes: [
        {
          category: 'general',
          title: 'Typed in',
          text: `Typed into Isopatch by a person from ${input.publisher}'s advisory; the original is authoritative.`,
        },
      ],
      tracking: {
        id: input.trackingId,
        version,
        status: 'final',
        initial_release_date: `${input.releaseDate}T00:00:00.000Z`,
        current_release_date: at,
        revision_history: revisions,
        generator: { engine: { name: 'Isopatch' } },
      },
    },
    // A vendor branch per product, in the order typed, so the form reads back as it was written.
    product_tree: {
      branches: input.products.map((p, index) => {
        const name = p.os ? `${p.product} ${p.os}-based` : p.product;
        const product = { product_id: ids[index] as string, name: `${p.vendor} ${name}` };
        // A range is a version branch under the product, as CSAF writes it; no range: the product itself.
        const leaf = p.versionRange
          ? {
              category: 'product_name',
              name,
              branches: [{ category: 'product_version_range', name: p.versionRange, product }],
            }
          : { category: 'product_name', name, product };
        return { category: 'vendor', name: p.vendor, branches: [leaf] };
      }),
    },
    vulnerabilities: input.vulnerabilities.map((v) => ({
      ...(v.cve && { cve: v.cve }),
      title: v.title,
      product_status: { known_affected: ids },
      scores: [{ products: ids, cvss_v3: cvssOf(v, cvss) }],
      remediations: [
        {
          category: input.remediation.category,
          details: input.remediation.details,
          product_ids: ids,
          ...remediationDate,
        },
      ],
    })),
  };
}

function cvssOf(v: ManualAdvisoryInput['vulnerabilities'][number], cvss: CvssReader) {
  const base = v.vector ? cvss.base(v.vector) : null;
  if (!v.vector || !base) {
    const score = v.score ?? 0;
    return { version: '3.1', baseScore: score, baseSeverity: cvss.severity(score) };
  }
  return {
    version: base.version,
    vectorString: withCvssPrefix(v.vector),
    baseScore: base.score,
    baseSeverity: base.severity,
  };
}

type ManualDocument = ReturnType<typeof manualDocument>;

export const revisionsOf = (json: string): readonly Revision[] =>
  (JSON.parse(json) as ManualDocument).document.tracking.revision_history;

/** The form a stored typed-in document came from, to edit it into the next version. */
export function manualFormOf(json: string): ManualAdvisoryInput {
  const document = JSON.parse(json) as ManualDocument;
  const tracking = document.document.tracking;
  const [first] = document.vulnerabilities;
  const remediation = first?.remediations[0];
  return {
    trackingId: tracking.id,
    title: document.document.title,
    publisher: document.document.publisher.name,
    releaseDate: tracking.initial_release_date.slice(0, 10),
    products: productsOf(document).map((p) => {
      const split = splitFamilyAndOs(p.productName, null);
      return {
        vendor: p.vendor ?? '',
        product: split.family,
        os: (split.os ?? '') as ManualAdvisoryInput['products'][number]['os'],
        versionRange: p.version ?? '',
      };
    }),
    vulnerabilities: document.vulnerabilities.map((v) => {
      const cvss = v.scores[0]?.cvss_v3 as { vectorString?: string; baseScore: number } | undefined;
      return {
        cve: v.cve ?? '',
        title: v.title,
        vector: cvss?.vectorString ?? '',
        score: cvss?.vectorString ? null : (cvss?.baseScore ?? null),
      };
    }),
    remediation: {
      category: (remediation?.category ?? 'mitigation') as ManualAdvisoryInput['remediation']['category'],
      details: remediation?.details ?? '',
    },
    editsVersion: tracking.version,
  };
}
