import { create } from 'zustand';
import type { ApiError } from '../../electron/api/contract';

export interface ShownError {
  readonly id: number;
  readonly message: string;
}

interface ErrorState {
  readonly errors: readonly ShownError[];
  report(error: ApiError | string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Router errors in plain words, shown by the ErrorSurface until dismissed. */
export const useErrorStore = create<ErrorState>()((set) => ({
  errors: [],
  report: (error) =>
    set((state) => ({
      errors: [
        ...state.errors,
        { id: nextId++, message: typeof error === 'string' ? error : error.message },
      ].slice(-5),
    })),
  dismiss: (id) => set((state) => ({ errors: state.errors.filter((e) => e.id !== id) })),
}));

export const reportError = (error: ApiError | string) => useErrorStore.getState().report(error);
