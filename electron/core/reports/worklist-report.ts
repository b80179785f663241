import type { ReportInput } from '../../api/schemas/reports';
import type { TaskKind } from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { conflictsByWindow } from '../planning/windows';
import { type Column, NOTE_PREFIX, type ReportDocument, type Section, WARNING_MARK } from './model';
import { addDays, fileStemOf, resolveScope } from './scope';
import { TASK_LABEL, type WindowLine, windowsBetween } from './windows-query';

/** Without dates, a worklist covers two weeks from today. */
export const WORKLIST_DAYS = 14;

/** What the engineer ticks for each task: the advisory's advice made into steps. */
const CHECKS: Record<TaskKind, readonly string[]> = {
  isolation: [
    'Moved to the dedicated segment (VLAN) or disconnected',
    'DICOM to PACS and the worklist still work',
    'Remote access only through the VPN',
  ],
  patch: ['Vendor update installed (note its id)', 'Software version noted', 'Backup taken before'],
  qc: ['Quality control passed (e.g. uniformity)', 'Released for clinical use'],
  reconnection: ['Reconnected to the clinical network', 'Firewall rules for its ports checked'],
};

export const SIGN_OFF_ROLES = ['Biomed engineer', 'Department lead', 'Network team'] as const;

const COLUMNS: readonly Column[] = [
  // The window's number, as `isopatch task done ID` and the schedule know it: paper matched back to the plan.
  { label: 'Window', type: 'text', width: 'narrow' },
  { label: 'Planned start', type: 'datetime' },
  { label: 'Planned end', type: 'datetime' },
  { label: 'Device', type: 'text' },
  { label: 'Location', type: 'text' },
  { label: 'Task and checks', type: 'checklist', width: 'wide' },
  { label: 'Team', type: 'text' },
  { label: 'Done', type: 'tick', width: 'narrow' },
  { label: 'Actual start', type: 'blank' },
  { label: 'Actual end', type: 'blank' },
  { label: 'Notes', type: 'blank', width: 'wide' },
];

const row = (w: WindowLine, conflicts: readonly string[]) => [
  String(w.id),
  w.start,
  w.end,
  [w.assetTag, [w.model, w.modality].filter(Boolean).join(', ')].filter(Boolean),
  w.location,
  [
    `${TASK_LABEL[w.kind]}${w.status === 'in-progress' ? ' (in progress)' : ''}`,
    ...CHECKS[w.kind],
    ...(w.notes ? [`${NOTE_PREFIX}${w.notes}`] : []),
    // On paper too: whoever takes the list along sees that the window breaks a rule before going. A warning,
    // not a check: there is nothing to tick, it is to be resolved.
    ...conflicts.map((c) => `${WARNING_MARK}Conflict: ${c}`),
  ],
  w.team,
  null,
  null,
  null,
  null,
];

/** The work of each department in a date range, to take along, tick, fill in by hand and sign. */
export function worklistReport(ctx: CoreContext, input: ReportInput): ReportDocument {
  const scope = resolveScope(ctx, input);
  const from = scope.from ?? scope.today;
  const to = scope.to ?? addDays(from, WORKLIST_DAYS - 1);
  const windows = windowsBetween(ctx, scope, from, to).filter((w) => w.status !== 'done');
  const conflicts = conflictsByWindow(ctx);
  const byDepartment = new Map<string, WindowLine[]>(scope.departmentNames.map((name) => [name, []]));
  for (const w of windows) {
    const name = w.department || '(no department)';
    byDepartment.set(name, [...(byDepartment.get(name) ?? []), w]);
  }
  if (byDepartment.size === 0) byDepartment.set('All departments', []);
  const sections: Section[] = [...byDepartment.entries()].flatMap(([department, list], index) => [
    {
      kind: 'table' as const,
      title: `Worklist: ${department}`,
      sheet: department,
      columns: COLUMNS,
      rows: list.map((w) => row(w, conflicts.get(w.id) ?? [])),
      empty: `No window is planned for ${department} from ${from} to ${to}.`,
      pageBreakBefore: index > 0,
      runningLabel: `${department} · worklist ${from} to ${to}`,
    },
    { kind: 'sign-off' as const, title: `Sign-off: ${department}`, roles: SIGN_OFF_ROLES },
  ]);
  const title =
    scope.departmentNames.length === 1 ? `Worklist ${scope.departmentNames[0] as string}` : 'Worklist';
  return {
    report: 'worklist',
    title,
    fileStem: fileStemOf(title, scope.today),
    header: scope.header(`windows ${from} to ${to}`),
    defaultOrientation: 'landscape',
    sections,
  };
}
