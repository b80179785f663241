/**
 * Versions as vendors write them. Siemens software levels ("VA60A", "VB22A-UD03", "VA30 SP5", "VB40B HF06",
 * "V18 Update 3") compare by their own scheme; everything else as dotted numbers ("2.3.5", "12.2.8.410", "HD23").
 * A version neither scheme reads yields null, and the caller treats the match as needing review.
 */
type Key = (number | string)[];

const SIEMENS = /^V([A-Z])?(\d+)([A-Z])?((?:[\s-]*(?:UD|SP|HF|UPDATE)\s*\d+)*)$/i;

function siemensKey(version: string): Key | null {
  const match = SIEMENS.exec(version.trim().replace(/\s+/g, ' '));
  if (!match) return null;
  const [, line = '', number = '0', sub = '', suffixes = ''] = match;
  const extra = [...suffixes.matchAll(/(UD|SP|HF|UPDATE)\s*(\d+)/gi)].flatMap((m) => [
    // An update (UD/Update) or service pack outranks a hotfix of the same level.
    { HF: 1, SP: 2, UD: 3, UPDATE: 3 }[(m[1] ?? '').toUpperCase() as 'HF'] ?? 0,
    Number(m[2]),
  ]);
  return [
    line.toUpperCase().charCodeAt(0) || 0,
    Number(number),
    sub.toUpperCase().charCodeAt(0) || 0,
    ...extra,
  ];
}

function dottedKey(version: string): Key | null {
  const text = version.trim().replace(/^v(?=\d)/i, '');
  if (!/^[A-Za-z]*\s*\d[\w.-]*$/.test(text)) return null;
  return text
    .split(/[.\s_-]+/)
    .flatMap((part) => part.match(/\d+|[A-Za-z]+/g) ?? [])
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.toLowerCase()));
}

export function versionKey(version: string): Key | null {
  return siemensKey(version) ?? dottedKey(version);
}

/** Negative, zero or positive as a is older, the same or newer than b; null when either cannot be read. */
export function compareVersions(a: string, b: string): number | null {
  const siemens = [siemensKey(a), siemensKey(b)];
  const [x, y] = siemens[0] && siemens[1] ? siemens : [dottedKey(a), dottedKey(b)];
  if (!x || !y) return null;
  // Versions of different shapes ("4.1.6" against "1.003") come from different numbering schemes: the order
  // between them says nothing, so it is unknown rather than a reason to call a device unaffected.
  if (!siemens[0] && x.length !== y.length) return null;
  // Likewise a number where the other has a word ("2.0.1" against "VB22A"): no order between them.
  if (!siemens[0] && x.some((part, i) => typeof part !== typeof y[i])) return null;
  return compareKeys(x, y);
}

/** Part by part: numbers as numbers, words as text, a missing part as 0. */
export function compareKeys(x: readonly (number | string)[], y: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? 0, y[i] ?? 0];
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}
