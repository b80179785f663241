/**
 * The domain's words, explained in a sentence or two where they appear (renderer/components/Term.tsx). Written for a
 * clinical engineer who knows the devices but not necessarily the security vocabulary.
 */
export const GLOSSARY = {
  exposure: {
    word: 'Exposure',
    text: 'An exposed device is affected by an advisory and still reachable on the hospital network: not isolated, not patched and no risk accepted. The planner isolates the most exposed devices first; a plan’s exposure adds up CVSS × days until each device is isolated.',
  },
  isolation: {
    word: 'Isolation',
    text: 'Taking a device off the general network, into a dedicated segment or stand-alone, so that its vulnerable services cannot be reached until the vendor’s patch is installed. It is the first task for every affected device, done by the network team inside a maintenance slot.',
  },
  'maintenance-slot': {
    word: 'Maintenance slot',
    text: 'A weekly time when a department can give a device up, for example Tue 18:00–22:00, in the site’s local time. Isolation, patch, quality control and reconnection are only planned inside these slots.',
  },
  csaf: {
    word: 'CSAF',
    text: 'Common Security Advisory Framework 2.0: the JSON format in which CISA and vendors publish security advisories, with the affected products, the CVEs, their CVSS scores and the remediations. Isopatch checks a file against the standard, offline, before importing it.',
  },
} as const;

export type TermId = keyof typeof GLOSSARY;
