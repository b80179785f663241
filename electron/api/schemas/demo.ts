import { z } from 'zod';

/** Which database the app uses after "Explore the demo hospital" or "Leave the demo". */
export const databaseSwitch = z.object({
  databasePath: z.string(),
  /** The database is the generated demo hospital (it carries the demo mark), not real data. */
  demo: z.boolean(),
});
export type DatabaseSwitch = z.infer<typeof databaseSwitch>;
