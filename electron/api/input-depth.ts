/**
 * How deeply an operation's input may nest. The deepest real input (a site model's maintenance slot) is 6 levels;
 * past this an input is refused before validation, so no recursive code (validation, cloning, logging) sees it.
 */
export const MAX_INPUT_DEPTH = 32;

export const TOO_DEEP_MESSAGE = `The input is nested more than ${MAX_INPUT_DEPTH} levels deep; no Isopatch file or form is.`;

/** Whether a JSON-like value nests deeper than `limit`; walks without recursion, so any depth is safe to check. */
export function nestsDeeperThan(value: unknown, limit = MAX_INPUT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
