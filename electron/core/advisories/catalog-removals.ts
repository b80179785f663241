import type { CoreContext } from '../context';

/**
 * Whether a person removed an entry, so that a newer bundled catalog does not bring it back: the audit trail
 * already keeps every removal, and the last word about an entry is its latest entry there. An entry added again by
 * hand after its removal is in the table, and the catalog's insert leaves it be.
 */
export function removedByPerson(
  ctx: CoreContext,
  entity: 'vendor_alias' | 'model_alias',
): (entityId: string) => boolean {
  const latest = ctx.db
    .prepare(
      'SELECT action FROM audit_log WHERE entity = ? AND entity_id = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1',
    )
    .pluck();
  return (entityId) => latest.get(entity, entityId) === 'delete';
}
