import type { AffectedDevice } from '../api/schemas/advisories';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

export const affectedCommand: Command = {
  summary: 'devices that advisories affect, with reasons, patch state and priority',
  usage: 'isopatch affected [--json]',
  options: {},
  async run({ router, positionals, json }) {
    if (positionals.length > 0) throw new CliError('affected takes no arguments.');
    const devices = await call<AffectedDevice[]>(router, 'listAffected', {});
    if (json) console.log(JSON.stringify(devices, null, 2));
    else {
      for (const d of devices) {
        console.log(`${d.assetTag}  priority ${d.priority}${d.needsReview ? '  (needs review)' : ''}`);
        for (const a of d.advisories)
          console.log(`  ${a.id} ${a.status} [${a.basis}] patch ${a.patch.status}: ${a.reason}`);
      }
      console.log(`${devices.length} affected devices.`);
    }
    return EXIT.done;
  },
};

export const confirmMatchCommand: Command = {
  summary: 'confirm that a model belongs to a product family (remembered as a rule)',
  usage: 'isopatch confirm-match --model MODEL --family FAMILY [--json]',
  options: { model: { type: 'string' }, family: { type: 'string' } },
  async run({ router, values, json }) {
    if (typeof values.model !== 'string' || typeof values.family !== 'string') {
      throw new CliError('confirm-match needs --model MODEL and --family FAMILY.');
    }
    const result = await call<{ model: string; family: string; devices: number }>(router, 'confirmMatch', {
      model: values.model,
      family: values.family,
    });
    console.log(
      json
        ? JSON.stringify(result, null, 2)
        : `${result.model} is now in ${result.family} (${result.devices} devices).`,
    );
    return EXIT.done;
  },
};

export const patchStatusCommand: Command = {
  summary: 'set whether a patch exists for an advisory and product family',
  usage:
    'isopatch patch-status ADVISORY FAMILY --status none-available|announced|available|superseded|no-fix-planned [--version-range RANGE] [--available-from DATE] [--update-id ID] [--json]\n  --version-range  only for these versions of the family, where the vendor distinguishes them ("< VB22A", "VA60A")',
  options: {
    status: { type: 'string' },
    'version-range': { type: 'string' },
    'available-from': { type: 'string' },
    'update-id': { type: 'string' },
  },
  async run({ router, positionals, values, json }) {
    const [advisory, family, ...rest] = positionals;
    if (!advisory || !family || rest.length > 0 || typeof values.status !== 'string') {
      throw new CliError('patch-status needs ADVISORY, FAMILY and --status.');
    }
    const result = await call<{ advisory: string; family: string; versionRange: string; status: string }>(
      router,
      'setPatchStatus',
      {
        advisory,
        family,
        status: values.status,
        ...(values['version-range'] !== undefined && { versionRange: values['version-range'] }),
        ...(values['available-from'] !== undefined && { availableFrom: values['available-from'] }),
        ...(values['update-id'] !== undefined && { updateId: values['update-id'] }),
      },
    );
    console.log(
      json
        ? JSON.stringify(result, null, 2)
        : `${result.advisory} / ${result.family}${result.versionRange ? `, versions ${result.versionRange}` : ''}: ${result.status}.`,
    );
    return EXIT.done;
  },
};
