import { useState } from 'react';
import type { InputOf } from '../../../../electron/api/contract';
import { call } from '../../../api';

export type CatalogEdit =
  | 'saveVendorAlias'
  | 'deleteVendorAlias'
  | 'saveModelAlias'
  | 'deleteModelAlias'
  | 'deleteMatchRule';

export type RunEdit = <K extends CatalogEdit>(operation: K, input: InputOf<K>) => Promise<boolean>;

/**
 * One outcome line for the whole Products section: what the last edit did (how many devices follow it now), or
 * why it was refused. The catalog itself reloads through the live query when a write changes devices or matches.
 */
export function useCatalogEdit(): { run: RunEdit; message: string; problem: string } {
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const run: RunEdit = async (operation, input) => {
    const result = await call(operation, input);
    setMessage(result.ok ? result.value.summary : '');
    setProblem(result.ok ? '' : result.error.message);
    return result.ok;
  };
  return { run, message, problem };
}
