/**
 * A CVSS base score with its qualitative rating (FIRST, CVSS v3 section 5): "Critical 9.8". The rating is written
 * out and shown as 1-4 filled bars, so it never depends on colour.
 */
const RATINGS = [
  { min: 9, word: 'Critical', bars: 4 },
  { min: 7, word: 'High', bars: 3 },
  { min: 4, word: 'Medium', bars: 2 },
  { min: 0.1, word: 'Low', bars: 1 },
  { min: 0, word: 'None', bars: 0 },
] as const;

export const severityOf = (score: number) =>
  RATINGS.find((rating) => score >= rating.min) ?? (RATINGS.at(-1) as (typeof RATINGS)[number]);

export function SeverityBadge({ score }: { score: number | null }) {
  if (score === null) return <span className="status-badge tone-neutral">Not scored</span>;
  const { word, bars } = severityOf(score);
  return (
    <span
      className={`status-badge severity-${word.toLowerCase()}`}
      title={`CVSS base score ${score.toFixed(1)}: ${word.toLowerCase()}`}
      data-severity={word.toLowerCase()}
    >
      <svg className="badge-shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {[0, 1, 2, 3].map((bar) => (
          <rect
            key={bar}
            x={1 + bar * 3.7}
            y={11 - bar * 3}
            width="2.6"
            height={4 + bar * 3}
            rx="0.5"
            fill={bar < bars ? 'currentColor' : 'none'}
            stroke="currentColor"
            strokeWidth="1"
          />
        ))}
      </svg>
      <span className="badge-words">
        {word} {score.toFixed(1)}
      </span>
    </span>
  );
}
