import { z } from 'zod';

// Only what Isopatch reads, leniently: the validator judges the rest. A document that does not even have this
// shape is not readable and cannot be imported, findings or not.
const branch: z.ZodType<Branch> = z.lazy(() =>
  z.object({
    category: z.string(),
    name: z.string(),
    product: z.object({ product_id: z.string(), name: z.string().optional() }).optional(),
    branches: z.array(branch).optional(),
  }),
);
interface Branch {
  category: string;
  name: string;
  product?: { product_id: string; name?: string };
  branches?: Branch[];
}

const cvss = z.object({ vectorString: z.string(), baseScore: z.number(), version: z.string() }).partial();

export const csafDocument = z.object({
  document: z.object({
    title: z.string(),
    publisher: z.object({ name: z.string() }).partial().optional(),
    notes: z
      .array(z.object({ category: z.string(), text: z.string(), title: z.string().optional() }))
      .optional(),
    tracking: z.object({
      id: z.string().min(1),
      version: z.string().min(1),
      initial_release_date: z.string().optional(),
      current_release_date: z.string().optional(),
    }),
  }),
  product_tree: z
    .object({
      branches: z.array(branch).optional(),
      full_product_names: z.array(z.object({ product_id: z.string(), name: z.string() })).optional(),
    })
    .optional(),
  vulnerabilities: z
    .array(
      z.object({
        cve: z.string().optional(),
        title: z.string().optional(),
        product_status: z.record(z.string(), z.array(z.string())).optional(),
        scores: z
          .array(
            z.object({ products: z.array(z.string()), cvss_v3: cvss.optional(), cvss_v2: cvss.optional() }),
          )
          .optional(),
        remediations: z
          .array(
            z.object({
              category: z.string(),
              details: z.string(),
              /** When the remediation (a vendor's fix) became available. */
              date: z.string().optional(),
              url: z.string().optional(),
              product_ids: z.array(z.string()).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});
export type CsafDocument = z.infer<typeof csafDocument>;

/** A product leaf of the tree with the names on its path: vendor, product name, version or range. */
export interface CsafProduct {
  readonly productId: string;
  readonly vendor: string | null;
  readonly productName: string;
  readonly version: string | null;
  readonly versionCategory: 'product_version' | 'product_version_range' | null;
  /** Where it stands in the document, for review items. */
  readonly path: string;
}

export function productsOf(document: CsafDocument): CsafProduct[] {
  const products: CsafProduct[] = [];
  const walk = (branches: Branch[] | undefined, path: string, names: Record<string, string>) => {
    branches?.forEach((b, index) => {
      const here = `${path}/${index}`;
      const scope = { ...names, [b.category]: b.name };
      if (b.product) {
        const isVersion = b.category === 'product_version' || b.category === 'product_version_range';
        products.push({
          productId: b.product.product_id,
          vendor: scope.vendor ?? null,
          productName: scope.product_name ?? scope.product_family ?? b.product.name ?? b.name,
          version: isVersion ? b.name : null,
          versionCategory: isVersion ? (b.category as CsafProduct['versionCategory']) : null,
          path: here,
        });
      }
      walk(b.branches, `${here}/branches`, scope);
    });
  };
  walk(document.product_tree?.branches, '/product_tree/branches', {});
  document.product_tree?.full_product_names?.forEach((p, index) => {
    products.push({
      productId: p.product_id,
      vendor: null,
      productName: p.name,
      version: null,
      versionCategory: null,
      path: `/product_tree/full_product_names/${index}`,
    });
  });
  return products;
}
