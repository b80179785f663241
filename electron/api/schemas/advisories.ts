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
  /**
   * Whether a person may import it all the same, marked "imported with validation findings": only when it follows
   * the CSAF schema and fails mandatory tests (as real CISA files fail 6.1.31), never when it breaks the schema.
   */
  canAcceptFindings: z.boolean(),
  /** Patch availability rows filled in from the file's remediations (vendor_fix, none_available, no_fix_planned). */
  prefilledPatches: z.number().int(),
});
export type AdvisoryImportResult = z.infer<typeof advisoryImportResult>;

/**
 * Where the work on an advisory's devices stands. exposed: not yet isolated, patched or accepted and still on the
 * network; isolated: isolated or disconnected, awaiting the patch; patched: patch installed, QC to do;
 * verified: QC passed or reconnected; riskAccepted: left unpatched on purpose.
 */
export const deviceStateCounts = z.object({
  exposed: z.number().int(),
  isolated: z.number().int(),
  patched: z.number().int(),
  verified: z.number().int(),
  riskAccepted: z.number().int(),
});
export type DeviceStateCounts = z.infer<typeof deviceStateCounts>;

export const advisorySummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  source: z.enum(['bundled', 'csaf', 'manual']),
  validation: z.enum(['valid', 'findings']),
  vulnerabilities: z.number().int(),
  highestCvss: z.number().nullable(),
  reviewItems: z.number().int(),
  /** Matched devices by match status. */
  affected: z.object({
    confirmed: z.number().int(),
    needsReview: z.number().int(),
    suggested: z.number().int(),
  }),
  /** The patch status of its product families, e.g. ["available", "announced"]. */
  patchStatuses: z.array(z.string()),
  /** Devices with a confirmed or needs-review match, by where their work stands (lifecycle state and network). */
  deviceStates: deviceStateCounts,
});
export type AdvisorySummary = z.infer<typeof advisorySummary>;

export const patchStatus = z.enum([
  'none-available',
  'announced',
  'available',
  'superseded',
  'no-fix-planned',
]);

export const affectedDevice = z.object({
  assetTag: z.string(),
  advisories: z.array(
    z.object({
      id: z.string(),
      cves: z.array(z.string()),
      maxCvss: z.number().nullable(),
      basis: z.enum(['rule', 'alias', 'suggestion']),
      status: z.enum(['confirmed', 'needs-review', 'suggested', 'rejected']),
      reason: z.string(),
      patch: z.object({
        status: z.string(),
        availableFrom: z.string().nullable(),
        updateId: z.string().nullable(),
        /** The version range of the row that applies ('' = all versions of the family). */
        versionRange: z.string(),
        /** The vendor distinguishes versions and this device's version could not be placed in one. */
        needsReview: z.boolean(),
      }),
    }),
  ),
  priority: z.number(),
  needsReview: z.boolean(),
});
export type AffectedDevice = z.infer<typeof affectedDevice>;

export const confirmMatchInput = z
  .object({
    model: z.string().trim().min(1).max(200),
    /**
     * The family as the catalog names it, without vendor and OS ("SPECT/CT Systems"), or the advisory product the
     * model was proposed for ("Discovery NM750b"), which becomes a family; any case.
     */
    family: z.string().trim().min(1).max(200),
  })
  .strict();

/** A person decides a vendor's model is not affected by any advisory; remembered as a rule with the reason. */
export const rejectModelInput = z
  .object({
    vendor: z.string().trim().min(1).max(200),
    model: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1, 'must say why the model is not affected').max(2000),
  })
  .strict();

export const confirmMatchResult = z.object({
  model: z.string(),
  family: z.string(),
  devices: z.number().int(),
});

export const setPatchStatusInput = z
  .object({
    advisory: z.string().trim().min(1).max(100),
    family: z.string().trim().min(1).max(200),
    status: patchStatus,
    /** Where the vendor distinguishes versions: the range this row is for ("< VB22A", "VA60A"); none = all. */
    versionRange: z.string().trim().max(200).optional(),
    availableFrom: z.iso.date().optional(),
    expectedDate: z.iso.date().optional(),
    updateId: z.string().trim().max(100).optional(),
    delivery: z.enum(['on-site', 'remote', 'customer-installable']).optional(),
    sourceNote: z.string().trim().max(2000).optional(),
  })
  .strict();
export type SetPatchStatusInput = z.output<typeof setPatchStatusInput>;

export const patchAvailability = z.object({
  advisory: z.string(),
  family: z.string(),
  /** '' for all versions of the family; otherwise the range the vendor names. */
  versionRange: z.string(),
  status: patchStatus,
  availableFrom: z.string().nullable(),
  expectedDate: z.string().nullable(),
  updateId: z.string().nullable(),
  delivery: z.string().nullable(),
  sourceNote: z.string().nullable(),
});

/** Suggested matches grouped by model: one confirmation covers every device of that model. */
export const matchSuggestion = z.object({
  vendor: z.string(),
  model: z.string(),
  family: z.string().nullable(),
  /** The family does not exist yet: it is named after the advisory's product, and confirming makes it. */
  newFamily: z.boolean(),
  advisories: z.array(z.string()),
  devices: z.number().int(),
  reason: z.string(),
});
export type MatchSuggestion = z.infer<typeof matchSuggestion>;

export const advisoryId = z.object({ id: z.string().trim().min(1).max(100) }).strict();

export const advisoryDetail = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  publisher: z.string().nullable(),
  initialRelease: z.string().nullable(),
  currentRelease: z.string().nullable(),
  source: z.enum(['bundled', 'csaf', 'manual']),
  findings: z.array(validationFinding),
  reviewItems: z.array(reviewItem),
  vulnerabilities: z.array(
    z.object({
      cve: z.string().nullable(),
      title: z.string().nullable(),
      cvssVersion: z.string().nullable(),
      vector: z.string().nullable(),
      score: z.number().nullable(),
      services: z.array(z.object({ service: z.string(), ports: z.string() })),
    }),
  ),
  products: z.array(
    z.object({
      name: z.string(),
      family: z.string().nullable(),
      os: z.string().nullable(),
      status: z.string(),
    }),
  ),
  remediations: z.array(z.object({ category: z.string(), details: z.string(), url: z.string().nullable() })),
  matchedDevices: z.object({
    confirmed: z.number().int(),
    needsReview: z.number().int(),
    suggested: z.number().int(),
  }),
  deviceStates: deviceStateCounts,
  patches: z.array(patchAvailability),
  revisions: z.array(z.object({ version: z.string(), importedAt: z.string() })),
  /** A typed-in advisory as its form shows it, to edit it into a new version; null for the others. */
  manual: z.lazy(() => manualAdvisoryInput).nullable(),
  /** Who changed the patch availability, when, from what to what. */
  patchHistory: z.array(
    z.object({
      at: z.string(),
      osUser: z.string(),
      family: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type AdvisoryDetail = z.infer<typeof advisoryDetail>;

/** A CVSS 3.x base vector, with or without its "CVSS:3.x/" prefix (ICS-CERT's 2017 advisories print it without). */
const CVSS3_BASE_VECTOR =
  /^(?:CVSS:3\.[01]\/)?AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[HLN]\/I:[HLN]\/A:[HLN]$/;
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** The Windows generations matching tells apart; a product for one of them matches devices on it only. */
export const manualProductOs = z.enum(['', 'Windows XP', 'Windows 7', 'Windows 10', 'Windows 11']);

const manualProduct = z
  .object({
    vendor: z.string().trim().min(1, 'must name the vendor').max(200),
    /** A catalog family ("SPECT/CT Systems") links to it; any other name is matched to models by a person. */
    product: z.string().trim().min(1, 'must name the product or product family').max(200),
    os: manualProductOs.default(''),
    /** '' = all versions. */
    versionRange: z.string().trim().max(200).default(''),
  })
  .strict();

const manualVulnerability = z
  .object({
    cve: z
      .string()
      .trim()
      .max(30)
      .refine((cve) => cve === '' || CVE_ID.test(cve), 'must be a CVE id such as CVE-2017-0144, or empty')
      .default(''),
    title: z.string().trim().min(1, 'must say what the vulnerability is').max(500),
    vector: z
      .string()
      .trim()
      .max(200)
      .refine(
        (vector) => vector === '' || CVSS3_BASE_VECTOR.test(vector),
        'must be a CVSS 3.x base vector such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      )
      .default(''),
    /** Only where the vendor gives a score without a vector; with a vector the score is computed from it. */
    score: z
      .number()
      .min(0, 'must be between 0 and 10')
      .max(10, 'must be between 0 and 10')
      .refine(
        (score) => Math.abs(Math.round(score * 10) - score * 10) < 1e-9,
        'must have one decimal at most',
      )
      .nullable()
      .default(null),
  })
  .strict()
  .refine((v) => v.vector !== '' || v.score !== null, {
    message: 'needs a CVSS 3.x vector or a score',
    path: ['vector'],
  });

/** What a person types in from a vendor letter or bulletin; Isopatch stores it as a CSAF 2.0 document. */
export const manualAdvisoryInput = z
  .object({
    trackingId: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100)
      .regex(
        /^[A-Za-z0-9][\w .:/#()+-]*$/,
        'may hold letters, digits, spaces and . _ : / # ( ) + -, starting with a letter or digit',
      ),
    title: z.string().trim().min(1, 'must not be empty').max(500),
    publisher: z.string().trim().min(1, 'must name who published it').max(200),
    releaseDate: z.iso.date('must be a date (YYYY-MM-DD)'),
    products: z
      .array(manualProduct)
      .min(1, 'needs at least one affected product')
      .max(100, 'may list 100 products at most'),
    vulnerabilities: z
      .array(manualVulnerability)
      .min(1, 'needs at least one vulnerability')
      .max(100, 'may list 100 vulnerabilities at most'),
    remediation: z
      .object({
        category: z.enum(['mitigation', 'workaround', 'vendor_fix', 'none_available', 'no_fix_planned']),
        details: z.string().trim().min(1, 'must say what to do').max(20_000),
      })
      .strict(),
    /** When editing: the version the person started from, so a save over someone else's newer one is refused. */
    editsVersion: z.string().trim().min(1).max(20).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.vulnerabilities.forEach((v, index) => {
      if (v.cve && seen.has(v.cve))
        context.addIssue({
          code: 'custom',
          path: ['vulnerabilities', index, 'cve'],
          message: `${v.cve} is listed twice`,
        });
      seen.add(v.cve);
    });
  });
export type ManualAdvisoryInput = z.output<typeof manualAdvisoryInput>;

export const manualAdvisoryResult = z.object({
  id: z.string(),
  version: z.string(),
  status: z.enum(['saved', 'updated', 'unchanged']),
  message: z.string(),
  /** Patch availability rows filled in from a vendor_fix, none_available or no_fix_planned remediation. */
  prefilledPatches: z.number().int(),
});
export type ManualAdvisoryResult = z.infer<typeof manualAdvisoryResult>;
