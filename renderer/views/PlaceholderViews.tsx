import { EmptyState } from '../components/EmptyState';
import { hrefOf } from '../stores/navigation';

// The views that later features fill; each already says what it will hold and what to do first.

export function ScheduleView() {
  return (
    <>
      <h1>Schedule</h1>
      <EmptyState title="Nothing planned yet">
        <p>
          Each affected device gets an isolation window first, then a patch window with quality control once
          the vendor releases the patch, inside its department's maintenance slots. Planning starts once
          devices are matched to advisories.
        </p>
      </EmptyState>
    </>
  );
}

export function ReportsView() {
  return (
    <>
      <h1>Reports</h1>
      <EmptyState title="No reports to show yet">
        <p>
          Status reports, department worklists, the device register and the audit trail are printed or
          exported here once there are devices. The organization name in the report headers comes from{' '}
          <a href={hrefOf('settings')}>Settings</a>.
        </p>
      </EmptyState>
    </>
  );
}
