import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { icsFile } from '../api/schemas/planning';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

type IcsFile = z.infer<typeof icsFile>;

export const exportIcsCommand: Command = {
  summary: 'write the planned windows as an iCalendar file (all departments or one)',
  usage: 'isopatch export-ics [--department NAME] --out FILE [--json]',
  options: { department: { type: 'string' }, out: { type: 'string' } },
  async run({ router, positionals, values, json }) {
    if (positionals.length > 0)
      throw new CliError('export-ics takes no arguments; give the file with --out FILE.');
    const out = values.out;
    if (typeof out !== 'string' || out.trim() === '') throw new CliError('export-ics needs --out FILE.');
    const calendar = await call<IcsFile>(router, 'exportIcs', {
      ...(typeof values.department === 'string' && { department: values.department }),
    });
    try {
      writeFileSync(out, calendar.content, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
      throw new CliError(`The file ${out} cannot be written${reason}.`);
    }
    console.log(
      json
        ? JSON.stringify(
            { file: out, events: calendar.events, cancellations: calendar.cancellations },
            null,
            2,
          )
        : `Wrote ${calendar.events} windows to ${out}${calendar.cancellations > 0 ? `, and ${calendar.cancellations} cancelled since` : ''}.`,
    );
    return EXIT.done;
  },
};
