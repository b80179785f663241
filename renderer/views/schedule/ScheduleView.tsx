import { useEffect, useId, useMemo, useState } from 'react';
import type { SiteModel } from '../../../electron/api/schemas/site-model';
import { call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { counted } from '../../labels';
import { useLiveQuery } from '../../live-query';
import { saveFile } from '../../save-file';
import { todayIn } from '../../site-time';
import { hrefOf } from '../../stores/navigation';
import { useScheduleStore } from '../../stores/schedule';
import '../../styles/schedule.css';
import { ConflictsList } from './ConflictsList';
import { PlanPanel } from './PlanPanel';
import { Timeline } from './Timeline';
import { dateOfIso, nextDay, slotSpans, visibleRange } from './time';
import { useMarkDoneShortcut } from './useMarkDoneShortcut';
import { WindowForm } from './WindowForm';

export function ScheduleView() {
  const site = useLiveQuery(() => call('getSiteModel', {}), ['settings', 'planning'], 'schedule-site-model');
  return (
    <>
      <h1>Schedule</h1>
      <p className="view-intro">
        Each affected device is isolated first, inside its department's maintenance slots, and patched later
        once the vendor's patch is available, followed by quality control and reconnection. Times are the
        site's local time.
      </p>
      {site.problem && <p className="problem">{site.problem}</p>}
      {site.value ? (
        <Schedule model={site.value} />
      ) : (
        !site.problem && <p className="loading">Loading the plan…</p>
      )}
    </>
  );
}

function Schedule({ model }: { model: SiteModel }) {
  const zone = model.sites[0]?.timeZone ?? 'UTC';
  const scale = useScheduleStore((state) => state.scale);
  const anchor = useScheduleStore((state) => state.anchor);
  const department = useScheduleStore((state) => state.department);
  const overrides = useScheduleStore((state) => state.overrides);
  const form = useScheduleStore((state) => state.form);
  const { setDepartment, openForm, goTo, reconcile } = useScheduleStore.getState();
  const [exported, setExported] = useState<{ text: string; problem: boolean } | null>(null);
  const departmentId = useId();

  const range = visibleRange(scale, anchor ?? todayIn(zone), zone);
  const key = `${zone}|${range.from}|${range.to}|${department}`;
  const status = useLiveQuery(() => call('getStatus', {}), ['planning', 'devices'], 'schedule-status');
  const list = useLiveQuery(
    async () => {
      const result = await call('listWindows', {
        from: range.from,
        to: range.to,
        ...(department && { department }),
      });
      return result.ok ? { ...result, value: { ...result.value, key } } : result;
    },
    ['planning', 'devices'],
    key,
  );
  useEffect(() => {
    if (list.value) reconcile(list.value.windows);
  }, [list.value, reconcile]);

  const windows = useMemo(
    () => (list.value?.windows ?? []).map((w) => (w.id !== null && overrides.get(w.id)) || w),
    [list.value, overrides],
  );
  useMarkDoneShortcut(windows);

  const departments = useMemo(
    () =>
      model.sites.flatMap((s) =>
        s.departments.map((d) => ({
          site: s.name,
          zone: s.timeZone,
          name: d.name,
          slots: d.maintenanceSlots,
        })),
      ),
    [model],
  );
  const departmentNames = [...new Set(departments.map((d) => d.name))].sort((a, b) => a.localeCompare(b));
  const slotsOf = (siteName: string, name: string) => {
    const found = departments.find(
      (d) => d.site.toLowerCase() === siteName.toLowerCase() && d.name.toLowerCase() === name.toLowerCase(),
    );
    return found ? slotSpans(found.slots, found.zone, range) : [];
  };
  const zoneOf = (name: string | null) =>
    departments.find((d) => name !== null && d.name.toLowerCase() === name.toLowerCase())?.zone ?? zone;

  async function exportCalendar() {
    setExported(null);
    const result = await call('exportIcs', department ? { department } : {});
    if (!result.ok) {
      setExported({ text: result.error.message, problem: true });
      return;
    }
    saveFile(result.value.fileName, result.value.content, 'text/calendar;charset=utf-8');
    setExported({
      text: `Saved ${result.value.fileName} with ${counted(result.value.events, 'window')}${
        result.value.cancellations > 0
          ? `, and ${counted(result.value.cancellations, 'cancellation')} for windows that left the plan`
          : ''
      }.`,
      problem: false,
    });
  }

  async function findNext() {
    const result = await call('listWindows', {
      from: nextDay(range.to, zone),
      ...(department && { department }),
    });
    const first = result.ok ? result.value.windows[0] : undefined;
    if (first) goTo(dateOfIso(first.start, first.timeZone));
    else useScheduleStore.getState().say(`Nothing is planned after ${range.to}.`);
  }

  const planned = status.value ? (status.value.counts.planned_window ?? 0) : null;
  return (
    <>
      <div className="schedule-toolbar">
        <div className="field field-inline">
          <label htmlFor={departmentId}>Department</label>
          <select
            id={departmentId}
            value={department}
            onChange={(event) => setDepartment(event.target.value)}
          >
            <option value="">All departments</option>
            {departmentNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        <button type="button" className="button-quiet" onClick={() => openForm({ mode: 'create' })}>
          New window…
        </button>
        <button type="button" className="button-quiet" onClick={() => void exportCalendar()}>
          Export calendar
        </button>
        <span className="field-help">
          {department ? `${department} only` : 'All departments'}, as an .ics file for Outlook or Thunderbird
        </span>
        <p role="status" className={exported?.problem ? 'problem export-status' : 'export-status'}>
          {exported?.text}
        </p>
      </div>
      <PlanPanel zone={zone} />
      {planned === 0 ? (
        <EmptyState title="Nothing planned yet">
          <ol>
            <li>
              Give each department its weekly maintenance slots and name the teams (network, vendor field
              service, biomed) with their working hours in{' '}
              <a href={hrefOf('settings', 'planning')}>Settings &gt; Planning</a>.
            </li>
            <li>
              Choose <strong>Preview plan</strong> above to see the isolation windows the planner proposes,
              then <strong>Apply plan</strong>. The windows then appear here on a timeline, where you can move
              them.
            </li>
          </ol>
          <p>Devices become plannable once they are matched to an advisory (Devices and Advisories).</p>
        </EmptyState>
      ) : (
        list.value && (
          <>
            <Timeline
              windows={windows}
              dataKey={list.value.key}
              range={range}
              scale={scale}
              zone={zone}
              slotsOf={slotsOf}
              onFindNext={() => void findNext()}
            />
            <ConflictsList
              windows={windows}
              conflictCount={list.value.conflictCount}
              department={department}
            />
          </>
        )
      )}
      {list.problem && <p className="problem">{list.problem}</p>}
      {form && (
        <WindowForm form={form} windows={windows} teams={model.teams.map((t) => t.name)} zoneOf={zoneOf} />
      )}
    </>
  );
}
