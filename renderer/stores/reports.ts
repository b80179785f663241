import { create } from 'zustand';
import type { InputOf } from '../../electron/api/contract';
import type { Orientation, PaperSize, ReportKind } from '../../electron/api/schemas/reports';

/** What the Reports view is set to; kept while the person visits other views. */
export interface ReportParams {
  readonly report: ReportKind;
  readonly site: string;
  readonly departments: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly paper: PaperSize;
  /** Unset: the report's own default (the status report portrait, the wide tables landscape). */
  readonly orientation: Orientation | null;
}

interface ReportsState {
  readonly params: ReportParams;
  set(change: Partial<ReportParams>): void;
}

export const useReportsStore = create<ReportsState>()((set) => ({
  params: { report: 'status', site: '', departments: [], from: '', to: '', paper: 'a4', orientation: null },
  set: (change) => set((state) => ({ params: { ...state.params, ...change } })),
}));

/** The parameters as the contract takes them: empty fields left out. */
export function reportInput(params: ReportParams): InputOf<'previewReport'> {
  return {
    report: params.report,
    departments: [...params.departments],
    paper: params.paper,
    ...(params.site && { site: params.site }),
    ...(params.from && { from: params.from }),
    ...(params.to && { to: params.to }),
    ...(params.orientation && { orientation: params.orientation }),
  };
}
