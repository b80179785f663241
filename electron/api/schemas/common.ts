import { IANAZone } from 'luxon';
import { z } from 'zod';

/** No fields: operations that take nothing still reject unexpected input. */
export const noInput = z.object({}).strict();

/** An IANA zone such as Europe/Berlin, stored in its canonical spelling. */
export const timeZone = z
  .string()
  .trim()
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA time zone such as Europe/Berlin' })
  .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);

/** Text a person typed: trimmed, non-breaking spaces made plain, bounded. */
export const plainText = (max: number) =>
  z
    .string()
    .transform((text) => text.replace(/\u00a0/g, ' ').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
