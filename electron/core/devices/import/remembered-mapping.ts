import { createHash } from 'node:crypto';
import type { ColumnMapping } from '../../../api/schemas/device-import';
import type { CoreContext } from '../../context';
import { mappingConflict } from './interpret';

/** Files with the same header get the mapping that was last committed for it. */
const keyFor = (headers: readonly string[]) =>
  `import.mapping.${createHash('sha256')
    .update(headers.map((h) => h.trim().toLowerCase()).join('\u0001'))
    .digest('hex')
    .slice(0, 24)}`;

export function rememberedMapping(ctx: CoreContext, headers: readonly string[]): ColumnMapping | undefined {
  const json = ctx.db.prepare('SELECT value FROM app_state WHERE key = ?').pluck().get(keyFor(headers)) as
    | string
    | undefined;
  const mapping = json ? (JSON.parse(json) as ColumnMapping) : undefined;
  // Mappings of two columns to one field were remembered before they were refused; they are not offered.
  return mapping && mappingConflict(mapping) === null ? mapping : undefined;
}

export function rememberMapping(ctx: CoreContext, headers: readonly string[], mapping: ColumnMapping): void {
  ctx.db
    .prepare(
      'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(keyFor(headers), JSON.stringify(mapping));
}
