import { z } from 'zod';
import { plainText, timeZone } from './common';

export const settings = z.object({
  /** Empty until someone sets it on first use. */
  organizationName: z.string(),
  siteName: z.string(),
  siteTimeZone: z.string(),
});
export type Settings = z.infer<typeof settings>;

export const updateSettingsInput = z
  .object({
    organizationName: plainText(200),
    siteTimeZone: timeZone,
  })
  .strict();
export type UpdateSettingsInput = z.output<typeof updateSettingsInput>;
