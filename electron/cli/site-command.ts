import { readFileSync, writeFileSync } from 'node:fs';
import type { ApiResult } from '../api/contract';
import type { SiteModel } from '../api/schemas/site-model';
import { type Command, type CommandRun, call } from './command';
import { CliError, EXIT, type ExitCode } from './exit-codes';
import { assertFileSize } from './file-size';

const USAGE = 'isopatch site import FILE.json [--json] | isopatch site export [--out FILE] [--json]';

/**
 * Where the JSON grammar first breaks, for the engines whose JSON.parse message gives no position (Node 20 says
 * only "Unexpected token"). Runs only after JSON.parse failed; -1 when it finds nothing.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const string = () => {
    for (i++; text[i] !== '"'; i++) {
      const ch = text[i];
      if (ch === undefined || ch < ' ') fail();
      if (ch !== '\\') continue;
      i++;
      if (text[i] === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
        i += 4;
      } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
    }
    i++;
  };
  const items = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    space();
    const ch = text[i] ?? '';
    if (ch === '{')
      items('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    else if (ch === '[') items(']', value);
    else if (ch === '"') string();
    else if (ch === 't' || ch === 'f' || ch === 'n') {
      for (const letter of ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null') {
        if (text[i] !== letter) fail();
        i++;
      }
    } else {
      const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      number.lastIndex = i;
      if (!number.test(text)) fail();
      i = number.lastIndex;
    }
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : -1; // a RangeError: nested deeper than the stack
  }
}

/** The file as JSON, or one sentence naming the file and where its JSON breaks. */
function readJson(path: string): unknown {
  assertFileSize(path, 'siteModel');
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, ''); // editors on Windows add a byte-order mark
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new CliError(`The file ${path} ${reason}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const stated = /at position (\d+)/.exec(message);
    const offset = stated ? Number(stated[1]) : jsonErrorOffset(text);
    const problem = message.replace(/ (?:in JSON )?at position \d+.*$|, ".*" is not valid JSON$/s, '');
    if (offset < 0) throw new CliError(`The file ${path} is not JSON: ${problem}.`);
    const before = text.slice(0, offset).split('\n');
    const where = `line ${before.length}, column ${(before.at(-1) ?? '').length + 1}`;
    throw new CliError(`The file ${path} is not JSON: ${problem} at ${where} (position ${offset}).`);
  }
}

/** The router's `model.sites.0.departments.1.start` as the file's `sites[0].departments[1].start`. */
function jsonPathOf(routerPath: string): string {
  return routerPath
    .split('.')
    .slice(1)
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

async function importSite({ router, positionals, values, json }: CommandRun): Promise<ExitCode> {
  const [path, ...rest] = positionals;
  if (!path || rest.length > 0 || values.out !== undefined)
    throw new CliError(`site import takes one FILE.json; usage: ${USAGE}`);
  const result = (await router.dispatch('saveSiteModel', { model: readJson(path) })) as ApiResult<{
    model: SiteModel;
    keptTeams: string[];
  }>;
  if (!result.ok) {
    const { code, message, issues } = result.error;
    if (code !== 'INVALID_INPUT') throw new CliError(message);
    for (const issue of issues ?? [{ path: '', message }]) {
      const at = jsonPathOf(issue.path);
      console.error(`${path}: ${at ? `at ${at}: ` : ''}${issue.message}`);
    }
    return EXIT.nothingChanged;
  }
  const { model, keptTeams } = result.value;
  if (json) console.log(JSON.stringify(result.value, null, 2));
  else {
    const departments = model.sites.reduce((n, s) => n + s.departments.length, 0);
    console.log(
      `Saved the site model from ${path}: ${model.sites.length} sites, ${departments} departments, ${model.teams.length} teams.`,
    );
    for (const team of keptTeams)
      console.log(`  kept team "${team}": it is not in the file, but planned windows are assigned to it.`);
  }
  return keptTeams.length > 0 ? EXIT.doneWithProblems : EXIT.done;
}

async function exportSite({ router, positionals, values, json }: CommandRun): Promise<ExitCode> {
  if (positionals.length > 0)
    throw new CliError(`site export takes no FILE; use --out FILE. Usage: ${USAGE}`);
  const model = await call<SiteModel>(router, 'getSiteModel', {});
  const text = `${JSON.stringify(model, null, 2)}\n`;
  if (typeof values.out !== 'string') {
    process.stdout.write(text);
    return EXIT.done;
  }
  try {
    writeFileSync(values.out, text);
  } catch (error) {
    throw new CliError(`The file ${values.out} cannot be written: ${(error as Error).message}.`);
  }
  if (json) process.stdout.write(text);
  else
    console.log(
      `Wrote the site model to ${values.out} (${model.sites.length} sites, ${model.teams.length} teams).`,
    );
  return EXIT.done;
}

export const siteCommand: Command = {
  summary: 'import or export the site model (sites, slots, blackouts, teams, durations, policies) as JSON',
  usage: USAGE,
  options: { out: { type: 'string' } },
  async run(run) {
    const [action, ...rest] = run.positionals;
    const next = { ...run, positionals: rest };
    if (action === 'import') return importSite(next);
    if (action === 'export') return exportSite(next);
    throw new CliError(
      action === undefined
        ? `site needs import or export; usage: ${USAGE}`
        : `site has no action "${action}"; usage: ${USAGE}`,
    );
  },
};
