import { z } from 'zod';

/** Whether an entry came with Isopatch (resources/catalog) or a person added it here. */
export const catalogSource = z.enum(['bundled', 'user']);

const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((text) => text.replace(/\s+/g, ' '));

/** Vendor aliases, the model-to-family table and a person's model decisions: what matching reads. */
export const productCatalog = z.object({
  vendors: z.array(
    z.object({
      name: z.string(),
      /** Devices whose manufacturer resolves to this vendor. */
      devices: z.number().int(),
      aliases: z.array(z.object({ alias: z.string(), source: catalogSource, devices: z.number().int() })),
    }),
  ),
  families: z.array(
    z.object({
      vendor: z.string(),
      name: z.string(),
      /** Devices whose model falls in the family, by the table or a person's rule. */
      devices: z.number().int(),
      models: z.array(z.object({ model: z.string(), source: catalogSource, devices: z.number().int() })),
    }),
  ),
  rules: z.array(
    z.object({
      vendor: z.string().nullable(),
      model: z.string(),
      decision: z.enum(['member-of-family', 'not-affected']),
      family: z.string().nullable(),
      reason: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
      devices: z.number().int(),
    }),
  ),
});
export type ProductCatalog = z.infer<typeof productCatalog>;

export const vendorAliasInput = z
  .object({
    /** The canonical vendor, as the catalog names it. */
    vendor: name,
    /** A spelling inventories use for it ("Siemens Medical Solutions USA, Inc."). */
    alias: name,
  })
  .strict();
export type VendorAliasInput = z.output<typeof vendorAliasInput>;

export const deleteVendorAliasInput = z.object({ alias: name }).strict();

export const modelAliasInput = z
  .object({
    family: name,
    model: name,
    /** Only needed when two vendors have a family of the same name. */
    vendor: name.optional(),
  })
  .strict();
export type ModelAliasInput = z.output<typeof modelAliasInput>;

export const deleteMatchRuleInput = z.object({ vendor: name, model: name }).strict();

/** What a catalog edit did, in a sentence, and how many devices now follow the entry. */
export const catalogChange = z.object({ summary: z.string(), devices: z.number().int() });
export type CatalogChange = z.infer<typeof catalogChange>;
