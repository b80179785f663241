// The BSI validator ships JavaScript with JSDoc types in folders TypeScript does not resolve for subpath imports.
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  const validate: (tests: unknown[], document: unknown) => Promise<unknown>;
  export default validate;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0: unknown;
  export const csaf_2_0_strict: unknown;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, unknown>;
  export = tests;
}
// FIRST's reference calculators of CVSS 3.0 and 3.1, which the validator itself uses for test 6.1.9.
declare module '@secvisogram/csaf-validator-lib/lib/shared/first/cvsscalc30.js' {
  const CVSS30: import('./first-cvss').FirstCvssCalculator;
  export default CVSS30;
}
declare module '@secvisogram/csaf-validator-lib/lib/shared/first/cvsscalc31.js' {
  const CVSS31: import('./first-cvss').FirstCvssCalculator;
  export default CVSS31;
}
