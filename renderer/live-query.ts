import { useEffect, useState } from 'react';
import type { ApiResult, Domain } from '../electron/api/contract';
import { onDataChanged } from './api';

/**
 * Loads data for one view and loads it again whenever a write changes one of the given domains.
 * For data a single view shows; data several views share lives in a store.
 */
export function useLiveQuery<T>(
  load: () => Promise<ApiResult<T>>,
  domains: readonly Domain[],
  key: string,
): { value: T | null; problem: string | null } {
  const [state, setState] = useState<{ value: T | null; problem: string | null }>({
    value: null,
    problem: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what is loaded; `load` is a new closure each render
  useEffect(() => {
    let current = true;
    const run = () =>
      void load().then((result) => {
        if (!current) return;
        setState(
          result.ok ? { value: result.value, problem: null } : { value: null, problem: result.error.message },
        );
      });
    run();
    const stop = onDataChanged((changed) => {
      if (changed.some((domain) => domains.includes(domain))) run();
    });
    return () => {
      current = false;
      stop();
    };
  }, [key]);
  return state;
}
