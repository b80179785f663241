/** The Windows generation an inventory's OS string names ("Win7 SP1", "Microsoft Windows 7 Embedded" -> Windows 7). */
export function osGeneration(os: string | null): string | null {
  if (!os) return null;
  const text = os.toLowerCase();
  if (/\bxp\b|windows\s*xp|winxp/.test(text)) return 'Windows XP';
  if (/(windows|win)\s*7\b/.test(text)) return 'Windows 7';
  if (/(windows|win)\s*10\b/.test(text)) return 'Windows 10';
  if (/(windows|win)\s*11\b/.test(text)) return 'Windows 11';
  if (/windows/.test(text)) return 'Windows (other)';
  return 'not Windows';
}
