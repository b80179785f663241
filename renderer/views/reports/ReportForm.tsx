import { useId, useRef } from 'react';
import type { Orientation, PaperSize, ReportKind } from '../../../electron/api/schemas/reports';
import type { SiteModel } from '../../../electron/api/schemas/site-model';
import { usePopoverDismiss } from '../../components/use-popover-dismiss';
import { type ReportParams, useReportsStore } from '../../stores/reports';

export const REPORTS: readonly { id: ReportKind; label: string; help: string; dates: string }[] = [
  {
    id: 'status',
    label: 'Status report',
    help: 'For department heads, the CISO, the risk committee and regulators.',
    dates: 'The dates limit the burn-down (default: since the first device became affected).',
  },
  {
    id: 'worklist',
    label: 'Department worklist',
    help: 'For the engineer doing the work: tick the checks, write the times, sign.',
    dates: 'The dates choose the windows (default: today and the next 13 days).',
  },
  {
    id: 'devices',
    label: 'Device register',
    help: 'Every device with its fields, matches, state and windows.',
    dates: 'The dates limit the windows listed (default: all).',
  },
  {
    id: 'audit',
    label: 'Audit trail',
    help: 'Every recorded change: who, when, what it was and became.',
    dates: 'The dates choose the changes (default: the last 30 days).',
  },
];

/** What is wrong with the dates, in a sentence, or null: the report is not asked for with From after To. */
export const datesProblem = (params: Pick<ReportParams, 'from' | 'to'>): string | null =>
  params.from && params.to && params.from > params.to ? 'The From date must not be after the To date.' : null;

/** Which report, for which site, departments and dates, on which paper: one row above the preview. */
export function ReportForm({ sites }: { sites: SiteModel['sites'] }) {
  const params = useReportsStore((state) => state.params);
  const set = useReportsStore((state) => state.set);
  const departmentsPopover = useRef<HTMLDetailsElement>(null);
  usePopoverDismiss(departmentsPopover);
  const ids = {
    report: useId(),
    site: useId(),
    from: useId(),
    to: useId(),
    help: useId(),
    dates: useId(),
  };
  const wrongDates = datesProblem(params);
  const site = sites.find((s) => s.name === params.site);
  const departments = [
    ...new Set((site ? [site] : sites).flatMap((s) => s.departments.map((d) => d.name))),
  ].sort((a, b) => a.localeCompare(b));
  const chosen = REPORTS.find((r) => r.id === params.report) ?? REPORTS[0];
  const toggle = (name: string, on: boolean) =>
    set({ departments: on ? [...params.departments, name] : params.departments.filter((d) => d !== name) });
  const departmentSummary =
    params.departments.length === 0
      ? 'All departments'
      : params.departments.length <= 2
        ? params.departments.join(', ')
        : `${params.departments.length} departments`;

  return (
    <form className="report-form" onSubmit={(event) => event.preventDefault()} aria-label="Report parameters">
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor={ids.report}>Report</label>
          <select
            id={ids.report}
            value={params.report}
            aria-describedby={ids.help}
            onChange={(event) => set({ report: event.target.value as ReportKind, orientation: null })}
          >
            {REPORTS.map((report) => (
              <option key={report.id} value={report.id}>
                {report.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor={ids.site}>Site</label>
          <select
            id={ids.site}
            value={params.site}
            onChange={(event) => set({ site: event.target.value, departments: [] })}
          >
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <span className="field-label" aria-hidden="true">
            Departments
          </span>
          <details ref={departmentsPopover} className="column-chooser report-departments">
            <summary>
              <span className="visually-hidden">Departments: </span>
              {departmentSummary}
            </summary>
            <fieldset>
              <legend>Departments (none ticked: all)</legend>
              {departments.length === 0 && <p className="field-help">No departments yet.</p>}
              {departments.map((name) => (
                <label key={name} className="checkbox">
                  <input
                    type="checkbox"
                    checked={params.departments.includes(name)}
                    onChange={(event) => toggle(name, event.target.checked)}
                  />
                  {name}
                </label>
              ))}
            </fieldset>
          </details>
        </div>
        <div className="field field-inline">
          <label htmlFor={ids.from}>From</label>
          <input
            id={ids.from}
            type="date"
            value={params.from}
            aria-describedby={wrongDates ? `${ids.dates} ${ids.help}` : ids.help}
            aria-invalid={wrongDates ? true : undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor={ids.to}>To</label>
          <input
            id={ids.to}
            type="date"
            value={params.to}
            aria-describedby={wrongDates ? `${ids.dates} ${ids.help}` : ids.help}
            aria-invalid={wrongDates ? true : undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
      </div>
      {wrongDates && (
        <p className="problem" id={ids.dates} role="alert">
          {wrongDates} The preview shows the report of the last dates that were in order.
        </p>
      )}
      <p className="field-help" id={ids.help}>
        {chosen?.help} {chosen?.dates}
      </p>
    </form>
  );
}

/** Paper size and orientation; the orientation shown is the report's own until the person picks one. */
export function PaperFields({ orientation }: { orientation: Orientation }) {
  const params = useReportsStore((state) => state.params);
  const set = useReportsStore((state) => state.set);
  const ids = { paper: useId(), orientation: useId() };
  return (
    <>
      <div className="field field-inline">
        <label htmlFor={ids.paper}>Paper</label>
        <select
          id={ids.paper}
          value={params.paper}
          onChange={(e) => set({ paper: e.target.value as PaperSize })}
        >
          <option value="a4">A4</option>
          <option value="letter">US Letter</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={ids.orientation}>Orientation</label>
        <select
          id={ids.orientation}
          value={orientation}
          onChange={(e) => set({ orientation: e.target.value as Orientation })}
        >
          <option value="portrait">Portrait</option>
          <option value="landscape">Landscape</option>
        </select>
      </div>
    </>
  );
}
