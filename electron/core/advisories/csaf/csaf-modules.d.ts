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
