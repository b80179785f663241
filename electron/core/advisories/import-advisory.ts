import type { AdvisoryImportResult, ImportAdvisoryInput } from '../../api/schemas/advisories';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { storeAdvisory } from './advisory-store';
import { type CsafDocument, csafDocument, productsOf } from './csaf/read';
import { reviewItemsOf } from './csaf/review';
import { validateCsaf } from './csaf/validate';
import { refreshMatches } from './matching/refresh-matches';
import { compareTrackingVersions } from './product-names';
import { prefillPatches } from './remediation-patches';

export interface PreparedAdvisory {
  readonly input: ImportAdvisoryInput;
  readonly document: CsafDocument;
  readonly findings: Awaited<ReturnType<typeof validateCsaf>>;
}

const MAX_DEPTH = 64;

/** Parses and validates outside the transaction (the validator is asynchronous); refuses what cannot be read. */
export async function prepareAdvisory(input: ImportAdvisoryInput): Promise<PreparedAdvisory> {
  // UTF-16 read as UTF-8: its byte-order mark turns into replacement characters and every other byte is NUL.
  if (input.content.startsWith('\ufffd\ufffd') || input.content.includes('\u0000')) {
    throw new AppError(
      'INVALID_INPUT',
      `${input.fileName} is not UTF-8 text (it looks like UTF-16); a CSAF document is JSON in UTF-8: save it as UTF-8 and import it again.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(input.content.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${input.fileName} is not JSON: ${(error as Error).message}.`);
  }
  if (depthOf(json) > MAX_DEPTH)
    throw new AppError('INVALID_INPUT', `${input.fileName} is nested too deeply to be a CSAF document.`);
  const parsed = csafDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'INVALID_INPUT',
      `${input.fileName} is not a readable CSAF 2.0 document: /${issue?.path.join('/')} ${issue?.message ?? ''}.`.replace(
        /\s+\./,
        '.',
      ),
    );
  }
  return { input, document: parsed.data, findings: await validateCsaf(json) };
}

export function importAdvisory(
  ctx: CoreContext,
  prepared: PreparedAdvisory,
  audit: AuditRecorder,
): AdvisoryImportResult {
  const { document, findings, input } = prepared;
  const products = productsOf(document);
  const reviewItems = reviewItemsOf(document, products);
  const tracking = document.document.tracking;
  // A document that breaks the schema is not structurally sound (a CVSS score that is no score, ...): nothing in
  // it can be trusted to drive priorities, so no confirmation imports it.
  const breaksSchema = findings.some((f) => f.test === 'schema');
  const result = (status: AdvisoryImportResult['status'], message: string | null): AdvisoryImportResult => ({
    id: tracking.id,
    version: tracking.version,
    title: document.document.title,
    products: products.length,
    vulnerabilities: document.vulnerabilities?.length ?? 0,
    findings: [...findings],
    reviewItems,
    status,
    message,
    prefilledPatches: 0,
    canAcceptFindings: status === 'rejected' && findings.length > 0 && !breaksSchema,
  });
  if (breaksSchema) {
    return result(
      'rejected',
      `${input.fileName} does not follow the CSAF 2.0 schema, so it cannot be imported, not even on purpose; ask its publisher for a corrected file.`,
    );
  }
  if (findings.length > 0 && !input.acceptFindings) {
    const tests = [...new Set(findings.map((f) => f.test))];
    return result(
      'rejected',
      `${input.fileName} failed the mandatory ${tests.length === 1 ? 'test' : 'tests'} ${tests.join(', ')}; it can be imported on purpose, and then stays marked "imported with validation findings".`,
    );
  }
  const existing = ctx.db
    .prepare('SELECT id, version, source FROM advisory WHERE tracking_id = ?')
    .get(tracking.id) as { id: number; version: string; source: string } | undefined;
  if (existing) {
    const order = compareTrackingVersions(tracking.version, existing.version);
    if (order === 0 && existing.source === 'bundled') {
      // The bundled record of this revision is complete where CISA's file lost data (statuses, cut-off text).
      return result(
        'unchanged',
        `${tracking.id} version ${tracking.version} is already in Isopatch's bundled catalog, with the complete guidance; nothing changed.`,
      );
    }
    if (order === 0)
      return result(
        'unchanged',
        `${tracking.id} version ${tracking.version} is already imported; nothing changed.`,
      );
    if (order < 0) {
      return result(
        'rejected',
        `${tracking.id} version ${tracking.version} is older than the imported version ${existing.version}; nothing changed.`,
      );
    }
  }
  const advisoryId = storeAdvisory(
    ctx,
    { document, products, findings, reviewItems, source: 'csaf', json: input.content },
    existing?.id ?? null,
    audit,
  );
  const prefilledPatches = prefillPatches(
    ctx,
    advisoryId,
    document,
    { kind: 'the CSAF file', name: input.fileName },
    audit,
  );
  refreshMatches(ctx, audit);
  return { ...result(existing ? 'updated' : 'imported', null), prefilledPatches };
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
