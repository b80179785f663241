import { DateTime } from 'luxon';
import type { Router } from '../api/router';
import { deviceState } from '../api/schemas/devices';
import type { Plan, PlannedWindow } from '../api/schemas/planning';
import type { Settings } from '../api/schemas/settings';
import { counted } from '../api/words';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** "2026-11-28T08:00" without an offset is a time at the main site, as the schedule shows times. */
async function withOffset(router: Router, value: unknown): Promise<string | undefined> {
  if (typeof value !== 'string') return undefined;
  if (!LOCAL_TIME.test(value)) return value;
  const { siteTimeZone } = await call<Settings>(router, 'getSettings', {});
  const time = DateTime.fromISO(value, { zone: siteTimeZone });
  return time.isValid ? (time.toISO() ?? value) : value;
}

/** A window as scripts read it (README, "The command line"). */
const forScripts = (t: PlannedWindow) => ({
  id: t.id,
  assetTag: t.assetTag,
  kind: t.kind,
  start: t.start,
  end: t.end,
  team: t.team,
  department: t.department,
  locked: t.locked,
  status: t.status,
  conflicts: t.conflicts,
});

const line = (t: PlannedWindow) =>
  `${t.id === null ? '' : `#${t.id}  `}${t.start} - ${t.end}  ${t.assetTag}  ${t.kind}  ${t.team ?? 'no team'}  ${t.department}${t.locked ? '  locked' : ''}${t.status === 'done' ? '  done' : ''}`;

export const planCommand: Command = {
  summary: 'auto-plan isolation, patch, QC and reconnection windows (a preview unless --apply)',
  usage:
    'isopatch plan [--from YYYY-MM-DD] [--apply] [--json]\n\nExit code 1 when the plan breaches a policy deadline or cannot place a task.',
  options: { from: { type: 'string' }, apply: { type: 'boolean' } },
  async run({ router, positionals, values, json }) {
    if (positionals.length > 0) throw new CliError('plan takes no arguments; use --from and --apply.');
    const input = values.from === undefined ? {} : { from: values.from };
    const plan = await call<Plan>(router, values.apply ? 'applyPlan' : 'previewPlan', input);
    if (json) {
      console.log(
        JSON.stringify(
          {
            from: plan.from,
            applied: plan.applied,
            tasks: plan.tasks.map((t) => ({ ...forScripts(t), change: t.change })),
            breaches: plan.breaches,
            awaitingPatch: plan.awaitingPatch,
            changes: plan.changes,
            exposure: plan.exposure,
          },
          null,
          2,
        ),
      );
    } else {
      for (const t of plan.tasks) console.log(`${t.change.padEnd(9)} ${line(t)}`);
      for (const b of plan.breaches) console.log(`BREACH ${b.assetTag} ${b.kind}: ${b.reason}`);
      for (const a of plan.awaitingPatch) console.log(`awaiting patch: ${a.assetTag} (${a.patch})`);
      const c = plan.changes;
      console.log(
        `${plan.applied ? 'Applied' : 'Preview (nothing saved; add --apply)'}: ${c.new} new, ${c.moved} moved, ${c.unchanged} unchanged, ${c.removed} removed; ${plan.breaches.length} breaches; ${plan.awaitingPatch.length} devices awaiting a patch.`,
      );
    }
    return plan.breaches.length > 0 ? EXIT.doneWithProblems : EXIT.done;
  },
};

/**
 * A done window's start and end are when the work was done; plannedStart and plannedEnd say when it had been
 * planned (null for a window not done), so a script can compare the two.
 */
const windowForScripts = (w: PlannedWindow) => ({
  ...forScripts(w),
  plannedStart: w.plannedStart,
  plannedEnd: w.plannedEnd,
});

/** "  (planned ... - ...)" after a done window whose work was not at the planned times. */
const plannedElsewhere = (w: PlannedWindow) =>
  w.plannedStart !== null &&
  w.plannedEnd !== null &&
  (Date.parse(w.plannedStart) !== Date.parse(w.start) || Date.parse(w.plannedEnd) !== Date.parse(w.end))
    ? `  (planned ${w.plannedStart} - ${w.plannedEnd})`
    : '';

export const windowsCommand: Command = {
  summary: 'list planned windows with their conflicts',
  usage: 'isopatch windows [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--department NAME] [--json]',
  options: { from: { type: 'string' }, to: { type: 'string' }, department: { type: 'string' } },
  async run({ router, positionals, values, json }) {
    if (positionals.length > 0) throw new CliError('windows takes no arguments.');
    const input = Object.fromEntries(
      (['from', 'to', 'department'] as const)
        .filter((k) => values[k] !== undefined)
        .map((k) => [k, values[k]]),
    );
    const list = await call<{ windows: PlannedWindow[]; conflictCount: number }>(
      router,
      'listWindows',
      input,
    );
    const listedWithConflicts = list.windows.filter((w) => w.conflicts.length > 0).length;
    if (json) console.log(JSON.stringify(list.windows.map(windowForScripts), null, 2));
    else {
      for (const w of list.windows) {
        console.log(`${line(w)}${plannedElsewhere(w)}`);
        for (const c of w.conflicts) console.log(`    conflict: ${c}`);
      }
      const elsewhere = list.conflictCount - listedWithConflicts;
      console.log(
        `${counted(list.windows.length, 'window')}; ${listedWithConflicts} with conflicts${
          elsewhere > 0 ? ` (and ${counted(elsewhere, 'window')} with conflicts outside the listed ones)` : ''
        }.`,
      );
    }
    // The exit code speaks of the windows asked for, as the list does.
    return listedWithConflicts > 0 ? EXIT.doneWithProblems : EXIT.done;
  },
};

export const taskCommand: Command = {
  summary: 'mark a task done with its actual times (isopatch task done TASK_ID)',
  usage:
    'isopatch task done TASK_ID [--start TIME] [--end TIME] [--json]   (ISO 8601; no offset: main site time)',
  options: { start: { type: 'string' }, end: { type: 'string' } },
  async run({ router, positionals, values, json }) {
    const [action, id, ...rest] = positionals;
    if (action !== 'done' || !id || rest.length > 0 || !/^\d+$/.test(id)) {
      throw new CliError('Use: isopatch task done TASK_ID [--start TIME] [--end TIME].');
    }
    const start = await withOffset(router, values.start);
    const end = await withOffset(router, values.end);
    const window = await call<PlannedWindow>(router, 'completeTask', {
      id: Number(id),
      ...(start !== undefined && { actualStart: start }),
      ...(end !== undefined && { actualEnd: end }),
    });
    console.log(
      json
        ? JSON.stringify(forScripts(window), null, 2)
        : `Task ${window.id} (${window.kind} of ${window.assetTag}) is done: ${window.actualStart} - ${window.actualEnd}.`,
    );
    return EXIT.done;
  },
};

export const setStateCommand: Command = {
  summary: 'move a device to another state, if its lifecycle allows it',
  usage:
    'isopatch set-state ASSET_TAG STATE [--reason TEXT] [--approver NAME] [--review-date YYYY-MM-DD] [--json]\n\n' +
    'STATE: affected, isolation-planned, isolated, patch-planned, patched, verified, reconnected,\n' +
    '       risk-accepted (needs --reason, --approver, --review-date), not-affected (needs --reason), decommissioned',
  options: { reason: { type: 'string' }, approver: { type: 'string' }, 'review-date': { type: 'string' } },
  async run({ router, positionals, values, json }) {
    const [assetTag, state, ...rest] = positionals;
    if (!assetTag || !state || rest.length > 0) throw new CliError('set-state needs ASSET_TAG and STATE.');
    if (!deviceState.safeParse(state).success)
      throw new CliError(
        `"${state}" is not a device state; STATE is one of ${deviceState.options.join(', ')}.`,
      );
    const change = await call<{ assetTag: string; from: string; to: string }>(router, 'setDeviceState', {
      assetTag,
      state,
      ...(values.reason !== undefined && { reason: values.reason }),
      ...(values.approver !== undefined && { approver: values.approver }),
      ...(values['review-date'] !== undefined && { reviewDate: values['review-date'] }),
    });
    console.log(
      json ? JSON.stringify(change, null, 2) : `${change.assetTag}: ${change.from} -> ${change.to}.`,
    );
    return EXIT.done;
  },
};
