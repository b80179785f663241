import { AppError } from './errors';

export type ProgressPhase = 'reading' | 'checking' | 'writing';

/**
 * Long work calls this as it goes. It reports how far the work is, and throws CancelledError when the person
 * cancelled, so the work stops at the next row and its transaction rolls back.
 */
export type Progress = (phase: ProgressPhase, done: number, total: number) => void;

export const noProgress: Progress = () => {};

export class CancelledError extends AppError {
  constructor() {
    super('CANCELLED', 'The work was cancelled; nothing was changed.');
  }
}

/** Calls `progress` every `every` steps (and at the last one), so a 100,000-row loop reports a hundred times. */
export function stepper(progress: Progress, phase: ProgressPhase, total: number, every = 1000) {
  progress(phase, 0, total);
  return (done: number) => {
    if (done % every === 0 || done === total) progress(phase, done, total);
  };
}
