import type { ColumnMapping } from '../../electron/api/schemas/device-import';

/** Names up to ten columns, quoted, for a sentence. */
function columnList(headers: readonly string[]): string {
  const named = headers.slice(0, 10).map((header) => `"${header}"`);
  return headers.length > 10 ? `${named.join(', ')} and ${headers.length - 10} more` : named.join(', ');
}

/**
 * What applying a template to a file with these columns does, in one sentence: how many of its columns the file
 * has and which it has not; refused when the file has none of them.
 */
export function templateFit(
  name: string,
  mapping: ColumnMapping,
  headers: readonly string[],
): { readonly applies: boolean; readonly message: string } {
  const columns = Object.keys(mapping);
  const present = columns.filter((column) => headers.includes(column));
  const missing = columns.filter((column) => !headers.includes(column));
  const its = columns.length === 1 ? 'its 1 column' : `its ${columns.length} columns`;
  if (present.length === 0) {
    return {
      applies: false,
      message: `"${name}" was not applied: none of ${its} ${columns.length === 1 ? 'is' : 'are'} in this file${
        columns.length > 0 ? ` (${columnList(columns)})` : ''
      }.`,
    };
  }
  if (missing.length === 0) {
    return {
      applies: true,
      message: `Applied "${name}": ${columns.length === 1 ? 'its 1 column is' : `all ${columns.length} of its columns are`} in this file.`,
    };
  }
  return {
    applies: true,
    message: `Applied "${name}": ${present.length} of ${its} ${present.length === 1 ? 'is' : 'are'} in this file; ${missing.length} ${
      missing.length === 1 ? 'is' : 'are'
    } not: ${columnList(missing)}.`,
  };
}
