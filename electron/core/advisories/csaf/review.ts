import type { ReviewItem } from '../../../api/schemas/advisories';
import type { CsafDocument, CsafProduct } from './read';

/**
 * Real advisories lose data on the way (CISA's 2017 Siemens files list one of four families as affected while
 * their scores and remediations name all four). These are the places a person must look at.
 */
export function reviewItemsOf(document: CsafDocument, products: readonly CsafProduct[]): ReviewItem[] {
  const items: ReviewItem[] = [];
  const nameOf = (id: string) => products.find((p) => p.productId === id)?.productName ?? id;
  document.vulnerabilities?.forEach((vulnerability, v) => {
    const withStatus = new Set(Object.values(vulnerability.product_status ?? {}).flat());
    const referenced = new Set([
      ...(vulnerability.scores ?? []).flatMap((s) => s.products),
      ...(vulnerability.remediations ?? []).flatMap((r) => r.product_ids ?? []),
    ]);
    const missing = [...referenced].filter((id) => !withStatus.has(id));
    if (missing.length > 0) {
      items.push({
        kind: 'missing-product-status',
        path: `/vulnerabilities/${v}/product_status`,
        message: `${vulnerability.cve ?? `Vulnerability ${v + 1}`} scores or remediates ${missing.map(nameOf).join(', ')} without a product status; counted as affected until reviewed.`,
      });
    }
    vulnerability.remediations?.forEach((remediation, r) => {
      if (looksTruncated(remediation.details)) {
        items.push({
          kind: 'truncated-text',
          path: `/vulnerabilities/${v}/remediations/${r}/details`,
          message: `The ${remediation.category} text of ${vulnerability.cve ?? `vulnerability ${v + 1}`} looks cut off ("…${remediation.details.slice(-40)}"); read the original advisory.`,
        });
      }
    });
  });
  for (const product of products) {
    if (product.versionCategory === 'product_version' && product.version && isRange(product.version)) {
      items.push({
        kind: 'range-in-product-version',
        path: `${product.path}/name`,
        message: `"${product.version}" of ${product.productName} is a version range written as a single version; read as a range.`,
      });
    }
  }
  return items;
}

/** Ends where a sentence cannot end: a colon announcing a list that is not there, a comma, "and", "the"... */
function looksTruncated(text: string): boolean {
  return /(:|,|\b(and|or|the|to|of|a|an|with|for))\s*$/i.test(text.trim());
}

export function isRange(version: string): boolean {
  return (
    /^vers:|[<>]|\b(all|before|after|prior|earlier|later|versions)\b/i.test(version) || /\|/.test(version)
  );
}
