// Tests of the CLI and the preload run the bundles a user runs, so bundle them once before the suite.
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleElectron } from '../tools/bundle-electron.mjs';

export default async function setup() {
  await bundleElectron();
}
