import { compareVersions } from './compare';

export type VersionRange =
  | { readonly kind: 'all' }
  | { readonly kind: 'constraints'; readonly constraints: readonly { op: Op; version: string }[] }
  | { readonly kind: 'any-of'; readonly versions: readonly string[] }
  | { readonly kind: 'unreadable'; readonly text: string };
type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';

const OPERATOR = /^(<=|>=|!=|<|>|=)?\s*(.+)$/;

/**
 * Reads the ways advisories write affected versions: `vers:all/*`, `vers:generic/>=1.0|<2.0`, `<=2.3.5`, `< 1.003`,
 * `>=1.0 <2.0`, `5.x.x`, `HD 16 | HD23`, "All versions < V18 Update 3", "All versions".
 */
export function parseRange(text: string): VersionRange {
  const clean = text.replace(/\u00a0/g, ' ').trim();
  if (/^vers:[a-z]+\/\*$/i.test(clean) || /^all versions$/i.test(clean) || clean === '*')
    return { kind: 'all' };
  const vers = /^vers:[a-z]+\/(.+)$/i.exec(clean);
  if (vers?.[1]) return constraintsOf(vers[1].split('|'), clean);
  const allVersions = /^all versions\s+(.+)$/i.exec(clean);
  if (allVersions?.[1]) return constraintsOf([allVersions[1]], clean);
  if (/[<>]/.test(clean)) return constraintsOf(clean.split(/\s*(?:,|&|\band\b|\s(?=[<>]))\s*/i), clean);
  if (clean.includes('|'))
    return {
      kind: 'any-of',
      versions: clean
        .split('|')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  if (/[xX*]/.test(clean) && /^[\dxX*.]+$/.test(clean)) {
    // "5.x.x" is >= 5.0.0 and < 6.0.0: bounds with as many parts as the pattern, so they compare.
    const parts = clean.split('.');
    const fixed = parts.filter((part) => !/^[xX*]$/.test(part));
    const zeros = parts.slice(fixed.length).map(() => '0');
    const upper = [...fixed.slice(0, -1), String(Number(fixed.at(-1) ?? 0) + 1)];
    return {
      kind: 'constraints',
      constraints: [
        { op: '>=', version: [...fixed, ...zeros].join('.') },
        { op: '<', version: [...upper, ...zeros].join('.') },
      ],
    };
  }
  return { kind: 'any-of', versions: [clean] };
}

function constraintsOf(parts: string[], text: string): VersionRange {
  const constraints: { op: Op; version: string }[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const match = OPERATOR.exec(part);
    if (!match?.[2]) return { kind: 'unreadable', text };
    constraints.push({ op: (match[1] as Op | undefined) ?? '=', version: match[2].trim() });
  }
  return constraints.length > 0 ? { kind: 'constraints', constraints } : { kind: 'unreadable', text };
}

/** true or false when the version is (not) in the range; null when it cannot be told: a person must look. */
export function inRange(version: string, range: VersionRange): boolean | null {
  if (range.kind === 'all') return true;
  if (range.kind === 'unreadable') return null;
  if (range.kind === 'any-of') {
    const results = range.versions.map((v) => compareVersions(version, v));
    if (results.some((r) => r === 0)) return true;
    return results.every((r) => r !== null) ? false : null;
  }
  for (const { op, version: bound } of range.constraints) {
    const order = compareVersions(version, bound);
    if (order === null) return null;
    const ok =
      op === '<'
        ? order < 0
        : op === '<='
          ? order <= 0
          : op === '>'
            ? order > 0
            : op === '>='
              ? order >= 0
              : op === '='
                ? order === 0
                : order !== 0;
    if (!ok) return false;
  }
  return true;
}
