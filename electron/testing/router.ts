import type { Router } from '../api/router';

/** The value of an operation through the router, as the app gets it; a refusal fails the test with its message. */
export async function call<T>(router: Router, name: string, input: unknown = {}): Promise<T> {
  const result = await router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
