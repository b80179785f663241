import { z } from 'zod';

/** A failed validation test of a CSAF document: "6.1.31", or "schema" for the JSON schema. */
export const validationFinding = z.object({ test: z.string(), path: z.string(), message: z.string() });
export type ValidationFinding = z.infer<typeof validationFinding>;

/**
 * Something in real, lossy advisory data that a person must look at. Where it concerns products, they count as
 * affected until someone decides otherwise.
 */
export const reviewItem = z.object({
  kind: z.enum(['missing-product-status', 'truncated-text', 'range-in-product-version']),
  path: z.string(),
  message: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const importAdvisoryInput = z
  .object({
    fileName: z.string().min(1).max(260),
    /** The CSAF 2.0 JSON document as text. */
    content: z.string().max(20_000_000, 'is larger than the 20 MB an advisory may have'),
    /** Import a readable document although validation tests failed; it stays marked with its findings. */
    acceptFindings: z.boolean().default(false),
  })
  .strict();
export type ImportAdvisoryInput = z.output<typeof importAdvisoryInput>;

export const advisoryImportResult = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  products: z.number().int(),
  vulnerabilities: z.number().int(),
  findings: z.array(validationFinding),
  reviewItems: z.array(reviewItem),
  status: z.enum(['imported', 'updated', 'unchanged', 'rejected']),
  /** Why nothing was imported, when status is rejected or unchanged. */
  message: z.string().nullable(),
});
export type AdvisoryImportResult = z.infer<typeof advisoryImportResult>;

export const advisorySummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  source: z.enum(['bundled', 'csaf', 'manual']),
  validation: z.enum(['valid', 'findings']),
  vulnerabilities: z.number().int(),
  highestCvss: z.number().nullable(),
  reviewItems: z.number().int(),
});
export type AdvisorySummary = z.infer<typeof advisorySummary>;
