/**
 * The renderer's one way to the core. In Electron the preload provides `window.isopatch`; in a browser the same
 * operations go to the loopback web server. Stores call `call()`, never the transport directly.
 */
import type {
  ApiError,
  ApiResult,
  Domain,
  InputOf,
  IsopatchApi,
  OperationName,
  OutputOf,
} from '../electron/api/contract';
import { operationNames } from '../electron/api/operations';

declare global {
  interface Window {
    readonly isopatch?: IsopatchApi;
  }
}

const TOKEN_KEY = 'isopatch.token';
const failure = (code: ApiError['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

/** The web server prints an address ending in #token=...; keep the token for this tab and tidy the address bar. */
function takeWebToken(): string {
  const match = /^#token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): IsopatchApi {
  const token = takeWebToken();
  const post = (name: OperationName) => async (input: unknown) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-isopatch-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return failure(
        'INTERNAL',
        'The Isopatch server is not reachable. Is "npm run start:web" still running?',
      );
    }
    if (response.status === 401) {
      return failure(
        'FORBIDDEN',
        'This page has no valid access token. Open the address that "npm run start:web" printed.',
      );
    }
    if (!response.ok)
      return failure('INTERNAL', `The Isopatch server refused the request (HTTP ${response.status}).`);
    return (await response.json()) as ApiResult<unknown>;
  };
  return Object.freeze(Object.fromEntries(operationNames.map((name) => [name, post(name)]))) as IsopatchApi;
}

const transport: IsopatchApi = window.isopatch ?? webTransport();

type ChangeListener = (changed: readonly Domain[]) => void;
const changeListeners = new Set<ChangeListener>();

/** Stores subscribe to learn which parts of the data a successful write changed. */
export function onDataChanged(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** For work that finished in the background (a job): tell the stores what it changed. */
export function announceChanges(changed: readonly Domain[]): void {
  for (const listener of changeListeners) listener(changed);
}

export async function call<K extends OperationName>(
  name: K,
  input: InputOf<K>,
): Promise<ApiResult<OutputOf<K>>> {
  const operation = transport[name] as (input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>;
  const result = await operation(input);
  if (result.ok && result.changed.length > 0)
    for (const listener of changeListeners) listener(result.changed);
  return result;
}
