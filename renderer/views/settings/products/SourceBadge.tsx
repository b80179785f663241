/** Says in words which entries came with Isopatch, so a person knows what they correct. */
export function SourceBadge({ source }: { source: 'bundled' | 'user' }) {
  return source === 'bundled' ? (
    <span className="badge">bundled</span>
  ) : (
    <span className="badge">added here</span>
  );
}

/** How many devices an entry serves; nothing for none, to keep long lists quiet. */
export const devicesText = (n: number) => (n === 0 ? '' : n === 1 ? '1 device' : `${n} devices`);
