/**
 * The renderer's only door to the core: `window.isopatch`, one function per operation of the contract,
 * each sending its input to that operation's own IPC channel. No generic invoke, no Node access.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IsopatchApi } from './api/contract';
import { ipcChannel, operationNames } from './api/operations';

const api = Object.freeze(
  Object.fromEntries(
    operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
  ),
) as IsopatchApi;

contextBridge.exposeInMainWorld('isopatch', api);
