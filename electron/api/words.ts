/** "1 device", "12,000 devices": a count with its noun, for the app and the CLI alike. */
export const counted = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
