import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

export const undoImportCommand: Command = {
  summary: 'restore the devices of an import batch to their state before it',
  usage: 'isopatch undo-import BATCH_ID [--json]',
  options: {},
  async run({ router, positionals, json }) {
    const [id, ...rest] = positionals;
    const batchId = Number(id);
    if (!id || rest.length > 0 || !Number.isInteger(batchId) || batchId <= 0) {
      throw new CliError('undo-import takes one BATCH_ID, a positive whole number.');
    }
    const result = await call<{ batchId: number; removed: number; restored: number }>(router, 'undoImport', {
      batchId,
    });
    console.log(
      json
        ? JSON.stringify(result, null, 2)
        : `Undid import batch ${result.batchId}: ${result.removed} devices removed, ${result.restored} restored.`,
    );
    return EXIT.done;
  },
};
