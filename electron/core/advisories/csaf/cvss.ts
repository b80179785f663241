/**
 * CVSS 3.0 / 3.1 base scores of typed-in vectors, from FIRST's own calculators (shipped with BSI's validator, and
 * loaded with it on first use), so a typed-in vector gets exactly the score CSAF's test 6.1.9 expects.
 */

export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface CvssBase {
  readonly version: '3.0' | '3.1';
  readonly score: number;
  readonly severity: CvssSeverity;
}

export interface CvssReader {
  /** The base of a vector, or null when it is not a CVSS 3.x base vector. */
  base(vector: string): CvssBase | null;
  severity(score: number): CvssSeverity;
}

/** The vector with its prefix: "CVSS:3.1/" when the person typed none. */
export function withCvssPrefix(vector: string): string {
  return vector.startsWith('CVSS:') ? vector : `CVSS:3.1/${vector}`;
}

export async function loadCvssReader(): Promise<CvssReader> {
  const { CVSS30, CVSS31 } = await import('./csaf-validator-lib');
  return {
    base(vector) {
      const full = withCvssPrefix(vector);
      const version = full.startsWith('CVSS:3.0/') ? '3.0' : '3.1';
      const result = (version === '3.0' ? CVSS30 : CVSS31).calculateCVSSFromVector(full);
      if (!result.success) return null;
      return {
        version,
        score: Number(result.baseMetricScore),
        severity: result.baseSeverity.toUpperCase() as CvssSeverity,
      };
    },
    severity: (score) => CVSS31.severityRating(score.toFixed(1)).toUpperCase() as CvssSeverity,
  };
}
