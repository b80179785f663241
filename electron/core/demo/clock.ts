/**
 * The time the demo's session believes it is. The history script moves it forward through the past weeks, so
 * every write of the generated history carries the time it would have had (the audit log, import batches,
 * affected-since dates); it never moves backwards, as real time does not.
 */
export class DemoClock {
  private at: number;

  constructor(start: Date) {
    this.at = start.getTime();
  }

  readonly now = (): Date => new Date(this.at);

  /** Moves to `time` when that is later; an earlier time leaves the clock where it is. */
  moveTo(time: Date | number): void {
    const ms = typeof time === 'number' ? time : time.getTime();
    if (ms > this.at) this.at = ms;
  }
}
