import { compareKeys } from './versions/compare';

/** "Siemens SPECT/CT Systems Windows 7-Based" -> family "SPECT/CT Systems", OS "Windows 7". */
export function splitFamilyAndOs(
  productName: string,
  vendor: string | null,
): { family: string; os: string | null } {
  let name = productName.replace(/\u00a0/g, ' ').trim();
  const vendorWord = vendor?.split(/[\s,]/)[0];
  if (vendorWord && name.toLowerCase().startsWith(`${vendorWord.toLowerCase()} `))
    name = name.slice(vendorWord.length + 1);
  const os = /\s+(Windows\s+(?:XP|7|10|11))(?:[-\s]+based)?$/i.exec(name);
  if (!os?.[1]) return { family: name, os: null };
  return {
    family: name.slice(0, os.index).trim(),
    os: os[1].replace(/\s+/g, ' ').replace(/^windows/i, 'Windows'),
  };
}

/**
 * The name of the product family an advisory product stands for when the catalog has none: the product as the
 * advisory names it, without vendor, OS and version range ("Discovery NM750b < 2.003" -> "Discovery NM750b").
 * A person's confirmation creates the family under this name, and a later import links products named so to it.
 */
export function familyNameOfProduct(
  productName: string,
  versionRange: string | null,
  vendor: string | null,
): string {
  const name = productName.replace(/\u00a0/g, ' ').trim();
  const withoutRange =
    versionRange && name.endsWith(` ${versionRange}`) ? name.slice(0, -versionRange.length - 1) : name;
  return splitFamilyAndOs(withoutRange, vendor).family;
}

/** CSAF tracking versions are whole numbers or semantic versions: compare part by part as numbers. */
export function compareTrackingVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return compareKeys(parts(a), parts(b));
}
