import { useRef } from 'react';
import { call } from '../../api';
import { useLiveQuery } from '../../live-query';
import { reportInput, useReportsStore } from '../../stores/reports';
import '../../styles/reports.css';
import { ReportActions } from './ReportActions';
import { datesProblem, PaperFields, ReportForm } from './ReportForm';
import { ReportSheet } from './ReportSheet';

/**
 * Reports: pick one, set its site, departments and dates, see it on the chosen paper, then print it, save it as
 * a PDF or take it as CSV, XLSX or HTML. The preview is the printout: the core builds the HTML once.
 */
export function ReportsView() {
  const params = useReportsStore((state) => state.params);
  // Dates in the wrong order are said next to the fields (ReportForm); the last report asked for stays shown.
  const wrongDates = datesProblem(params) !== null;
  const lastGood = useRef(reportInput(params));
  if (!wrongDates) lastGood.current = reportInput(params);
  const input = lastGood.current;
  const key = JSON.stringify(input);
  const preview = useLiveQuery(
    () => call('previewReport', input),
    ['devices', 'advisories', 'planning', 'settings', 'audit'],
    key,
  );
  const site = useLiveQuery(() => call('getSiteModel', {}), ['settings', 'planning'], 'reports-site-model');
  const shown = preview.value;
  return (
    <>
      <div className="no-print">
        <h1>Reports</h1>
        <p className="view-intro">
          Made for paper: each report shows its filter, who made it and when, and prints with page numbers.
        </p>
        <ReportForm sites={site.value?.sites ?? []} />
        <div className="toolbar report-output">
          <PaperFields orientation={params.orientation ?? shown?.orientation ?? 'portrait'} />
          <ReportActions
            // A new report (or new parameters) starts without the last one's "Saved …" message.
            key={key}
            input={input}
            preview={preview.problem || wrongDates ? null : shown}
          />
        </div>
        {preview.problem && !wrongDates && <p className="problem">{preview.problem}</p>}
      </div>
      {shown && !preview.problem ? (
        <ReportSheet preview={shown} current={preview.key === key} />
      ) : (
        !preview.problem && <p className="loading no-print">Preparing the report…</p>
      )}
    </>
  );
}
