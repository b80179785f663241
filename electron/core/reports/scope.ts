import { DateTime } from 'luxon';
import type { ReportInput } from '../../api/schemas/reports';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { mainZone } from '../planning/load-planning';
import type { ReportHeader } from './model';

/**
 * What a report covers, resolved against the database: the site and departments by name (an unknown name is
 * refused, never silently dropped), the site's time zone, today there, and the dates asked for.
 */
export interface ReportScope {
  readonly zone: string;
  readonly nowMs: number;
  /** Today, local to the site. */
  readonly today: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** The departments the report covers; null for every device (also those without a department). */
  readonly departmentIds: readonly number[] | null;
  /** `d.department_id IN (...)` for a device table aliased `d`, with its one parameter. */
  readonly deviceFilter: { readonly sql: string; readonly params: readonly unknown[] };
  readonly departmentNames: readonly string[];
  /** Header lines every report shares; each report adds what its dates mean. */
  header(dates: string): ReportHeader;
}

interface DepartmentRow {
  id: number;
  name: string;
  site: string;
}

export function resolveScope(ctx: CoreContext, input: ReportInput): ReportScope {
  const site = input.site
    ? (ctx.db
        .prepare('SELECT id, name, time_zone AS zone FROM site WHERE name = ? COLLATE NOCASE')
        .get(input.site) as { id: number; name: string; zone: string } | undefined)
    : undefined;
  if (input.site && !site) throw new AppError('NOT_FOUND', `No site is called "${input.site}".`);
  const zone = site?.zone ?? mainZone(ctx);
  const departments = resolveDepartments(ctx, input.departments, site?.id);
  const departmentIds =
    departments.length > 0
      ? departments.map((d) => d.id)
      : site
        ? (ctx.db.prepare('SELECT id FROM department WHERE site_id = ?').pluck().all(site.id) as number[])
        : null;
  const nowMs = ctx.now().getTime();
  const now = DateTime.fromMillis(nowMs, { zone });
  const organization = ctx.db.prepare('SELECT name FROM organization WHERE id = 1').pluck().get() as
    | string
    | undefined;
  const sites = ctx.db.prepare('SELECT name FROM site ORDER BY id').pluck().all() as string[];
  const departmentNames = departments.map((d) => d.name);
  return {
    zone,
    nowMs,
    today: now.toISODate() as string,
    from: input.from,
    to: input.to,
    departmentIds,
    departmentNames,
    deviceFilter:
      departmentIds === null
        ? { sql: '1 = 1', params: [] }
        : {
            sql: 'd.department_id IN (SELECT value FROM json_each(?))',
            params: [JSON.stringify(departmentIds)],
          },
    header: (dates) => ({
      organization: organization || 'Organization not set',
      site: site?.name ?? (sites.length === 1 ? (sites[0] as string) : 'All sites'),
      generatedAt: now.toFormat('yyyy-MM-dd HH:mm'),
      timeZone: zone,
      author: ctx.osUser,
      filter: [
        ['Site', site?.name ?? 'all sites'],
        ['Departments', departmentNames.length > 0 ? departmentNames.join(', ') : 'all departments'],
        ['Dates', dates],
      ],
    }),
  };
}

function resolveDepartments(ctx: CoreContext, names: readonly string[], siteId: number | undefined) {
  const find = ctx.db.prepare(
    `SELECT dep.id, dep.name, s.name AS site FROM department dep JOIN site s ON s.id = dep.site_id
     WHERE dep.name = ? COLLATE NOCASE AND (? IS NULL OR dep.site_id = ?) ORDER BY dep.id`,
  );
  const found = new Map<number, DepartmentRow>();
  for (const name of names) {
    const rows = find.all(name, siteId ?? null, siteId ?? null) as DepartmentRow[];
    if (rows.length === 0) {
      throw new AppError(
        'NOT_FOUND',
        `No department is called "${name}"${siteId === undefined ? '' : ' at that site'}.`,
      );
    }
    // A name several sites use means each of them, unless a site is chosen.
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Local date arithmetic in the site's zone. */
export const addDays = (date: string, days: number) =>
  DateTime.fromISO(date).plus({ days }).toISODate() as string;

/** The instant a local day starts, as the ISO text the database stores. */
export const dayStartIso = (date: string, zone: string) =>
  DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO() as string;

/** 'YYYY-MM-DD HH:mm' in the site's zone, from a stored instant. */
export const localDateTime = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');

/** 'status report' -> 'status-report-2026-11-29'. */
export const fileStemOf = (name: string, date: string) =>
  `${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}-${date}`;
