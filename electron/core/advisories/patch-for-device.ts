import type { CoreContext } from '../context';
import { inRange, parseRange, type VersionRange } from './versions/range';

/** One row of patch availability: for an advisory and family, all versions ('') or one version range. */
export interface PatchRow {
  readonly versionRange: string;
  readonly status: string;
  readonly availableFrom: string | null;
  readonly expectedDate: string | null;
  readonly updateId: string | null;
}

/** The row that applies to a device; needsReview when its version could not tell between ranges. */
export interface DevicePatch extends PatchRow {
  readonly needsReview: boolean;
}

const NOTHING_KNOWN: PatchRow = {
  versionRange: '',
  status: 'none-available',
  availableFrom: null,
  expectedDate: null,
  updateId: null,
};

/** How the audit log and the patch history name one row: "ICSMA-17-215-02/SPECT/CT Systems, versions < VB22A". */
export const patchEntityId = (advisory: string, family: string, versionRange: string) =>
  versionRange ? `${advisory}/${family}, versions ${versionRange}` : `${advisory}/${family}`;

/**
 * Every patch availability row, read once, to pick per device the row its software version falls in. A vendor
 * may ship a fix for some versions only; where a family has no range-specific rows, the all-versions row applies.
 */
export class PatchBook {
  private readonly rows = new Map<string, (PatchRow & { range: VersionRange | null })[]>();

  constructor(ctx: CoreContext) {
    const rows = ctx.db
      .prepare(
        `SELECT advisory_id, family_id, version_range AS versionRange, status, available_from AS availableFrom,
           expected_date AS expectedDate, update_id AS updateId
         FROM patch_availability ORDER BY id`,
      )
      .all() as (PatchRow & { advisory_id: number; family_id: number })[];
    for (const { advisory_id, family_id, ...row } of rows) {
      const key = `${advisory_id}|${family_id}`;
      const list = this.rows.get(key) ?? [];
      list.push({ ...row, range: row.versionRange ? parseRange(row.versionRange) : null });
      this.rows.set(key, list);
    }
  }

  forDevice(advisoryId: number, familyId: number | null, softwareVersion: string | null): DevicePatch {
    const rows = familyId === null ? [] : (this.rows.get(`${advisoryId}|${familyId}`) ?? []);
    const general = rows.find((row) => row.range === null) ?? NOTHING_KNOWN;
    const ranged = rows.filter((row) => row.range !== null);
    const patch = (row: PatchRow, needsReview: boolean): DevicePatch => ({
      versionRange: row.versionRange,
      status: row.status,
      availableFrom: row.availableFrom,
      expectedDate: row.expectedDate,
      updateId: row.updateId,
      needsReview,
    });
    if (ranged.length === 0) return patch(general, false);
    // The vendor distinguishes versions: without a readable version a person must say which row applies.
    if (!softwareVersion?.trim()) return patch(general, true);
    let undecided = false;
    for (const row of ranged) {
      const fits = row.range ? inRange(softwareVersion, row.range) : null;
      if (fits === true) return patch(row, false);
      if (fits === null) undecided = true;
    }
    return patch(general, undecided);
  }
}

/**
 * For the planner: the patch row of each confirmed or needs-review match, in the shape it always read
 * (device_id, status, available_from, expected_date), now chosen by the device's software version.
 */
export function matchedPatchRows(ctx: CoreContext) {
  const book = new PatchBook(ctx);
  const matches = ctx.db
    .prepare(
      `SELECT m.device_id, m.advisory_id, p.family_id, d.software_version
       FROM device_match m JOIN advisory_product p ON p.id = m.advisory_product_id JOIN device d ON d.id = m.device_id
       WHERE m.status IN ('confirmed', 'needs-review')`,
    )
    .all() as {
    device_id: number;
    advisory_id: number;
    family_id: number | null;
    software_version: string | null;
  }[];
  return matches.map((m) => {
    const patch = book.forDevice(m.advisory_id, m.family_id, m.software_version);
    return {
      device_id: m.device_id,
      status: patch.status,
      available_from: patch.availableFrom,
      expected_date: patch.expectedDate,
    };
  });
}
