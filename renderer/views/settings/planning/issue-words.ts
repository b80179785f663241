import type { SiteModel } from '../../../../electron/api/schemas/site-model';

/**
 * Validation problems of the site model in the words of the form: the schema's own messages are already
 * sentences ("must be a time of day as HH:MM"); zod's generic ones are turned into the same style here, and a
 * path such as `model.sites.0.departments.1.maintenanceSlots.0.start` becomes "Nuclear Medicine, slot 1, start".
 */

const MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/expected number, received/, () => 'must be a number'],
  [/expected int, received number/, () => 'must be a whole number'],
  [/^Too small: expected number to be >=(\S+)/, (m) => `must be at least ${m[1]}`],
  [/^Too big: expected number to be <=(\S+)/, (m) => `must be at most ${m[1]}`],
  [/^Too small: expected array to have >=1 items/, () => 'must have at least one'],
  [/^Too big: expected array to have <=(\d+) items/, (m) => `must have at most ${m[1]}`],
  [/^Too big: expected string to have <=(\d+) characters/, (m) => `must be at most ${m[1]} characters`],
  [/^Invalid option/, () => 'must be one of the choices offered'],
];

export function plainMessage(message: string): string {
  for (const [pattern, words] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return words(match);
  }
  return message;
}

const FIELD_WORDS: Record<string, string> = {
  day: 'day',
  start: 'start',
  end: 'end',
  from: 'from',
  to: 'to',
  reason: 'reason',
  modality: 'modality',
  maxDown: 'at most down at once',
  name: 'name',
  timeZone: 'time zone',
  kind: 'kind',
  workDays: 'work days',
  dailyCapacityMinutes: 'daily capacity',
  contact: 'contact',
  isolation: 'isolation',
  patch: 'patch',
  qc: 'QC',
  reconnection: 'reconnection',
  criticalCvss: 'critical from CVSS',
  isolateCriticalWithinDays: 'isolate critical devices within',
  isolateOtherWithinDays: 'isolate other devices within',
  patchWithinDaysOfAvailability: 'patch within',
  reconnectAfterPatch: 'reconnect after the patch',
  keepOneOfEachModality: 'keep one of each modality up',
  horizonDays: 'plan ahead',
};

const ITEM_WORDS: Record<string, string> = {
  maintenanceSlots: 'slot',
  blackouts: 'blackout',
  availability: 'availability rule',
};

/** "Nuclear Medicine, slot 1, start" for a path into the model that was sent. */
export function pathInWords(model: SiteModel, path: string): string {
  const parts = path.replace(/^model\.?/, '').split('.');
  const words: string[] = [];
  let i = 0;
  const index = (at: number) => Number(parts[at]);
  if (parts[0] === 'sites') {
    const site = model.sites[index(1)];
    const department = parts[2] === 'departments' ? site?.departments[index(3)] : undefined;
    if (department) {
      words.push(department.name);
      i = 4;
    } else if (site) {
      words.push(parts[2] === 'blackouts' ? `${site.name} (whole site)` : site.name);
      i = 2;
    } else {
      words.push('Sites');
      i = 1;
    }
  } else if (parts[0] === 'teams') {
    const team = model.teams[index(1)];
    words.push(team ? `Team ${team.name || index(1) + 1}` : 'Teams');
    i = team ? 2 : 1;
  } else if (parts[0] === 'durations') {
    words.push(parts[1] === 'default' ? 'Default task durations' : 'Task durations');
    i = parts[1] === 'default' ? 2 : 1;
  } else if (parts[0] === 'policies') {
    words.push('Policies');
    i = 1;
  }
  for (; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const item = ITEM_WORDS[part];
    if (item && /^\d+$/.test(parts[i + 1] ?? '')) {
      words.push(`${item} ${index(i + 1) + 1}`);
      i++;
    } else if (part !== '') {
      words.push(FIELD_WORDS[part] ?? part);
    }
  }
  return words.join(', ') || 'The site model';
}

/** `sites[0].departments[1].maintenanceSlots[0].start`: the place in a file, as the command line names it. */
export const pathInFile = (path: string): string =>
  path
    .replace(/^model\.?/, '')
    .split('.')
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('') || '(the whole file)';
