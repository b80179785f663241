import { useEffect, useState } from 'react';
import type { ApiResult, Domain } from '../electron/api/contract';
import { onDataChanged } from './api';

/**
 * Loads data for one view and loads it again whenever a write changes one of the given domains.
 * For data a single view shows; data several views share lives in a store. While a new `key` loads, the last
 * value stays; `key` in the result says which key it belongs to.
 */
export function useLiveQuery<T>(
  load: () => Promise<ApiResult<T>>,
  domains: readonly Domain[],
  key: string,
): { value: T | null; problem: string | null; key: string | null } {
  const [state, setState] = useState<{ value: T | null; problem: string | null; key: string | null }>({
    value: null,
    problem: null,
    key: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what is loaded; `load` is a new closure each render
  useEffect(() => {
    let current = true;
    const run = () =>
      void load().then((result) => {
        if (!current) return;
        setState(
          result.ok
            ? { value: result.value, problem: null, key }
            : { value: null, problem: result.error.message, key },
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
