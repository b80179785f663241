/** What Isopatch calls of FIRST's CVSS 3.x calculators (cvsscalc30.js, cvsscalc31.js). */
export interface FirstCvssCalculator {
  calculateCVSSFromVector(
    vector: string,
  ): { success: true; baseMetricScore: string; baseSeverity: string } | { success: false; errorType: string };
  severityRating(score: string): string;
}
