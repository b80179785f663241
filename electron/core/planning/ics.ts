import { DateTime } from 'luxon';
import type { CoreContext } from '../context';
import { databaseInstanceId } from '../db/instance-id';
import { AppError } from '../errors';
import { getSettings } from '../settings/settings';
import { calendarOf, inCalendar } from './calendar-file';
import { listWindows } from './windows';
import { withdrawnWindows } from './withdrawn-windows';

/** The department as stored, found whatever its case; undefined for "all". */
function departmentNamed(ctx: CoreContext, name: string | undefined): string | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  const wanted = name.trim().toLocaleLowerCase();
  // In JavaScript rather than with COLLATE NOCASE, which folds only ASCII letters (Ä and ä would differ).
  const names = ctx.db
    .prepare('SELECT DISTINCT name FROM department ORDER BY name')
    .pluck()
    .all() as string[];
  const found = names.find((n) => n.toLocaleLowerCase() === wanted);
  if (found === undefined) throw new AppError('NOT_FOUND', `No department is called "${name.trim()}".`);
  return found;
}

/** "Nuclear Medicine" -> "nuclear-medicine", "Röntgen" -> "rontgen": safe in a file name on every system. */
const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'department';

/**
 * Planned windows of one department or of all, as an iCalendar file to import into a calendar program; windows
 * that left the plan lately come as cancelled events, so the program takes out what it imported before.
 */
export function exportIcs(
  ctx: CoreContext,
  input: { department?: string | undefined },
): { fileName: string; content: string; events: number; cancellations: number } {
  const department = departmentNamed(ctx, input.department);
  const { windows } = listWindows(ctx, department === undefined ? {} : { department });
  const events = windows.filter(inCalendar).length;
  const withdrawn = withdrawnWindows(ctx, department);
  if (events === 0 && withdrawn.length === 0) {
    // RFC 5545 wants at least one event in a calendar; a file without any would be refused by strict programs.
    throw new AppError(
      'NOT_FOUND',
      `There are no planned windows${department === undefined ? '' : ` in ${department}`} to export; plan them first.`,
    );
  }
  const settings = getSettings(ctx);
  const generatedAt = ctx.now();
  const organization = settings.organizationName.trim();
  const scope = department ?? 'all departments';
  const content = calendarOf(
    windows,
    {
      organization,
      instanceId: databaseInstanceId(ctx),
      generatedAt,
      title: `${organization || 'Isopatch'}: isolation and patch windows, ${scope}`,
    },
    withdrawn,
  );
  // The date a person sees on the site's calendar, not the UTC date.
  const zone = DateTime.fromJSDate(generatedAt, { zone: settings.siteTimeZone });
  const date = (zone.isValid ? zone : DateTime.fromJSDate(generatedAt, { zone: 'UTC' })).toISODate();
  return {
    fileName: `isopatch-windows-${department === undefined ? 'all' : slugOf(department)}-${date}.ics`,
    content,
    events,
    cancellations: withdrawn.length,
  };
}
