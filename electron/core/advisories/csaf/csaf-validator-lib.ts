/**
 * What Isopatch uses of BSI's csaf-validator-lib, in one module: the build bundles it as a file of its own
 * (dist/electron/vendor), loaded on first use, so the megabyte of validator and schemas is not parsed at every
 * start of the app or the CLI (tools/bundle-electron.mjs).
 */
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';

export { default as CVSS30 } from '@secvisogram/csaf-validator-lib/lib/shared/first/cvsscalc30.js';
export { default as CVSS31 } from '@secvisogram/csaf-validator-lib/lib/shared/first/cvsscalc31.js';
export { csaf_2_0 } from '@secvisogram/csaf-validator-lib/schemaTests.js';
export { default as validate } from '@secvisogram/csaf-validator-lib/validate.js';
export { mandatoryTests };
