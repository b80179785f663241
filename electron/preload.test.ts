import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { contract } from './api/contract';

/**
 * Runs the bundled preload as Electron's sandbox would: its only import is `electron`, given here as a recorder
 * of what the preload exposes and which channels it invokes.
 */
function loadPreload() {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: [string, unknown][] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: null, changed: [] };
      },
    },
  };
  const code = readFileSync(join(import.meta.dirname, '..', 'dist', 'electron', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id !== 'electron') throw new Error(`The sandboxed preload may not require ${id}`);
      return electron;
    },
  });
  return { exposed, invoked };
}

describe('the preload', () => {
  it('exposes one object with exactly the operations of the contract, frozen', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['isopatch']);
    const api = exposed.get('isopatch') ?? {};
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("sends each operation's input to that operation's own channel", async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('isopatch') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of Object.keys(contract)) await api[name]?.({ probe: name });
    expect(invoked).toEqual(Object.keys(contract).map((name) => [`isopatch:${name}`, { probe: name }]));
  });

  it('requires nothing but electron', () => {
    const code = readFileSync(join(import.meta.dirname, '..', 'dist', 'electron', 'preload.cjs'), 'utf8');
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});
