import type { Span } from './calendar';

/** Who is down when, per department and modality, so the planner and the conflict check can count. */
export class Downtime<S extends Span = Span> {
  private readonly groups = new Map<string, { spans: S[]; longest: number }>();

  static key(departmentId: number, modality: string) {
    return `${departmentId}|${modality}`;
  }

  add(key: string, span: S): void {
    let group = this.groups.get(key);
    if (!group) {
      group = { spans: [], longest: 0 };
      this.groups.set(key, group);
    }
    const spans = group.spans;
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((spans[mid] as Span).start <= span.start) low = mid + 1;
      else high = mid;
    }
    spans.splice(low, 0, span);
    group.longest = Math.max(group.longest, span.end - span.start);
  }

  /** The spans of a group that overlap [start, end). */
  overlapping(key: string, start: number, end: number): S[] {
    const group = this.groups.get(key);
    if (!group) return [];
    const spans = group.spans;
    // Spans are sorted by start; none starting before start - longest can reach into [start, end).
    let low = 0;
    let high = spans.length;
    const from = start - group.longest;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((spans[mid] as Span).start < from) low = mid + 1;
      else high = mid;
    }
    const found: S[] = [];
    for (let i = low; i < spans.length; i++) {
      const s = spans[i] as S;
      if (s.start >= end) break;
      if (s.end > start) found.push(s);
    }
    return found;
  }

  /** The most spans that are down at the same moment within [start, end). */
  peak(key: string, start: number, end: number): number {
    const spans = this.overlapping(key, start, end);
    if (spans.length <= 1) return spans.length;
    const edges: [number, number][] = [];
    for (const s of spans) edges.push([Math.max(s.start, start), 1], [Math.min(s.end, end), -1]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let most = 0;
    for (const [, step] of edges) {
      current += step;
      most = Math.max(most, current);
    }
    return most;
  }
}

/** Minutes each team has booked per working period (keyed by the period's start). */
export class TeamLoad {
  private readonly used = new Map<number, Map<number, number>>();

  minutes(teamId: number, shiftStart: number): number {
    return this.used.get(teamId)?.get(shiftStart) ?? 0;
  }

  add(teamId: number, shiftStart: number, minutes: number): void {
    let team = this.used.get(teamId);
    if (!team) {
      team = new Map();
      this.used.set(teamId, team);
    }
    team.set(shiftStart, (team.get(shiftStart) ?? 0) + minutes);
  }
}

/** The tasks each team has in hand when, so that no more run at once than the team can work on. */
export class TeamTasks {
  private readonly spans = new Downtime();

  add(teamId: number, span: Span): void {
    this.spans.add(String(teamId), span);
  }

  /** The most of the team's tasks running at the same moment within [start, end). */
  peak(teamId: number, start: number, end: number): number {
    return this.spans.peak(String(teamId), start, end);
  }

  /** The team's tasks overlapping [start, end). */
  overlapping(teamId: number, start: number, end: number): Span[] {
    return this.spans.overlapping(String(teamId), start, end);
  }

  /** When the team's tasks overlapping [start, end) end: where a task that waited for them could start. */
  endsWithin(teamId: number, start: number, end: number): number[] {
    return this.overlapping(teamId, start, end).map((s) => s.end);
  }
}
